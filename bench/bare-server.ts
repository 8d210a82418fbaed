import Fastify from 'fastify';

/** The baseline: a bare Fastify route on the same machine, in its own process (GET, and POST of JSON). */
const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/bare', async () => ({ items: [{ id: 'x', name: 'bare' }] }));
app.post('/bare', async (request, reply) => reply.status(201).send({ id: 'x', received: request.body }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
