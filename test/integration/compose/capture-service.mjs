// The compose test's capture service, run inside the compose network (node:20-bookworm-slim),
// where Alertmanager reaches it as http://capture:8080. It serves test/e2e/capture.ts's Slack and
// PagerDuty stand-ins, which check every request against the vendor's documented format (the
// test transpiles them next to this file), behind one listener:
//   POST /services/…   Slack incoming webhook       POST /v2/enqueue   PagerDuty Events API v2
//   GET  /_captured    what each received, and every request that broke its format
import { createServer } from 'node:http';
import { pagerDutyCapture, slackCapture } from './e2e/capture.js';

const slack = await slackCapture(process.env.SLACK_CHANNEL ?? '');
const pagerduty = await pagerDutyCapture(process.env.PAGERDUTY_ROUTING_KEY ?? '');
const stray = [];

const server = createServer((req, res) => {
  const url = req.url ?? '';
  if (req.method === 'GET' && url === '/_captured') {
    const view = (c) => ({ received: c.received, invalid: c.invalid });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ slack: view(slack), pagerduty: view(pagerduty), stray }));
    return;
  }
  const target = url.startsWith('/services/') ? slack : url.startsWith('/v2/') ? pagerduty : undefined;
  if (!target) {
    stray.push(`${req.method} ${url}`);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  target.server.server.emit('request', req, res);
});
server.listen(8080, '0.0.0.0', () => console.log('capture listening on :8080'));
process.on('SIGTERM', () => process.exit(0));
