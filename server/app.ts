import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import type { DbHandle } from './db/connection.ts';
import { registerAttachmentRoutes } from './features/attachments/routes.ts';
import { registerAudienceRoutes } from './features/audiences/routes.ts';
import { registerApiTokenRoutes } from './features/auth/api-token-routes.ts';
import { MeSchema } from './features/auth/present.ts';
import { registerAuthRoutes } from './features/auth/routes.ts';
import { registerCampaignRoutes } from './features/campaigns/routes.ts';
import { registerCommentRoutes } from './features/comments/routes.ts';
import { registerDelegationRoutes } from './features/delegations/routes.ts';
import { registerDemoRoutes } from './features/demo/routes.ts';
import { registerHealthRoutes } from './features/health/routes.ts';
import { registerJobRoutes } from './features/jobs/routes.ts';
import { LabSchema } from './features/labs/present.ts';
import { registerLabRoutes } from './features/labs/routes.ts';
import { registerChannelCampaignRoutes } from './features/newsletters/register.ts';
import { registerNotificationRoutes } from './features/notifications/routes.ts';
import { registerOutboxRoutes } from './features/outbox/routes.ts';
import { PersonSchema } from './features/people/present.ts';
import { registerPeopleRoutes } from './features/people/routes.ts';
import { registerPublicMailRoutes } from './features/public-mail/routes.ts';
import { registerRequestRoutes } from './features/requests/routes.ts';
import { registerSkillRoutes } from './features/skills/routes.ts';
import { registerChannelRoutes } from './features/stories/channel-routes.ts';
import { StorySchema } from './features/stories/present.ts';
import { registerStoryRoutes } from './features/stories/routes.ts';
import { registerTipRoutes } from './features/tips/routes.ts';
import { registerUploadRoutes } from './features/uploads/routes.ts';
import { HttpError } from './lib/errors.ts';
import { ErrorResponse } from './lib/schemas.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { registerAuthentication } from './plugins/authentication.ts';
import { handleFrameworkError, registerErrorHandling } from './plugins/errors.ts';
import { validatorCompiler } from './plugins/validation.ts';

export type BuildOptions = {
  config: Config;
  database: DbHandle;
  now?: () => Date;
  mailer?: Mailer;
  logger?: boolean | object;
};

const webRoot = path.resolve(import.meta.dirname, '../dist');

/** What routes, actions and jobs share; a worker-only process builds it without the HTTP app. */
export function createContext(
  options: Pick<BuildOptions, 'config' | 'database' | 'now' | 'mailer'>,
): AppContext {
  const { config, database } = options;
  const now = options.now ?? (() => new Date());
  return {
    db: database.db,
    dialect: database.dialect,
    config,
    now,
    mailer:
      options.mailer ??
      createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        db: database.db,
        now,
        dkim: config.campaigns.dkim,
      }),
  };
}

/** The whole HTTP application as one Fastify instance; used by main.ts and by the tests. */
export async function buildApp(
  options: BuildOptions & { ctx?: AppContext },
): Promise<FastifyInstance & { ctx: AppContext }> {
  const { config } = options;
  const ctx = options.ctx ?? createContext(options);

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: handleFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 8 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Relais API',
        version: '1',
        description:
          'JSON API of Relais. Browsers use the session cookie (state changes must come from the app itself); scripts use a personal API token: `Authorization: Bearer rls_…`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'relais_session' },
        },
      },
      security: [{ cookie: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  for (const schema of [ErrorResponse, PersonSchema, LabSchema, MeSchema, StorySchema]) app.addSchema(schema);

  registerAuthentication(app, ctx);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerApiTokenRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerLabRoutes(app, ctx);
  registerDelegationRoutes(app, ctx);
  registerSkillRoutes(app, ctx);
  registerStoryRoutes(app, ctx);
  registerChannelRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerTipRoutes(app, ctx);
  registerRequestRoutes(app, ctx);
  registerCommentRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  registerOutboxRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerDemoRoutes(app, ctx);
  registerAudienceRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  registerPublicMailRoutes(app, ctx);
  registerChannelCampaignRoutes(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasWebApp = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // Files are looked up per request, so a rebuilt dist/ is served without a restart.
      wildcard: true,
      index: false,
      // Vite names assets by content hash: they never change, so browsers may keep them.
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    // The root is a directory to the static plugin (403 without an index): serve the app's shell.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      throw new HttpError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new HttpError(404, 'not_found', 'Not found');
    if (!hasWebApp)
      return reply.status(503).type('text/plain').send('The web app is not built: run `npm run build`.');
    // Hashed assets are cached for ever; the shell never is, so a deploy is picked up at once.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });

  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => ctx.mailer.close());
  return app as unknown as FastifyInstance & { ctx: AppContext };
}
