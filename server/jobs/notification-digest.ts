import { sendDailyDigests } from '../features/notifications/email.ts';
import type { JobDefinition } from './worker.ts';

/** Every morning: one digest mail per person who chose "daily digest". */
export const notificationDigestJob: JobDefinition = {
  kind: 'notifications.digest',
  maxAttempts: 3,
  async run(ctx) {
    await sendDailyDigests(ctx);
  },
};
