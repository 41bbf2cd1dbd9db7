// A fleet benchmark receiver: answers every path (endpoints share receivers
// through distinct paths, /e<i>/webhook and /e<i>/health) with 200 after a
// fixed DELAY_MS, closing each connection so every probe opens a new one.
// It measures its own lateness (how much longer than DELAY_MS it held each
// request, from its arrival to the response's end), so a late timer here is
// not blamed on the prober. Prints its port; on "stats" prints
// {"n", "p50", "p99", "max"} of its lateness in seconds and resets.
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';

const delay = Number(process.env.DELAY_MS ?? 50);
const CAP = 1 << 20;
const late = new Float32Array(CAP);
let n = 0;
const server = createServer((req, res) => {
  const t0 = performance.now();
  req.resume();
  setTimeout(() => {
    const body = req.url?.endsWith('/health') ? '{"status":"healthy"}' : '{"ok":true}';
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close', 'content-length': body.length }).end(body, () => {
      late[n++ % CAP] = (performance.now() - t0 - delay) / 1000;
    });
  }, delay);
});
server.keepAliveTimeout = 1000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
const lines = createInterface({ input: process.stdin });
lines.on('line', (l) => {
  if (l !== 'stats') return;
  const s = late.slice(0, Math.min(n, CAP)).sort();
  const q = (p) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN);
  console.log(JSON.stringify({ n: s.length, p50: q(0.5), p99: q(0.99), max: s[s.length - 1] ?? NaN }));
  n = 0;
});
lines.on('close', () => process.exit(0));
