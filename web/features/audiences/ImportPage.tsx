import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconFileImport,
  IconFileText,
  IconInfoCircle,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { campaignLimits } from '../../../shared/campaigns.ts';
import { isApiError } from '../../app/api.ts';
import { errorMessage } from '../../app/errors.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/States.tsx';
import classes from '../campaigns/campaigns.module.css';
import { useCampaignsT } from '../campaigns/i18n.ts';
import type { ImportReport } from '../campaigns/types.ts';
import { useImport, useList } from './api.ts';

/** A spreadsheet's CSV is UTF-8 most of the time, Windows-1252 from an older Excel: try both. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function Figure({ label, value, color, id }: { label: string; value: number; color?: string; id?: string }) {
  return (
    <Card withBorder padding="sm" className={classes.stat} data-figure={id}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={value > 0 ? color : 'dimmed'}>
        {value.toLocaleString()}
      </Text>
    </Card>
  );
}

function LinesTable({
  caption,
  rows,
  more,
}: {
  caption: string;
  rows: { line: number; value: string; reason: string }[];
  more: number;
}) {
  const t = useCampaignsT();
  return (
    <Card p={0} withBorder style={{ overflow: 'hidden' }}>
      <Title order={3} fz="sm" px="md" pt="sm" pb={4}>
        {caption}
      </Title>
      <Table verticalSpacing={6} fz="sm" layout="fixed">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th scope="col" w={72}>
              {t('import.line')}
            </Table.Th>
            <Table.Th scope="col">{t('import.value')}</Table.Th>
            <Table.Th scope="col">{t('import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.line}-${row.value}`}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td className={classes.mono}>{row.value || '—'}</Table.Td>
              <Table.Td>{row.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more > 0 && (
        <Text size="sm" c="dimmed" px="md" py="xs">
          {t('import.more', { count: more })}
        </Text>
      )}
    </Card>
  );
}

function ReportFigures({ report }: { report: ImportReport }) {
  const t = useCampaignsT();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
      <Figure label={t('import.totalRows')} value={report.totalRows} id="totalRows" />
      {report.committed ? (
        <Figure label={t('import.added')} value={report.added} color="teal.8" id="added" />
      ) : (
        <Figure label={t('import.toAdd')} value={report.toAdd} color="teal.8" id="toAdd" />
      )}
      <Figure label={t('import.alreadySubscribed')} value={report.alreadySubscribed} id="alreadySubscribed" />
      <Figure label={t('import.duplicates')} value={report.duplicateCount} color="orange.8" id="duplicates" />
      <Figure label={t('import.invalid')} value={report.invalidCount} color="red.8" id="invalid" />
      {report.unsubscribed > 0 && (
        <Figure label={t('import.unsubscribed')} value={report.unsubscribed} id="unsubscribed" />
      )}
      {report.suppressed > 0 && (
        <Figure label={t('import.suppressed')} value={report.suppressed} id="suppressed" />
      )}
    </SimpleGrid>
  );
}

function ReportDetails({ report }: { report: ImportReport }) {
  const t = useCampaignsT();
  const reason = (text: string) =>
    text === 'no address'
      ? t('import.reasons.empty')
      : text === 'not an email address'
        ? t('import.reasons.invalid')
        : text;
  return (
    <Stack gap="md">
      {report.invalid.length > 0 && (
        <LinesTable
          caption={t('import.invalidTitle')}
          rows={report.invalid.map((row) => ({ ...row, reason: reason(row.reason) }))}
          more={report.invalidCount - report.invalid.length}
        />
      )}
      {report.duplicates.length > 0 && (
        <LinesTable
          caption={t('import.duplicatesTitle')}
          rows={report.duplicates.map((row) => ({
            line: row.line,
            value: row.email,
            reason: t('import.duplicateOf', { line: row.firstLine }),
          }))}
          more={report.duplicateCount - report.duplicates.length}
        />
      )}
    </Stack>
  );
}

function Sample({ report }: { report: ImportReport }) {
  const t = useCampaignsT();
  const isPhone = useMediaQuery('(max-width: 48em)');
  if (report.sample.length === 0) return null;
  return (
    <Card p={0} withBorder style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="md" pt="sm" pb={4} gap="xs">
        <Title order={3} fz="sm">
          {t('import.sample')}
        </Title>
        <Badge variant="light" color={report.hasHeader ? 'teal' : 'gray'}>
          {report.hasHeader ? t('import.withHeader') : t('import.withoutHeader')}
        </Badge>
      </Group>
      {isPhone ? (
        <Stack gap={0} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {report.sample.map((row) => (
            <li
              key={row.line}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '8px 16px' }}
            >
              <Text size="sm" fw={600} className={classes.mono}>
                {row.email}
              </Text>
              <Text size="sm" c="dimmed">
                {t('import.line')} {row.line} ·{' '}
                {[row.firstName, row.lastName].filter(Boolean).join(' ') || '—'}
                {row.organisation ? ` · ${row.organisation}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th scope="col" w={72}>
                {t('import.line')}
              </Table.Th>
              <Table.Th scope="col">{t('common.email')}</Table.Th>
              <Table.Th scope="col">{t('common.firstName')}</Table.Th>
              <Table.Th scope="col">{t('common.lastName')}</Table.Th>
              <Table.Th scope="col">{t('common.organisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.sample.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td className={classes.mono}>{row.email}</Table.Td>
                <Table.Td>{row.firstName || '—'}</Table.Td>
                <Table.Td>{row.lastName || '—'}</Table.Td>
                <Table.Td>{row.organisation || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** CSV import in three steps: the file (or pasted lines) → what would happen → what happened. */
