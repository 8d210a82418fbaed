import { Card, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPencil, IconSend, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import type { HistoryEntry } from '../../../app/types.ts';
import { useStoriesT } from '../i18n.ts';
import type { Story } from '../types.ts';

type Step = {
  key: string;
  label: string;
  at: string | null;
  isDone: boolean;
  note?: ReactNode;
  color?: string;
  icon: ReactNode;
};

const lastAt = (history: HistoryEntry[], action: string) =>
  // The history comes newest first.
  history.find((entry) => entry.action === action)?.at ?? null;
const firstAt = (history: HistoryEntry[], action: string) =>
  [...history].reverse().find((entry) => entry.action === action)?.at ?? null;

/** Draft → submitted → in review → decision, with the "changes requested" loops, from the history. */
export function WorkflowSteps({ story, history }: { story: Story; history: HistoryEntry[] }) {
  const t = useStoriesT();
  const locale = currentLocale();
  const loops = history.filter((entry) => entry.action === 'request-changes').length;
  const state = story.state;
  const isDecided = state === 'accepted' || state === 'declined';
  const reviewedAt = lastAt(history, 'review');

  const steps: Step[] = [
    {
      key: 'draft',
      label: t('workflow.draft'),
      at: firstAt(history, 'created') ?? story.createdAt,
      isDone: true,
      icon: <IconPencil size={12} aria-hidden />,
    },
    {
      key: 'submitted',
      label: t('workflow.submitted'),
      at: story.submittedAt ?? lastAt(history, 'submit'),
      isDone: state !== 'draft',
      icon: <IconSend size={12} aria-hidden />,
      color: state === 'changes_requested' ? 'orange' : undefined,
      note:
        state === 'changes_requested' ? (
          <Text size="xs" c="var(--mantine-color-orange-light-color)" fw={600}>
            {t('workflow.waitingChanges')}
          </Text>
        ) : loops > 0 ? (
          <Text size="xs" c="dimmed">
            {t('workflow.changesLoop', { count: loops })}
          </Text>
        ) : undefined,
    },
    {
      key: 'in_review',
      label: t('workflow.in_review'),
      at: state === 'in_review' || isDecided ? reviewedAt : null,
      isDone: state === 'in_review' || isDecided,
      icon: <IconArrowBackUp size={12} aria-hidden style={{ transform: 'scaleX(-1)' }} />,
    },
    {
      key: 'decision',
      label:
        state === 'accepted'
          ? t('workflow.accepted')
          : state === 'declined'
            ? t('workflow.declined')
            : t('workflow.decision'),
      at: isDecided ? story.decidedAt : null,
      isDone: isDecided,
      color: state === 'declined' ? 'red' : state === 'accepted' ? 'teal' : undefined,
      icon: state === 'declined' ? <IconX size={12} aria-hidden /> : <IconCheck size={12} aria-hidden />,
    },
  ];
  const active = steps.reduce((last, step, index) => (step.isDone ? index : last), 0);

  return (
    <Card component="section" aria-labelledby="workflow-title" padding="lg">
      <Title order={2} fz="lg" id="workflow-title" mb="md">
        {t('workflow.title')}
      </Title>
      <Timeline active={active} bulletSize={22} lineWidth={2} color="relais">
        {steps.map((step, index) => (
          <Timeline.Item
            key={step.key}
            color={step.color}
            bullet={
              index <= active ? (
                step.icon
              ) : (
                <ThemeIcon size={22} radius="xl" color="gray" variant="light" aria-hidden>
                  {step.icon}
                </ThemeIcon>
              )
            }
            title={
              <Text fw={index === active ? 700 : 500} size="sm" c={index <= active ? 'dark.8' : 'gray.7'}>
                {step.label}
                {index === active && <span className="sr-only"> ({t(`states.${state}`)})</span>}
              </Text>
            }
            lineVariant={index >= active ? 'dashed' : 'solid'}
          >
            {step.at && index <= active && (
              <Text size="xs" c="dimmed">
                <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
              </Text>
            )}
            {step.note}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
