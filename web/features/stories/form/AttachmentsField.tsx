import '@mantine/dropzone/styles.css';
import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconFileText,
  IconPhotoUp,
  IconTrash,
  IconUpload,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../app/errors.ts';
import { intlLocale } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { useAttachments, useDeleteAttachment, useUpdateAttachment, useUploadAttachment } from '../api.ts';
import { type StoriesT, useStoriesT } from '../i18n.ts';
import classes from '../stories.module.css';
import type { Attachment, AttachmentFields } from '../types.ts';

const MB = 1024 * 1024;
const accepted = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/heif',
  'image/heic',
  'image/tiff',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];

/** Stored as written (the demo and older stories use these); labels follow the language. */
const licences = [
  ['Tous droits réservés', 'allRights'],
  ['CC BY 4.0', 'ccBy'],
  ['CC BY-SA 4.0', 'ccBySa'],
  ['CC BY-NC 4.0', 'ccByNc'],
  ['CC BY-ND 4.0', 'ccByNd'],
  ['CC0', 'cc0'],
  ['CNRS Images', 'cnrsImages'],
  ['Autre', 'other'],
] as const;

export function licenceOptions(t: StoriesT, current = '') {
  const options = licences.map(([value, key]) => ({ value, label: t(`attachments.licences.${key}`) }));
  return current && !options.some((option) => option.value === current)
    ? [{ value: current, label: current }, ...options]
    : options;
}

export function licenceLabel(t: StoriesT, value: string): string {
  const known = licences.find(([stored]) => stored === value);
  return known ? t(`attachments.licences.${known[1]}`) : value;
}

