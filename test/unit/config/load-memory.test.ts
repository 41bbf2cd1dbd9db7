/**
 * A parsed config keeps nothing of its parse: the YAML document (its nodes
 * and comments, about 70 MiB for 10,000 endpoints) must be garbage once
 * `parseConfig` returns, although the schema it made lives on.
 */
import { Session } from 'node:inspector/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import { parseConfig, type Config } from '../../../config/index.js';

const session = new Session();
session.connect();
afterAll(() => session.disconnect());

/** How many live objects have `proto` as their prototype (the inspector collects garbage first). */
async function liveObjects(proto: object): Promise<number> {
  const key = `__hookwatchProto${Math.random().toString(36).slice(2)}`;
  (globalThis as Record<string, unknown>)[key] = proto;
  try {
    const { result } = await session.post('Runtime.evaluate', { expression: `globalThis.${key}` });
    const { objects } = await session.post('Runtime.queryObjects', { prototypeObjectId: result.objectId! });
    const { result: length } = await session.post('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return length.value as number;
  } finally {
    delete (globalThis as Record<string, unknown>)[key];
  }
}

describe('parseConfig memory', () => {
  it('keeps no YAML document alive after it returns', async () => {
    const before = await liveObjects(Document.prototype);
    const configs: Config[] = [];
    for (let i = 0; i < 3; i++) {
      configs.push(parseConfig(`# config ${i}\nendpoints:\n  - name: a${i}\n    url: http://127.0.0.1:1/hook\n    signing: { scheme: standard-webhooks, secret: whsec_c2VjcmV0LWZvci1zdGF0dXMtdGVzdA }\n`, { file: 'hookwatch.yaml', dir: '/tmp', env: {} }));
    }
    expect(configs.map((c) => c.endpoints[0]!.name)).toEqual(['a0', 'a1', 'a2']);
    expect(await liveObjects(Document.prototype)).toBe(before);
  });
});

describe('parseConfig sharing', () => {
  it('makes equal parts of different endpoints one frozen object, and keeps parts holding secrets apart', () => {
    const ep = (i: number) => `  - name: e${i}\n    url: http://127.0.0.1:1/e${i}\n    signing: { scheme: standard-webhooks, secret: whsec_c2VjcmV0LWZvci1zdGF0dXMtdGVzd${i} }\n`;
    const config = parseConfig(`endpoints:\n${ep(1)}${ep(2)}  - name: e3\n    url: http://127.0.0.1:1/e3\n    signing: { scheme: none }\n    alerts: { endpoint_down: { for: 7m } }\n`, { file: 'hookwatch.yaml', dir: '/tmp', env: {} });
    const [a, b, c] = config.endpoints;
    expect(a!.thresholds).toBe(b!.thresholds);
    expect(a!.checks.delivery.schedule).toBe(b!.checks.delivery.schedule);
    expect(a!.thresholds.failureRate).toBe(c!.thresholds.failureRate);
    expect(c!.thresholds.endpointDown).not.toBe(a!.thresholds.endpointDown);
    expect(c!.thresholds.endpointDown.for.seconds).toBe(420);
    expect(a!.signing).not.toBe(b!.signing);
    expect(a!.signing!.secrets[0]!.reveal()).not.toBe(b!.signing!.secrets[0]!.reveal());
    expect(Object.isFrozen(a!.thresholds)).toBe(true);
  });
});
