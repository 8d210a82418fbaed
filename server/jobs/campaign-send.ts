import { campaignJobKind, runCampaign } from '../features/campaigns/sending.ts';
import type { JobDefinition } from './worker.ts';

/**
 * Sends a campaign (enqueued at its scheduled time, by send-now, resume, retries): freezes the
 * audience on the first run, then sends through the per-recipient ledger. Idempotent: a second
 * run, or a run after a crash, never sends a `sent` row again, and leaves interrupted ones uncertain.
 */
export const campaignSendJob: JobDefinition = {
  kind: campaignJobKind,
  maxAttempts: 20,
  async run(ctx, payload, run) {
    if (typeof payload.campaignId !== 'string') return;
    await runCampaign(ctx, payload.campaignId, {
      signal: run.signal,
      extendLease: () => run.extendLease(),
      workerId: run.job.locked_by ?? run.job.id,
    });
  },
};
