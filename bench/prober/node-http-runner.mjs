// The floor under hookwatch's figures: bare node:http doing COUNT POSTs at
// CONCURRENCY on fresh connections (an agent without keep-alive, as the
// prober's), nothing else loaded: no config, no signing, no metrics. The
// protocol with the parent is drive.mjs's.
import { Agent, request } from 'node:http';
import { drive } from './drive.mjs';

const [url, count, concurrency] = [new URL(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])];
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const body = '{"id":"evt_bench","type":"bench.event"}';
const post = () => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
    res.resume();
    res.once('end', () => resolve({ success: res.statusCode === 200, durationSeconds: (performance.now() - t0) / 1000 }));
  });
  req.once('error', reject);
  req.end(body);
});

await drive(count, concurrency, () => post().catch(() => ({ success: false, durationSeconds: NaN })));
