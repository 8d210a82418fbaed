import { setTimeout as sleep } from 'node:timers/promises';
import type { Transporter } from 'nodemailer';
import type { CampaignStream } from '../../shared/campaigns.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/tokens.ts';

/**
 * The transport of campaign mail (the 'newsletter' | 'greetings' | 'press' streams), next to the
 * one mailer of transactional mail: with SMTP_URL a nodemailer pool (CAMPAIGN_MAX_CONNECTIONS)
 * that signs with DKIM when a key is configured (List-Unsubscribe and List-Unsubscribe-Post are in
 * nodemailer's signed header list), paced by CAMPAIGN_RATE; without it, the outbox of the mailer
 * (nothing leaves, nothing to pace). One transport per process, shared by the jobs that hold it,
 * closed when the last lets go.
 */

export type BulkMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  stream: CampaignStream;
  headers: Record<string, string>;
};
export type BulkResult = { messageId: string; response: string };

export type CampaignTransport = {
  kind: 'smtp' | 'outbox';
  /** Resolves when the rate limit allows one more message (at once in outbox mode). */
  waitForSlot: (signal?: AbortSignal) => Promise<void>;
  send: (message: BulkMessage) => Promise<BulkResult>;
  /** Lets go of the transport; the pool closes when nobody holds it. */
  release: () => void;
};

export const messageDomainOf = (from: string) => /@([^>\s]+)/.exec(from)?.[1] ?? 'relais.localhost';

type Shared = {
  holders: number;
  transport: Promise<Transporter> | null;
  nextSlotAt: number;
};
const shared = new WeakMap<AppContext, Shared>();

export function holdCampaignTransport(ctx: AppContext): CampaignTransport {
  const { config } = ctx;
  const domain = messageDomainOf(config.mailFrom);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const state = shared.get(ctx);
    if (!state) return;
    state.holders--;
    if (state.holders <= 0) {
      shared.delete(ctx);
      void state.transport?.then((transport) => transport.close()).catch(() => {});
    }
  };
  if (ctx.mailer.kind === 'outbox' || !config.smtpUrl) {
    return {
      kind: 'outbox',
      waitForSlot: async () => {},
      async send(message) {
        const { messageId } = await ctx.mailer.send({ ...message, headers: message.headers });
        return { messageId, response: 'kept in the outbox' };
      },
      release: () => {},
    };
  }
  const smtpUrl = config.smtpUrl;
  let state = shared.get(ctx);
  if (!state) {
    state = { holders: 0, transport: null, nextSlotAt: 0 };
    shared.set(ctx, state);
  }
  state.holders++;
  const current = state;
  const getTransport = () => {
    current.transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: config.campaigns.maxConnections,
        maxMessages: 500,
        ...(config.campaigns.dkim ? { dkim: config.campaigns.dkim } : {}),
      }),
    );
    return current.transport;
  };
  const spacingMs = 1000 / config.campaigns.rate;
  return {
    kind: 'smtp',
    async waitForSlot(signal) {
      const now = performance.now();
      const at = Math.max(now, current.nextSlotAt);
      current.nextSlotAt = at + spacingMs;
      if (at > now) await sleep(at - now, undefined, { signal }).catch(() => {});
    },
    async send(message) {
      const messageId = `<${newId()}@${domain}>`;
      const info = await (await getTransport()).sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        headers: { 'X-Relais-Stream': message.stream, ...message.headers },
      });
      return { messageId, response: String(info.response ?? '').slice(0, 500) };
    },
    release,
  };
}

/** Closes this context's pool whoever holds it (the app is closing). */
export async function closeCampaignTransports(ctx: AppContext): Promise<void> {
  const state = shared.get(ctx);
  shared.delete(ctx);
  const transport = await state?.transport?.catch(() => null);
  transport?.close();
}
