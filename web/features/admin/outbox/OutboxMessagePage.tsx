import { Anchor, Button, Card, Code, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconFileText, IconList, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../app/api.ts';
import { formatDateTime } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import classes from '../admin.module.css';
import { useOutboxMessage } from './api.ts';

/** One sent message, as a mail client would show it: the HTML in a sandboxed frame, the text, the headers. */
export default function OutboxMessagePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { id = '' } = useParams();
  const message = useOutboxMessage(id);
  useDocumentTitle(`${message.data?.subject ?? t('admin.tabs.outbox')} · Relais`);

  const back = (
    <Anchor component={Link} to="/admin/outbox" size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('admin.outbox.back')}
    </Anchor>
  );

  if (message.isPending) return <TableSkeleton rows={8} />;
  if (message.isError) {
    return (
      <Stack>
        {back}
        {message.error instanceof ApiError && message.error.status === 404 ? (
          <EmptyState title={t('admin.outbox.notFound')} />
        ) : (
          <ErrorState error={message.error} onRetry={() => void message.refetch()} />
        )}
      </Stack>
    );
  }

  const mail = message.data;
  // The preview frame is sandboxed (no navigation): offer the message's links as real ones.
  const links = [...new Set(mail.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
  const headerRows: [string, string][] = [
    [t('admin.outbox.from'), mail.from],
    [t('admin.outbox.to'), mail.to],
    [t('admin.outbox.date'), formatDateTime(mail.createdAt, locale)],
  ];

  return (
    <Stack gap="md">
      {back}
      <Card>
        <Stack gap="sm">
          <Title order={2} style={{ overflowWrap: 'anywhere' }}>
            {mail.subject}
          </Title>
          <Table withRowBorders={false} verticalSpacing={2} highlightOnHover={false} w="auto">
            <Table.Tbody>
              {headerRows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w={90} c="dimmed" fw={500}>
                    {label}
                  </Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>

      {links.length > 0 && (
        <Card padding="md">
          <Title order={3} fz="sm" mb="xs">
            {t('admin.outbox.links')}
          </Title>
          <Stack gap={4}>
            {links.map((link) => (
              <Anchor key={link} href={link} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {link}
              </Anchor>
            ))}
          </Stack>
        </Card>
      )}

      <Tabs defaultValue={mail.html ? 'html' : 'text'} keepMounted={false}>
        <Tabs.List mb="md">
          {mail.html && (
            <Tabs.Tab value="html" leftSection={<IconMail size={16} aria-hidden />}>
              {t('admin.outbox.html')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="text" leftSection={<IconFileText size={16} aria-hidden />}>
            {t('admin.outbox.text')}
          </Tabs.Tab>
          <Tabs.Tab value="headers" leftSection={<IconList size={16} aria-hidden />}>
            {t('admin.outbox.headers')}
          </Tabs.Tab>
        </Tabs.List>
        {mail.html && (
          <Tabs.Panel value="html">
            {/* sandbox="" : no script, no form, no navigation, no same-origin access. */}
            <iframe
              title={t('admin.outbox.htmlFrame', { subject: mail.subject })}
              sandbox=""
              srcDoc={mail.html}
              className={classes.iframe}
            />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="text">
          <Card>
            <Code block style={{ whiteSpace: 'pre-wrap', background: 'transparent', fontSize: 14 }}>
              {mail.text}
            </Code>
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="headers">
          <Card p={0} style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={520}>
              <Table>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.outbox.headerName')}</Table.Th>
                    <Table.Th scope="col">{t('admin.outbox.headerValue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {Object.entries(mail.headers).map(([name, value]) => (
                    <Table.Tr key={name}>
                      <Table.Td>
                        <Text size="sm" ff="monospace" fw={600}>
                          {name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {value}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Tabs.Panel>
      </Tabs>
      <Group>
        <Button
          component={Link}
          to="/admin/outbox"
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('admin.outbox.back')}
        </Button>
      </Group>
    </Stack>
  );
}
