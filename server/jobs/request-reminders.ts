import { reminderJobKind, runRequestReminders } from '../features/requests/reminders.ts';
import type { JobDefinition } from './worker.ts';

/**
 * Every 5 minutes (and at once after a person resends an uncertain reminder): reminds the labs that
 * have not answered a request, at its steps before the deadline, exactly once per lab and step.
 */
export const requestRemindersJob: JobDefinition = {
  kind: reminderJobKind,
  maxAttempts: 3,
  async run(ctx, _payload, run) {
    await runRequestReminders(ctx, run);
  },
};
