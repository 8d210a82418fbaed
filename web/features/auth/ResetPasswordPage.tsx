import { useParams } from 'react-router';
import { ChoosePassword } from './ChoosePassword.tsx';

export default function ResetPasswordPage() {
  const { token = '' } = useParams();
  return <ChoosePassword kind="password-resets" token={token} />;
}
