import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBraces, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type CampaignKind, campaignKinds, campaignLimits, placeholders } from '../../../shared/campaigns.ts';
import { isApiError } from '../../app/api.ts';
import { showFormError } from '../../app/errors.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/States.tsx';
import { useLists } from '../audiences/api.ts';
import { MarkupEditor } from '../stories/form/MarkupEditor.tsx';
import { htmlToMarkup, markupToHtml } from '../stories/form/markup.ts';
import { useCampaign, useCreateCampaign, useUpdateCampaign } from './api.ts';
import { useCampaignsT } from './i18n.ts';
import type { Campaign } from './types.ts';

type Values = { kind: CampaignKind; subject: string; name: string; listIds: string[]; body: string };

const knownPlaceholder = new RegExp(`^\\{\\{(${placeholders.join('|')})\\}\\}$`);

function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const lists = useLists();
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const form = useForm<Values>({
    initialValues: {
      kind: campaign?.kind ?? 'newsletter',
      subject: campaign?.subject ?? '',
      name: campaign && campaign.name !== campaign.subject ? campaign.name : '',
      listIds: campaign?.lists.map((list) => list.id) ?? [],
      body: htmlToMarkup(campaign?.bodyHtml ?? ''),
    },
    validate: {
      subject: (value) => (value.trim() ? null : tc('fieldErrors.required')),
      body: (value) => {
        if (!value.trim()) return tc('fieldErrors.required');
        const unknown = (value.match(/\{\{[^}]*\}\}/g) ?? []).find((token) => !knownPlaceholder.test(token));
        return unknown
          ? t('form.unknownPlaceholder', {
              name: unknown,
              known: placeholders.map((p) => `{{${p}}}`).join(', '),
            })
          : null;
      },
    },
  });
  const bodyRef = useRef(form.values.body);
  bodyRef.current = form.values.body;

  const available = (lists.data?.items ?? []).filter(
    (list) => list.abilities.update || form.values.listIds.includes(list.id),
  );
  const audience = available
    .filter((list) => form.values.listIds.includes(list.id))
    .reduce((sum, list) => sum + list.counts.active, 0);

  const submit = form.onSubmit(async (values) => {
    const input = {
      subject: values.subject.trim(),
      name: values.name.trim() || values.subject.trim(),
      bodyHtml: markupToHtml(values.body),
      listIds: values.listIds,
    };
    try {
      if (campaign) {
        await update.mutateAsync(input);
        notifications.show({ color: 'teal', message: t('form.saved') });
        navigate(`/campaigns/${campaign.id}`);
      } else {
        const created = await create.mutateAsync({ ...input, kind: values.kind });
        notifications.show({ color: 'teal', message: t('form.saved') });
        navigate(`/campaigns/${created.id}`);
      }
    } catch (error) {
      showFormError(tc, form, error, {
        fieldMap: { bodyHtml: 'body', bodyText: 'body' },
        knownFields: ['kind', 'subject', 'name', 'listIds', 'body'],
      });
    }
  });

  const insert = (name: string) => {
    const token = `{{${name}}}`;
    const body = bodyRef.current;
    form.setFieldValue('body', body && !/\s$/.test(body) ? `${body} ${token}` : `${body}${token}`);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={860}>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Radio.Group label={t('form.kind')} {...form.getInputProps('kind')} readOnly={Boolean(campaign)}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="xs">
                {campaignKinds.map((kind) => (
                  <Radio.Card
                    key={kind}
                    value={kind}
                    p="sm"
                    radius="md"
                    disabled={Boolean(campaign) && campaign?.kind !== kind}
                    style={{ opacity: campaign && campaign.kind !== kind ? 0.5 : 1 }}
                  >
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <div>
                        <Text fw={600} size="sm">
                          {t(`kinds.${kind}`)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`kindHints.${kind}`)}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </SimpleGrid>
            </Radio.Group>
            <TextInput
              label={t('form.subject')}
              description={t('form.subjectHint')}
              required
              maxLength={campaignLimits.subject}
              {...form.getInputProps('subject')}
            />
            <TextInput
              label={t('form.name')}
              description={t('form.nameHint')}
              maxLength={200}
              placeholder={form.values.subject}
              {...form.getInputProps('name')}
            />
          </Stack>
        </Card>

        <Card withBorder padding="lg">
          <Checkbox.Group
            label={t('form.lists')}
            description={t('form.listsHint')}
            {...form.getInputProps('listIds')}
          >
            {lists.isPending ? (
              <Text size="sm" c="dimmed" mt="xs">
                {tc('common.loading')}
              </Text>
            ) : available.length === 0 ? (
              <Text size="sm" c="dimmed" mt="xs">
                {t('form.noLists')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                {available.map((list) => (
                  <Checkbox.Card key={list.id} value={list.id} p="sm" radius="md">
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Checkbox.Indicator mt={2} />
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {list.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('lists.active', { count: list.counts.active })}
                        </Text>
                      </div>
                    </Group>
                  </Checkbox.Card>
                ))}
              </SimpleGrid>
            )}
          </Checkbox.Group>
          {form.values.listIds.length > 0 && (
            <Text size="sm" mt="sm" fw={600} c="relais.8" aria-live="polite">
              {t('form.audience', { count: audience })}
            </Text>
          )}
        </Card>

        <Card withBorder padding="lg">
          <Stack gap="sm">
            <MarkupEditor
              label={t('form.body')}
              description={t('form.bodyHint')}
              value={form.values.body}
              onChange={(value) => form.setFieldValue('body', value)}
              error={form.errors.body}
              maxLength={campaignLimits.bodyHtml}
            />
            <Group gap={6} wrap="wrap" role="group" aria-label={t('form.insert')}>
              <Text size="xs" c="dimmed" fw={600}>
                <IconBraces size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('form.insert')}
              </Text>
              {placeholders.map((name) => (
                <Tooltip key={name} label={`{{${name}}}`}>
                  <UnstyledButton
                    onClick={() => insert(name)}
                    px={8}
                    py={2}
                    style={{
                      border: '1px solid var(--mantine-color-gray-4)',
                      borderRadius: 999,
                      fontSize: 12,
                    }}
                  >
                    {t(`form.placeholders.${name}`)}
                  </UnstyledButton>
                </Tooltip>
              ))}
            </Group>
            <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} p="xs">
              <Text size="xs">{t('form.composerNext')}</Text>
            </Alert>
          </Stack>
        </Card>

        <Group justify="flex-end">
          <Button
            variant="default"
            component={Link}
            to={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}
          >
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {campaign ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new draft, or an existing draft to edit (`/campaigns/:id/edit`). */
export default function CampaignFormPage() {
  const t = useCampaignsT();
  const { id } = useParams();
  const campaign = useCampaign(id ?? '');
  const navigate = useNavigate();
  const isEdit = Boolean(id);

  // Only drafts are edited: anything else goes back to its page.
  useEffect(() => {
    if (campaign.data && !campaign.data.abilities.update)
      navigate(`/campaigns/${campaign.data.id}`, { replace: true });
  }, [campaign.data, navigate]);

  const crumbs = [{ label: t('detail.back'), to: '/campaigns' }];
  if (!isEdit) {
    return (
      <>
        <PageHeader title={t('form.newTitle')} breadcrumbs={crumbs} />
        <CampaignForm />
      </>
    );
  }
  if (campaign.isPending) return <PageSkeleton />;
  if (campaign.isError) {
    return (
      <>
        <PageHeader title={t('form.editTitle')} breadcrumbs={crumbs} />
        {isApiError(campaign.error) && campaign.error.status === 404 ? (
          <EmptyState title={t('detail.notFound')} />
        ) : (
          <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('form.editTitle')}
        breadcrumbs={[
          ...crumbs,
          { label: campaign.data.name || campaign.data.subject, to: `/campaigns/${id}` },
        ]}
      />
      <CampaignForm campaign={campaign.data} />
    </>
  );
}
