import {
  ActionIcon,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Input,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconCamera, IconCircleCheck, IconPhoto, IconSend, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { showFormError } from '../../app/errors.ts';
import { formatRelative } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import type { LabRef, Me } from '../../app/types.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { useStoriesT } from '../stories/i18n.ts';
import classes from '../stories/stories.module.css';
import { useSendTip, useTips } from './api.ts';

const maxPhotoBytes = 20 * 1024 * 1024;

/** The labs a person belongs to (their own, and those of their roles). */
function labsOf(me: Me | null): LabRef[] {
  const labs = new Map<string, LabRef>();
  if (me?.lab) labs.set(me.lab.id, me.lab);
  for (const grant of me?.roles ?? []) if (grant.lab) labs.set(grant.lab.id, grant.lab);
  return [...labs.values()];
}

const tipStateColors = { open: 'relais', converted: 'teal', dismissed: 'gray' } as const;

/** What became of my last tips (for lab staff: the list holds only their own). */
function MyTips() {
  const t = useStoriesT();
  const locale = currentLocale();
  const tips = useTips({ limit: 5 });
  const items = tips.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="my-tips-title" padding="md">
      <Title order={2} fz="md" id="my-tips-title" mb="sm">
        {t('tip.myTips')}
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((tip) => (
          <Stack key={tip.id} component="li" gap={2}>
            <Text size="sm" lineClamp={1}>
              {tip.what}
            </Text>
            <Group gap={6}>
              <Badge size="sm" color={tipStateColors[tip.state] ?? 'gray'}>
                {t(`tips.states.${tip.state}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatRelative(tip.createdAt, locale)}
              </Text>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** The one-minute tip, made for a phone: what, when, who, one photo. */
export default function TipPage() {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const send = useSendTip();
  const isTouch = useMediaQuery('(pointer: coarse)');
  const labs = labsOf(me);
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [isSent, setSent] = useState(false);
  const isLabSide =
    me?.roles.some((grant) => grant.role === 'correspondent' || grant.role === 'cell') ?? false;

  const form = useForm({
    initialValues: { what: '', when: '', who: '', labId: me?.lab?.id ?? labs[0]?.id ?? '' },
    validate: {
      what: (value) => (value.trim() ? null : tc('fieldErrors.required')),
      labId: (value) => (labs.length > 1 && !value ? tc('fieldErrors.required') : null),
    },
  });

  useEffect(() => {
    if (!photo) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const choosePhoto = (file: File | null) => {
    if (file && file.size > maxPhotoBytes) {
      setPhotoError(t('tip.photoTooBig'));
      return;
    }
    setPhotoError(null);
    setPhoto(file);
  };

  const reset = () => {
    form.reset();
    setPhoto(null);
    setPhotoError(null);
    setSent(false);
  };

  if (isSent) {
    return (
      <div className={classes.tipShell}>
        <PageHeader title={t('tip.sentTitle')} documentTitle={t('tip.title')} />
        <Card padding="xl">
          <Stack align="center" gap="md" ta="center">
            <ThemeIcon size={64} radius="xl" color="teal" variant="light">
              <IconCircleCheck size={38} aria-hidden />
            </ThemeIcon>
            <Text size="lg" fw={500} role="status">
              {t('tip.sentText')}
            </Text>
            <Button size="lg" fullWidth onClick={reset}>
              {t('tip.sendAnother')}
            </Button>
          </Stack>
        </Card>
      </div>
    );
  }

  return (
    <div className={classes.tipShell}>
      <PageHeader title={t('tip.title')} description={t('tip.description')} />
      <Stack gap="lg">
        <Card padding="lg">
          {labs.length === 0 ? (
            <Text>{t('tip.noLab')}</Text>
          ) : (
            <form
              noValidate
              onSubmit={form.onSubmit(async (values) => {
                try {
                  await send.mutateAsync({
                    what: values.what.trim(),
                    when: values.when.trim(),
                    who: values.who.trim(),
                    ...(labs.length > 1 ? { labId: values.labId } : {}),
                    photo,
                  });
                  setSent(true);
                  window.scrollTo({ top: 0 });
                } catch (error) {
                  showFormError(tc, form, error, { knownFields: ['what', 'when', 'who', 'labId'] });
                  if (error instanceof ApiError && error.fields.photo) setPhotoError(error.fields.photo);
                }
              })}
            >
              <Stack gap="md">
                {labs.length > 1 && (
                  <Select
                    label={t('tip.lab')}
                    description={t('tip.labHint')}
                    data={labs.map((lab) => ({ value: lab.id, label: `${lab.acronym} — ${lab.name}` }))}
                    allowDeselect={false}
                    required
                    size="md"
                    {...form.getInputProps('labId')}
                  />
                )}
                <Textarea
                  label={t('tip.what')}
                  placeholder={t('tip.whatPlaceholder')}
                  required
                  autosize
                  minRows={3}
                  maxRows={8}
                  maxLength={2000}
                  size="md"
                  {...form.getInputProps('what')}
                />
                <TextInput
                  label={t('tip.when')}
                  placeholder={t('tip.whenPlaceholder')}
                  maxLength={200}
                  size="md"
                  {...form.getInputProps('when')}
                />
                <TextInput
                  label={t('tip.who')}
                  placeholder={t('tip.whoPlaceholder')}
                  maxLength={500}
                  size="md"
                  {...form.getInputProps('who')}
                />
                <Stack gap={6}>
                  <div>
                    <Input.Label size="md" id="tip-photo-label">
                      {t('tip.photo')}
                    </Input.Label>
                    <Input.Description size="sm">{t('tip.photoHint')}</Input.Description>
                  </div>
                  {preview && (
                    <div style={{ position: 'relative' }}>
                      <img src={preview} alt={t('tip.photoPreview')} className={classes.tipPhoto} />
                      <ActionIcon
                        variant="filled"
                        color="dark"
                        radius="xl"
                        size="lg"
                        aria-label={t('tip.removePhoto')}
                        onClick={() => choosePhoto(null)}
                        style={{ position: 'absolute', top: 8, right: 8 }}
                      >
                        <IconX size={18} aria-hidden />
                      </ActionIcon>
                    </div>
                  )}
                  <Group gap="sm" grow>
                    {isTouch && (
                      <FileButton
                        onChange={choosePhoto}
                        accept="image/*"
                        capture="environment"
                        inputProps={{ 'aria-labelledby': 'tip-photo-label' }}
                      >
                        {(props) => (
                          <Button
                            {...props}
                            variant="light"
                            size="md"
                            leftSection={<IconCamera size={20} aria-hidden />}
                          >
                            {photo ? t('tip.changePhoto') : t('tip.takePhoto')}
                          </Button>
                        )}
                      </FileButton>
                    )}
                    <FileButton
                      onChange={choosePhoto}
                      accept="image/*"
                      inputProps={{ 'aria-labelledby': 'tip-photo-label' }}
                    >
                      {(props) => (
                        <Button
                          {...props}
                          variant="default"
                          size="md"
                          leftSection={<IconPhoto size={20} aria-hidden />}
                        >
                          {isTouch ? t('tip.fromGallery') : photo ? t('tip.changePhoto') : t('tip.addPhoto')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                  {photoError && (
                    <Text size="sm" c="red.9" role="alert">
                      {photoError}
                    </Text>
                  )}
                </Stack>
                <Button
                  type="submit"
                  size="lg"
                  fullWidth
                  mt="xs"
                  leftSection={<IconSend size={20} aria-hidden />}
                  loading={send.isPending}
                >
                  {t('tip.send')}
                </Button>
              </Stack>
            </form>
          )}
        </Card>
        {!isLabSide && <MyTips />}
      </Stack>
    </div>
  );
}
