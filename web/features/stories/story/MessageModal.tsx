import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  text?: string;
  label: string;
  confirmLabel: string;
  /** A message is needed to confirm. */
  isRequired: boolean;
  color?: string;
  initialMessage?: string;
  maxLength?: number;
  placeholder?: string;
  /** Resolves when done (the modal then closes); rejects to keep it open. */
  onConfirm: (message: string) => Promise<unknown>;
};

/** A dialog that asks for a message before a step: request changes, accept, decline, not taken… */
export function MessageModal({
  opened,
  onClose,
  title,
  text,
  label,
  confirmLabel,
  isRequired,
  color,
  initialMessage = '',
  maxLength = 2000,
  placeholder,
  onConfirm,
}: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState(initialMessage);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setMessage(initialMessage);
      setError(null);
    }
  }, [opened, initialMessage]);

  const confirm = async () => {
    if (isRequired && !message.trim()) {
      setError(t('fieldErrors.required'));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(message.trim());
      onClose();
    } catch {
      // Reported by the caller; the dialog stays open to retry.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
        noValidate
      >
        <Stack gap="md">
          {text && <Text size="sm">{text}</Text>}
          <Textarea
            label={label}
            required={isRequired}
            value={message}
            onChange={(event) => {
              setMessage(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            autosize
            minRows={4}
            maxRows={12}
            maxLength={maxLength}
            placeholder={placeholder}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={isBusy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
