import { emailNotifications } from '../features/notifications/email.ts';
import type { JobDefinition } from './worker.ts';

/** Mails new notifications to those who chose "immediately" (queued by the notifiers). */
export const notificationEmailsJob: JobDefinition = {
  kind: 'notifications.email',
  async run(ctx, payload) {
    const ids = Array.isArray(payload.ids) ? payload.ids.filter((id) => typeof id === 'string') : [];
    await emailNotifications(ctx, ids);
  },
};