const fileSize = (bytes: number) =>
  new Intl.NumberFormat(intlLocale(currentLocale()), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(Math.max(0.1, bytes / MB));

export const lacksConsent = (item: Pick<Attachment, 'showsPeople' | 'hasConsent'>) =>
  item.showsPeople && !item.hasConsent;

export function ConsentWarning() {
  const t = useStoriesT();
  return (
    <Tooltip label={t('attachments.consentMissingHint')} multiline w={240}>
      <Badge
        color="orange"
        variant="light"
        leftSection={<IconAlertTriangle size={13} aria-hidden />}
        style={{ border: '1px solid var(--mantine-color-orange-4)' }}
      >
        {t('attachments.consentMissing')}
      </Badge>
    </Tooltip>
  );
}

function AttachmentRow({ storyId, item }: { storyId: string; item: Attachment }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const update = useUpdateAttachment(storyId);
  const remove = useDeleteAttachment(storyId);
  const [caption, setCaption] = useState(item.caption);
  const [credit, setCredit] = useState(item.credit);
  // Switches and licence answer at once; the server's answer follows (and is undone on error).
  const [flags, setFlags] = useState({
    showsPeople: item.showsPeople,
    hasConsent: item.hasConsent,
    licence: item.licence,
  });
  const [isConfirming, setConfirming] = useState(false);
  const canEdit = item.abilities.update ?? false;
  const save = (fields: AttachmentFields) =>
    update.mutate(
      { id: item.id, fields },
      {
        onError: (error) => {
          notifyError(tc, error);
          setFlags({ showsPeople: item.showsPeople, hasConsent: item.hasConsent, licence: item.licence });
        },
      },
    );
  const setFlag = (fields: Partial<typeof flags>) => {
    setFlags((current) => ({ ...current, ...fields }));
    save(fields);
  };
  const isImage = item.kind === 'image';

  return (
    <Card padding="sm" component="li">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Anchor
          href={item.urls.file}
          target="_blank"
          rel="noopener"
          aria-label={t('attachments.open', { name: item.originalName })}
          style={{ flex: 'none', width: 112 }}
        >
          {isImage && item.urls.thumb ? (
            <img src={item.urls.thumb} alt="" className={classes.thumb} />
          ) : (
            <Stack align="center" justify="center" className={classes.thumb} gap={4}>
              <IconFileText size={32} color="var(--mantine-color-gray-6)" aria-hidden />
              <Text size="xs" c="dimmed">
                {t('attachments.document')}
              </Text>
            </Stack>
          )}
        </Anchor>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={6} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate maw="100%">
                {item.originalName}
              </Text>
              <Text size="xs" c="dimmed">
                {fileSize(item.byteSize)}
                {item.width ? ` · ${item.width}×${item.height}` : ''}
              </Text>
              {lacksConsent(flags) && <ConsentWarning />}
              {update.isPending && <Loader size={14} aria-label={tc('common.loading')} />}
            </Group>
            {item.abilities.delete && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('attachments.remove', { name: item.originalName })}
                onClick={() => setConfirming(true)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
          {isImage && (
            <>
              <Textarea
                label={t('attachments.caption')}
                value={caption}
                onChange={(event) => setCaption(event.currentTarget.value)}
                onBlur={() => caption !== item.caption && save({ caption })}
                autosize
                minRows={1}
                maxLength={1000}
                disabled={!canEdit}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('attachments.credit')}
                  placeholder={t('attachments.creditPlaceholder')}
                  value={credit}
                  onChange={(event) => setCredit(event.currentTarget.value)}
                  onBlur={() => credit !== item.credit && save({ credit })}
                  maxLength={200}
                  disabled={!canEdit}
                />
                <Select
                  label={t('attachments.licence')}
                  data={licenceOptions(t, item.licence)}
                  value={flags.licence || null}
                  onChange={(licence) => setFlag({ licence: licence ?? '' })}
                  clearable
                  clearButtonProps={{ 'aria-label': t('clear') }}
                  disabled={!canEdit}
                />
              </SimpleGrid>
              <Group gap="lg">
                <Switch
                  label={t('attachments.showsPeople')}
                  checked={flags.showsPeople}
                  onChange={(event) => setFlag({ showsPeople: event.currentTarget.checked })}
                  disabled={!canEdit}
                />
                <Switch
                  label={t('attachments.hasConsent')}
                  checked={flags.hasConsent}
                  onChange={(event) => setFlag({ hasConsent: event.currentTarget.checked })}
                  disabled={!canEdit}
                />
              </Group>
            </>
          )}
        </Stack>
      </Group>
      <ConfirmModal
        color="red.9"
        opened={isConfirming}
        onClose={() => setConfirming(false)}
        title={t('attachments.removeTitle')}
        message={t('attachments.removeText', { name: item.originalName })}
        confirmLabel={tc('common.delete')}
        onConfirm={() =>
          remove.mutateAsync(item.id).catch((error: unknown) => {
            notifyError(tc, error);
            throw error;
          })
        }
      />
    </Card>
  );
}

/** Images and documents of a saved story: drop zone, then caption, credit, licence and consent per image. */
export function AttachmentsField({ storyId, canUpload }: { storyId: string; canUpload: boolean }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const attachments = useAttachments(storyId);
  const upload = useUploadAttachment(storyId);
  const [uploading, setUploading] = useState<string | null>(null);

  const send = async (files: File[]) => {
    for (const file of files) {
      setUploading(file.name);
      try {
        await upload.mutateAsync({ file, fields: {} });
      } catch (error) {
        notifyError(tc, error, t('attachments.rejected', { name: file.name }));
      }
    }
    setUploading(null);
  };

  const items = attachments.data?.items ?? [];
  return (
    <Stack gap="sm">
      {canUpload && (
        <Dropzone
          onDrop={(files: File[]) => void send(files)}
          onReject={(rejections: { file: File }[]) => {
            for (const rejection of rejections) {
              notifications.show({
                color: 'red',
                title: t('attachments.rejected', { name: rejection.file.name }),
                message: t('attachments.dropHint'),
              });
            }
          }}
          maxSize={25 * MB}
          accept={accepted}
          loading={uploading !== null}
          aria-label={t('attachments.drop')}
          radius="md"
        >
          <Group justify="center" gap="md" mih={110} style={{ pointerEvents: 'none' }} wrap="nowrap">
            <Dropzone.Accept>
              <IconUpload size={40} color="var(--mantine-color-relais-6)" aria-hidden />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={40} color="var(--mantine-color-red-6)" aria-hidden />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconPhotoUp size={40} color="var(--mantine-color-gray-6)" aria-hidden />
            </Dropzone.Idle>
            <div>
              <Text fw={600}>
                {uploading ? t('attachments.uploading', { name: uploading }) : t('attachments.drop')}
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t('attachments.dropHint')}
              </Text>
            </div>
          </Group>
        </Dropzone>
      )}
      {attachments.isSuccess && items.length === 0 && !canUpload && (
        <Text size="sm" c="dimmed">
          {t('attachments.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <AttachmentRow key={item.id} storyId={storyId} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
