/**
 * scripts/fetch-redis.sh on a copy of the repository whose .tools/redis/debs
 * already holds the packages (copied from this machine's .tools, so nothing
 * is downloaded): it unpacks them, writes runnable redis-server and
 * redis-cli wrappers, leaves every other file in .tools/bin alone, and a
 * second run only says they are present.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tool } from '../../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-redis-fetch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fetch-redis.sh', () => {
  it('installs redis-server from packages at hand, additively, then reports it present', () => {
    tool('redis-server'); // the machine's own copy, whose packages are reused
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    cpSync(join(ROOT, 'scripts/fetch-redis.sh'), join(repo, 'scripts/fetch-redis.sh'));
    cpSync(join(ROOT, '.tools/redis/debs'), join(repo, '.tools/redis/debs'), { recursive: true });
    mkdirSync(join(repo, '.tools/bin'), { recursive: true });
    writeFileSync(join(repo, '.tools/bin/promtool'), 'not ours');
    const run = () => spawnSync('bash', [join(repo, 'scripts/fetch-redis.sh')], { encoding: 'utf8' });

    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([
      `fetch-redis: using the packages already in ${repo}/.tools/redis/debs`,
      expect.stringMatching(/^fetch-redis: redis-server 7\.0\.\d+: installed in .*\/\.tools\/bin \(from redis-tools_.*\.deb\)$/),
    ]);
    expect(readdirSync(join(repo, '.tools/bin')).sort()).toEqual(['promtool', 'redis-cli', 'redis-server']);
    expect(readFileSync(join(repo, '.tools/bin/promtool'), 'utf8')).toBe('not ours');
    const v = spawnSync(join(repo, '.tools/bin/redis-server'), ['--version'], { encoding: 'utf8' });
    expect(v.stdout).toMatch(/^Redis server v=7\.0\./);

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout.trim()).toMatch(/^fetch-redis: redis-server 7\.0\.\d+: already present in .*\/\.tools\/bin$/);
    expect(spawnSync('bash', [join(repo, 'scripts/fetch-redis.sh'), '--check'], { encoding: 'utf8' }).status).toBe(0);
  }, 120_000);
});
