import { IconNews } from '@tabler/icons-react';
import { useNewslettersT } from './i18n.ts';

/** The newsletter's tab in the "Diffusion" rooms (web/features/campaigns/SendingNav.tsx). */
export function useNewsletterSection() {
  const t = useNewslettersT();
  return { to: '/newsletters', end: false, label: t('nav.newsletters'), icon: IconNews };
}
