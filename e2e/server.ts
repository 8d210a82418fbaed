import http from 'node:http';
import { loadConfig } from '../server/config.ts';
import { startRelais } from '../server/start.ts';

/**
 * Relais as `npm start` runs it (web + worker), with one difference for the browser tests: a clock
 * they can move forward, through a control port on loopback (`POST /clock {"offsetMs": n}`), so a
 * journey sees tomorrow's reminders and lifted embargoes without waiting. Never used in production.
 */
let offsetMs = 0;
const relais = await startRelais({
  config: loadConfig(),
  web: true,
  worker: true,
  now: () => new Date(Date.now() + offsetMs),
});

const control = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    if (request.method === 'POST' && request.url === '/clock') {
      const value = Number((JSON.parse(body || '{}') as { offsetMs?: unknown }).offsetMs);
      if (Number.isFinite(value)) offsetMs = value;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ offsetMs, now: new Date(Date.now() + offsetMs).toISOString() }));
  });
});
control.listen(Number(process.env.E2E_CLOCK_PORT), '127.0.0.1');

process.once('SIGTERM', () => {
  control.close();
  void relais.stop().then(() => process.exit(0));
});
