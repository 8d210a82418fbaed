import { IconMailForward } from '@tabler/icons-react';
import { useMe } from '../../app/auth.ts';
import { useCampaignsT } from './i18n.ts';

type SendingNavItem = { to: string; label: string; icon: typeof IconMailForward };

/**
 * The shell's "Diffusion" entry, for the cell and admins. /api/me has no ability for audiences and
 * campaigns yet: `routeRequests` is the server's "cell or admin", the very rule of
 * audiencePolicy.read and campaignPolicy.read, so it stands in until a `manageCampaigns` exists.
 */
export function useSendingNavItems(): SendingNavItem[] {
  const t = useCampaignsT();
  const me = useMe();
  const can = (me?.abilities ?? {}) as Record<string, boolean | undefined>;
  if (!me || !(can.manageCampaigns ?? can.routeRequests)) return [];
  return [{ to: '/campaigns', label: t('nav.sending'), icon: IconMailForward }];
}
