/**
 * The status model's JSON in pieces, for `/api/status` and the page's data
 * block: the head, then the endpoints a few at a time (each built only when
 * its piece is written, see `statusParts`), then the summary of the
 * endpoints written. A fleet of 10,000 endpoints is about 150 MiB of JSON;
 * written this way it never exists whole, and the event loop (every probe's
 * timers) runs between pieces. The text parses to the same model as
 * `JSON.stringify(buildStatus(…))`, with `summary` after `endpoints`.
 */
import type { StatusParts } from './model.js';

/** Endpoints written between two yields to the event loop. */
export const ENDPOINTS_PER_PIECE = 50;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function* statusJson(parts: StatusParts, perPiece = ENDPOINTS_PER_PIECE): AsyncGenerator<string, void, undefined> {
  const head = JSON.stringify(parts.head);
  // The head is an object with keys: drop its `}` to continue it.
  let text = `${head.slice(0, -1)},"endpoints":[`;
  let n = 0;
  for (const endpoint of parts.endpoints) {
    text += `${n ? ',' : ''}${JSON.stringify(endpoint)}`;
    n += 1;
    if (n % perPiece === 0) {
      yield text;
      text = '';
      await yieldToLoop();
    }
  }
  yield `${text}],"summary":${JSON.stringify(parts.summary)}}`;
}
