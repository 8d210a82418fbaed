import { newsletterPublishJob } from '../features/newsletters/publish.ts';
import { campaignSendJob } from './campaign-send.ts';
import { notificationDigestJob } from './notification-digest.ts';
import { notificationEmailsJob } from './notification-emails.ts';
import { pruneJobsJob } from './prune-jobs.ts';
import { requestRemindersJob } from './request-reminders.ts';
import type { JobDefinition, ScheduleDefinition } from './worker.ts';

/** Every job kind the workers run: one file per job in this folder. */
export const jobDefinitions: JobDefinition[] = [
  notificationEmailsJob,
  notificationDigestJob,
  pruneJobsJob,
  requestRemindersJob,
  campaignSendJob,
  newsletterPublishJob,
];

/** The recurring jobs (cron, in the institute's time zone). */
export const jobSchedules: ScheduleDefinition[] = [
  { name: 'notification-digest', cron: '0 7 * * *', timeZone: 'Europe/Paris', kind: 'notifications.digest' },
  { name: 'prune-jobs', cron: '30 3 * * *', timeZone: 'Europe/Paris', kind: 'jobs.prune' },
  { name: 'request-reminders', cron: '*/5 * * * *', timeZone: 'Europe/Paris', kind: 'requests.remind' },
];
