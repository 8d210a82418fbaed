import { IconBulb, IconChecklist, IconInbox, IconSpeakerphone } from '@tabler/icons-react';
import { useMe } from '../../app/auth.ts';
import { useStoriesT } from './i18n.ts';

type StoryNavItem = { to: string; label: string; icon: typeof IconInbox; end?: boolean };

/**
 * The shell's entries for stories and tips, by what each role works on (the API checks every
 * action; `me.abilities` does not carry these yet).
 */
export function useStoryNavItems(): StoryNavItem[] {
  const t = useStoriesT();
  const me = useMe();
  if (!me) return [];
  const has = (role: string) => me.roles.some((grant) => grant.role === role);
  // The cell starts from its review queue, whose tabs lead to every other list.
  const items: StoryNavItem[] = has('cell')
    ? [{ to: '/review', label: t('nav.review'), icon: IconChecklist }]
    : [{ to: '/stories', label: t('nav.stories'), icon: IconSpeakerphone }];
  if (has('correspondent')) items.push({ to: '/tips', label: t('nav.tips'), icon: IconInbox });
  else if (me.lab || me.roles.some((grant) => grant.lab)) {
    items.push({ to: '/tip', label: t('nav.tip'), icon: IconBulb });
  }
  return items;
}