export default function ImportPage() {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const { id = '' } = useParams();
  const list = useList(id);
  const importer = useImport(id);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [csvError, setCsvError] = useState<ReactNode>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);

  if (list.isPending) return <PageSkeleton />;
  if (list.isError) {
    return isApiError(list.error) && list.error.status === 404 ? (
      <EmptyState title={t('list.notFound')} />
    ) : (
      <ErrorState error={list.error} onRetry={() => void list.refetch()} />
    );
  }
  const name = list.data.name;
  const lineCount = csv ? csv.split(/\r?\n/).filter((line) => line.trim()).length : 0;

  const pickFile = async (picked: File | null) => {
    setFile(picked);
    setCsvError(null);
    if (!picked) return;
    try {
      setCsv(await readText(picked));
    } catch {
      setCsvError(t('import.readFailed'));
    }
  };

  const check = async () => {
    if (!csv.trim()) return setCsvError(t('import.emptyText'));
    if (csv.length > campaignLimits.csv) return setCsvError(t('import.tooLarge'));
    setCsvError(null);
    try {
      setPreview(await importer.mutateAsync({ csv, commit: false }));
      setStep(1);
    } catch (error) {
      setCsvError(isApiError(error) && error.fields.csv ? error.fields.csv : errorMessage(tc, error));
    }
  };

  const commit = async () => {
    try {
      setResult(await importer.mutateAsync({ csv, commit: true }));
      setStep(2);
    } catch (error) {
      setCsvError(errorMessage(tc, error));
    }
  };

  const restart = () => {
    setFile(null);
    setCsv('');
    setPreview(null);
    setResult(null);
    setStep(0);
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description', { name })}
        breadcrumbs={[
          { label: t('list.backToLists'), to: '/campaigns/lists' },
          { label: name, to: `/campaigns/lists/${id}` },
        ]}
      />
      <Stepper
        active={step}
        allowNextStepsSelect={false}
        size="sm"
        mb="xl"
        aria-label={t('import.steps')}
        styles={{
          steps: { flexWrap: 'wrap', rowGap: 8 },
          stepDescription: { color: 'var(--mantine-color-gray-7)' },
        }}
      >
        <Stepper.Step label={t('import.stepSource')} description={t('import.stepSourceHint')} />
        <Stepper.Step label={t('import.stepPreview')} description={t('import.stepPreviewHint')} />
        <Stepper.Step label={t('import.stepReport')} description={t('import.stepReportHint')} />
      </Stepper>

      {step === 0 && (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Stack gap={6}>
              <Text size="sm" fw={500} id="import-file-label">
                {t('import.file')}
              </Text>
              <Group gap="sm">
                <FileButton
                  onChange={(picked) => void pickFile(picked)}
                  accept=".csv,.txt,.tsv,text/csv,text/plain"
                >
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      leftSection={<IconFileText size={18} aria-hidden />}
                      aria-describedby="import-file-hint"
                    >
                      {t('import.fileButton')}
                    </Button>
                  )}
                </FileButton>
                {file && (
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {file.name}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="gray.7" id="import-file-hint">
                {t('import.fileHint')}
              </Text>
            </Stack>
            <Textarea
              label={t('import.paste')}
              placeholder={t('import.pastePlaceholder')}
              value={csv}
              onChange={(event) => {
                setCsv(event.currentTarget.value);
                setCsvError(null);
              }}
              autosize
              minRows={6}
              maxRows={16}
              error={csvError}
              description={
                file && csv ? t('import.fileLoaded', { name: file.name, count: lineCount }) : undefined
              }
              className={classes.textarea}
              spellCheck={false}
            />
            <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
              <Text size="sm">{t('import.format')}</Text>
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={`/campaigns/lists/${id}`}>
                {tc('common.cancel')}
              </Button>
              <Button onClick={() => void check()} loading={importer.isPending} disabled={!csv.trim()}>
                {t('import.check')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}

      {step === 1 && preview && (
        <Stack gap="lg">
          <ReportFigures report={preview} />
          {preview.toAdd === 0 && (
            <Alert variant="light" color="yellow" icon={<IconAlertTriangle aria-hidden />}>
              {t('import.nothingToAdd')}
            </Alert>
          )}
          <Sample report={preview} />
          <ReportDetails report={preview} />
          {csvError && (
            <Alert variant="light" color="red" icon={<IconAlertTriangle aria-hidden />}>
              {csvError}
            </Alert>
          )}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              onClick={() => setStep(0)}
            >
              {t('import.back')}
            </Button>
            <Button
              leftSection={<IconFileImport size={18} aria-hidden />}
              onClick={() => void commit()}
              loading={importer.isPending}
              disabled={preview.toAdd === 0}
            >
              {t('import.confirm', { count: preview.toAdd })}
            </Button>
          </Group>
        </Stack>
      )}

      {step === 2 && result && (
        <Stack gap="lg">
          <Alert variant="light" color="teal" icon={<IconCircleCheck aria-hidden />} title={t('import.done')}>
            {t('import.doneHint', { count: result.added, name })}
          </Alert>
          <ReportFigures report={result} />
          <ReportDetails report={result} />
          <Group justify="flex-end">
            <Button variant="default" onClick={restart}>
              {t('import.another')}
            </Button>
            <Button component={Link} to={`/campaigns/lists/${id}`}>
              {t('import.toList')}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}
