import { Navigate } from 'react-router';
import { useAdminSections } from './sections.ts';

/** /admin opens the first section the person may use. */
export default function AdminIndex() {
  const [first] = useAdminSections();
  return first ? <Navigate to={`/admin/${first.key}`} replace /> : null;
}
