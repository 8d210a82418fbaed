import { Badge, type BadgeProps } from '@mantine/core';
import type { CampaignKind, CampaignState } from '../../../shared/campaigns.ts';
import { useCampaignsT } from './i18n.ts';

export const stateColors: Record<CampaignState, string> = {
  draft: 'gray',
  scheduled: 'blue',
  sending: 'violet',
  paused: 'orange',
  sent: 'teal',
  cancelled: 'dark',
};

export function CampaignStateBadge({ state, ...props }: { state: CampaignState } & BadgeProps) {
  const t = useCampaignsT();
  return (
    <Badge variant="light" color={stateColors[state]} {...props}>
      {t(`states.${state}`)}
    </Badge>
  );
}

export function KindBadge({ kind, ...props }: { kind: CampaignKind } & BadgeProps) {
  const t = useCampaignsT();
  return (
    <Badge variant="outline" color="gray" {...props}>
      {t(`kinds.${kind}`)}
    </Badge>
  );
}
