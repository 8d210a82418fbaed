import Fastify from 'fastify';

/** The baseline: a bare Fastify route on the same machine, in its own process. */
const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/bare', async () => ({ items: [{ id: 'x', name: 'bare' }] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
