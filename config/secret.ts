import { inspect } from 'node:util';

const MASK = '<secret>';

/**
 * A secret value. It prints as `<secret>` in logs, JSON and errors; only
 * `reveal()` gives the value, so a leak takes a deliberate call.
 */
export class Secret {
  readonly #value: string;
  /** Where the value came from, safe to print (`env:NAME`, `file:/path`, `inline`). */
  readonly origin: string;

  constructor(value: string, origin: string) {
    this.#value = value;
    this.origin = origin;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return `Secret(${this.origin})`;
  }
}

/** Masks every occurrence of the given secrets in a text. */
export function maskSecrets(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of secrets) {
    const v = s.reveal();
    if (v.length >= 4) out = out.split(v).join(MASK);
  }
  return out;
}
