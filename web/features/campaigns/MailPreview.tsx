import { Alert, Box, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { CampaignKind } from '../../../shared/campaigns.ts';
import { useCampaignPreview } from './api.ts';
import classes from './campaigns.module.css';
import { type CampaignsT, useCampaignsT } from './i18n.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The mail as the server lays it out (server/mail/campaign-template.ts: a label, the body on a white
 * card, the footer with the unsubscribe and preference links), with sample values. The exact MJML
 * rendering is made when the campaign is scheduled; a test send shows it for real.
 */
export function previewDocument(
  t: CampaignsT,
  input: { kind: CampaignKind; subject: string; bodyHtml: string },
) {
  const values: Record<string, string> = {
    firstName: t('preview.sampleFirstName'),
    lastName: t('preview.sampleLastName'),
    email: t('preview.sampleEmail'),
    unsubscribeUrl: '#unsubscribe',
    preferencesUrl: '#preferences',
  };
  const body = input.bodyHtml.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? escapeHtml(values[name]!) : whole,
  );
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(input.subject)}</title>
<style>
body{margin:0;background:#f3f5f8;font-family:Helvetica,Arial,sans-serif;color:#1f2933;font-size:16px;line-height:1.55}
.wrap{max-width:640px;margin:0 auto;padding:24px 12px 32px}
.label{font-size:13px;color:#52606d;text-transform:uppercase;letter-spacing:1px;padding:0 12px 8px}
.card{background:#fff;border-radius:6px;padding:24px 28px}
.card img{max-width:100%;height:auto}
.card a{color:#1c5d99}
.card h2,.card h3,.card h4{line-height:1.25}
blockquote{margin:0;padding-left:14px;border-left:3px solid #cbd2d9;color:#3e4c59}
.footer{font-size:12px;color:#52606d;text-align:center;padding:16px 12px}
.footer a{color:#52606d}
@media (max-width:480px){.card{padding:20px 16px}}
</style></head><body><div class="wrap">
<div class="label">${escapeHtml(t(`kinds.${input.kind}`))}</div>
<div class="card">${body || `<p style="color:#7b8794">${escapeHtml(t('preview.empty'))}</p>`}</div>
<div class="footer">${escapeHtml(t('preview.footer', { email: values.email }))}
<a href="#unsubscribe">${escapeHtml(t('preview.unsubscribe'))}</a> · <a href="#preferences">${escapeHtml(t('preview.preferences'))}</a></div>
</div></body></html>`;
}

const widths = { desktop: 680, phone: 375 } as const;

/** The message in a sandboxed frame, at a desktop or a phone width. */
export function MailPreview({
  kind,
  subject,
  bodyHtml,
  campaignId,
  version = '',
}: {
  kind: CampaignKind;
  subject: string;
  bodyHtml: string;
  /** A saved campaign: show the server's real rendering (MJML) instead of the approximation. */
  campaignId?: string;
  /** Changes when the campaign does (its updatedAt), to render it again. */
  version?: string;
}) {
  const t = useCampaignsT();
  const [device, setDevice] = useState<keyof typeof widths>('desktop');
  const rendered = useCampaignPreview(campaignId, version);
  const isExact = Boolean(rendered.data);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg">
            {t('preview.title')}
          </Title>
          <SegmentedControl
            aria-label={t('preview.width')}
            value={device}
            onChange={(value) => setDevice(value as keyof typeof widths)}
            data={[
              {
                value: 'desktop',
                label: (
                  <Group gap={6} wrap="nowrap" justify="center">
                    <IconDeviceDesktop size={16} aria-hidden />
                    <span>{t('preview.desktop')}</span>
                  </Group>
                ),
              },
              {
                value: 'phone',
                label: (
                  <Group gap={6} wrap="nowrap" justify="center">
                    <IconDeviceMobile size={16} aria-hidden />
                    <span>{t('preview.phone')}</span>
                  </Group>
                ),
              },
            ]}
          />
        </Group>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {t('detail.subject')}&nbsp;: {subject}
        </Text>
        <Box className={classes.frameBox} style={{ width: widths[device] }}>
          {/* sandbox="": no script, no form, no navigation, no same-origin access. */}
          <iframe
            title={t('preview.frame', { subject, width: `${widths[device]} px` })}
            sandbox=""
            srcDoc={rendered.data?.html ?? previewDocument(t, { kind, subject, bodyHtml })}
            className={classes.iframe}
            data-device={device}
          />
        </Box>
        {!isExact && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />} p="xs">
            <Text size="xs">{t('preview.approx')}</Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
