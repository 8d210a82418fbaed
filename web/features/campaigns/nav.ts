import { IconMailForward } from '@tabler/icons-react';
import { useMe } from '../../app/auth.ts';
import { useCampaignsT } from './i18n.ts';

type SendingNavItem = { to: string; label: string; icon: typeof IconMailForward };

/** The shell's "Diffusion" entry, for those who manage lists and campaigns (the cell, admins). */
export function useSendingNavItems(): SendingNavItem[] {
  const t = useCampaignsT();
  const me = useMe();
  if (!me?.abilities.manageCampaigns) return [];
  return [{ to: '/campaigns', label: t('nav.sending'), icon: IconMailForward }];
}
