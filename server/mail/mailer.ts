import type { Transporter } from 'nodemailer';
import type { Db } from '../db/connection.ts';
import { newId } from '../lib/tokens.ts';

/** The mail streams, each with its own List-Id (EMAIL.md). */
export type MailStream = 'transactional' | 'notifications' | 'newsletter' | 'greetings' | 'press';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  stream: MailStream;
  headers?: Record<string, string>;
};

export type Mailer = {
  /** 'smtp' sends through SMTP_URL; 'outbox' stores the message for admins to read in the app. */
  kind: 'smtp' | 'outbox';
  send: (message: MailMessage) => Promise<{ messageId: string }>;
  close: () => void;
};

function messageIdFor(from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'relais.localhost';
  return `<${newId()}@${domain}>`;
}

/** The one way mail leaves Relais. */
export function createMailer(options: {
  smtpUrl: string | null;
  from: string;
  db: Db;
  now: () => Date;
  /** Signs every message with DKIM (the same key as campaigns: DKIM_DOMAIN, DKIM_SELECTOR…). */
  dkim?: { domainName: string; keySelector: string; privateKey: string } | null;
}): Mailer {
  const { from, db } = options;
  if (options.smtpUrl) {
    const smtpUrl = options.smtpUrl;
    // nodemailer is loaded on the first mail, not at start-up (it costs ~100 ms to import).
    let transport: Transporter | null = null;
    const getTransport = async () => {
      transport ??= (await import('nodemailer')).default.createTransport(smtpUrl);
      return transport;
    };
    return {
      kind: 'smtp',
      async send(message) {
        const messageId = messageIdFor(from);
        await (await getTransport()).sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId,
          headers: { 'X-Relais-Stream': message.stream, ...message.headers },
          ...(options.dkim ? { dkim: options.dkim } : {}),
        });
        return { messageId };
      },
      close: () => transport?.close(),
    };
  }
  return {
    kind: 'outbox',
    async send(message) {
      const messageId = messageIdFor(from);
      await db
        .insertInto('outbox_messages')
        .values({
          id: newId(),
          stream: message.stream,
          from_address: from,
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html ?? null,
          headers: JSON.stringify({ 'Message-ID': messageId, ...message.headers }),
          created_at: options.now().toISOString(),
        })
        .execute();
      return { messageId };
    },
    close: () => {},
  };
}
