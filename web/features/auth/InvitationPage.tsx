import { useParams } from 'react-router';
import { ChoosePassword } from './ChoosePassword.tsx';

export default function InvitationPage() {
  const { token = '' } = useParams();
  return <ChoosePassword kind="invitations" token={token} />;
}
