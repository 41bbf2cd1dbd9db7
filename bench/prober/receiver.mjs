// The benchmark's target: answers 200 after DELAY_MS, closing each
// connection so every probe opens a new one. Runs in its own process so its
// CPU is not counted for either prober. Prints its port on stdout.
import { createServer } from 'node:http';

const delay = Number(process.env.DELAY_MS ?? 0);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const answer = () => res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end('{"ok":true}');
    if (delay > 0) setTimeout(answer, delay); else answer();
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
