/** What tests need to run a doc's examples: its fenced code blocks, and the config loader for its YAML. */
import { parseConfig, type Config } from '../../config/index.js';

export interface CodeBlock {
  /** The fence's info string (`yaml`, `jsonl`). */
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i] as string);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) body.push(lines[i] as string);
    out.push({ lang: open[1] as string, text: body.join('\n'), line: start + 1 });
  }
  return out;
}

/** A Standard Webhooks secret (whsec_ + base64) is a secret for every scheme. */
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ENDPOINT = 'endpoints:\n  - { name: payments-primary, url: "https://primary.example.com/webhook" }\n';

/**
 * Loads a doc's YAML example with the real loader; a fragment without
 * `endpoints:` gets one endpoint. Every environment variable and secret
 * file holds a secret every scheme accepts.
 */
export function loadExample(yaml: string): Config {
  const text = /^endpoints:/m.test(yaml) ? yaml : `${ENDPOINT}${yaml}`;
  const env = new Proxy({}, { get: () => SECRET });
  return parseConfig(text, { file: 'example.yaml', dir: '/etc/hookwatch', env, readFile: () => `${SECRET}\n` });
}
