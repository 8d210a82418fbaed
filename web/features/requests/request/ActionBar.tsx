import '@mantine/dates/styles.css';
import { Button, Collapse, Group, Modal, Stack, Switch, Text, Textarea } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconMessageReply, IconSend, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { notifyError, showFormError } from '../../../app/errors.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { MessageModal } from '../../stories/story/MessageModal.tsx';
import { type RequestAction, useRequestAction } from '../api.ts';
import { DeadlineField } from '../form/DeadlineField.tsx';
import { TargetsField, type TargetsValue, targetsInput } from '../form/TargetsField.tsx';
import { type RequestsT, useRequestsT } from '../i18n.ts';
import type { DeadlineInput, RequestDetail } from '../types.ts';

type Dialog = 'forward' | 'answer-by-cell' | 'decline' | 'close' | null;

/** A 409 (someone acted meanwhile): say so and show the fresh request; anything else as usual. */
export function useReportActionError(id: string) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      notifications.show({ color: 'orange', message: t('actions.conflict'), autoClose: 8000 });
      void queryClient.invalidateQueries({ queryKey: ['request', id] });
    } else notifyError(tc, error);
  };
}

function ForwardModal({
  request,
  opened,
  onClose,
  run,
}: {
  request: RequestDetail;
  opened: boolean;
  onClose: () => void;
  run: (action: RequestAction, done: string) => Promise<unknown>;
}) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const proposed: TargetsValue = {
    targetMode: request.targets.mode,
    delegationId: request.targets.delegationId ?? '',
    labIds: request.targets.labIds,
    personIds: request.targets.personIds,
  };
  const [targets, setTargets] = useState<TargetsValue>(proposed);
  const [context, setContext] = useState('');
  const [isNewDeadline, setNewDeadline] = useState(false);
  const [deadline, setDeadline] = useState<DeadlineInput>({
    date: request.deadline.date,
    time: request.deadline.time,
    timeZone: request.deadline.timeZone,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await run(
        {
          name: 'forward',
          body: {
            ...targetsInput(targets),
            context: context.trim() || undefined,
            deadline: isNewDeadline ? deadline : undefined,
          },
        },
        t('actions.forwarded'),
      );
      onClose();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0)
        showFormError(tc, { setErrors }, error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.forwardTitle')} size="xl" centered>
      <DatesProvider settings={{ locale: currentLocale() === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('actions.forwardText')}</Text>
            <TargetsField value={targets} onChange={setTargets} errors={errors} />
            <Textarea
              label={t('actions.context')}
              placeholder={t('actions.contextPlaceholder')}
              value={context}
              onChange={(event) => setContext(event.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={4000}
            />
            <Switch
              label={t('actions.changeDeadline')}
              checked={isNewDeadline}
              onChange={(event) => setNewDeadline(event.currentTarget.checked)}
            />
            <Collapse expanded={isNewDeadline}>
              <DeadlineField
                value={deadline}
                onChange={setDeadline}
                errors={{
                  date: errors['deadline.date'] ?? errors.deadline,
                  time: errors['deadline.time'],
                  timeZone: errors['deadline.timeZone'],
                }}
              />
            </Collapse>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {tc('common.cancel')}
              </Button>
              <Button type="submit" loading={isBusy} leftSection={<IconSend size={16} aria-hidden />}>
                {t('actions.confirmForward')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </Modal>
  );
}

const closeText = (t: RequestsT, request: RequestDetail) =>
  request.state === 'to_route' ? t('actions.withdrawText') : t('actions.closeText');

/** What the viewer may do with the request, straight from its abilities. */
export function ActionBar({ request }: { request: RequestDetail }) {
  const t = useRequestsT();
  const action = useRequestAction(request.id);
  const report = useReportActionError(request.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const { abilities } = request;
  const run = async (input: RequestAction, done: string) => {
    try {
      await action.mutateAsync(input);
      notifications.show({ color: 'teal', message: done });
    } catch (error) {
      report(error);
      throw error;
    }
  };
  const isWithdraw = request.state === 'to_route';
  return (
    <>
      {abilities.close && (
        <Button
          variant="default"
          leftSection={<IconArchive size={16} aria-hidden />}
          onClick={() => setDialog('close')}
        >
          {isWithdraw ? t('actions.withdraw') : t('actions.close')}
        </Button>
      )}
      {abilities.decline && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => setDialog('decline')}
        >
          {t('actions.decline')}
        </Button>
      )}
      {abilities.answerByCell && (
        <Button
          variant="light"
          color="teal"
          leftSection={<IconMessageReply size={16} aria-hidden />}
          onClick={() => setDialog('answer-by-cell')}
        >
          {t('actions.answerByCell')}
        </Button>
      )}
      {abilities.forward && (
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setDialog('forward')}>
          {t('actions.forward')}
        </Button>
      )}
      {abilities.forward && dialog === 'forward' && (
        <ForwardModal request={request} opened onClose={close} run={run} />
      )}
      <MessageModal
        opened={dialog === 'answer-by-cell'}
        onClose={close}
        title={t('actions.answerByCellTitle')}
        text={t('actions.answerByCellText')}
        label={t('actions.answerLabel')}
        confirmLabel={t('actions.confirmAnswerByCell')}
        color="teal.9"
        isRequired
        maxLength={4000}
        onConfirm={(message) =>
          run({ name: 'answer-by-cell', body: { message } }, t('actions.answeredByCell'))
        }
      />
      <MessageModal
        opened={dialog === 'decline'}
        onClose={close}
        title={t('actions.declineTitle')}
        text={t('actions.declineText')}
        label={t('actions.reason')}
        confirmLabel={t('actions.confirmDecline')}
        color="red.9"
        isRequired
        maxLength={4000}
        onConfirm={(message) => run({ name: 'decline', body: { message } }, t('actions.declined'))}
      />
      <MessageModal
        opened={dialog === 'close'}
        onClose={close}
        title={isWithdraw ? t('actions.withdraw') : t('actions.closeTitle')}
        text={closeText(t, request)}
        label={t('actions.closeMessage')}
        confirmLabel={isWithdraw ? t('actions.withdraw') : t('actions.confirmClose')}
        color="dark"
        isRequired={false}
        maxLength={4000}
        onConfirm={(message) => run({ name: 'close', body: message ? { message } : {} }, t('actions.closed'))}
      />
    </>
  );
}
