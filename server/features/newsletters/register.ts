import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { registerGreetingRoutes } from '../greetings/routes.ts';
import { registerPressRoutes } from '../press/routes.ts';
import { registerNewsletterArchiveRoutes } from './archive-routes.ts';
import { registerNewsletterRoutes } from './routes.ts';

/** The campaigns that own their content: newsletter issues (and their public archive), greeting cards, press releases. */
export function registerChannelCampaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerNewsletterRoutes(app, ctx);
  registerNewsletterArchiveRoutes(app, ctx);
  registerGreetingRoutes(app, ctx);
  registerPressRoutes(app, ctx);
}
