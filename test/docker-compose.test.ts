/**
 * docker-compose.yml as a user meets it: a review-app service, and Redis/PostgreSQL published on
 * loopback on ports that do not clash with a Redis or PostgreSQL already running on the machine.
 * (Read as text: the file is small and the project has no YAML parser.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');

/** The lines of one top-level service. */
function service(name: string): string {
  const match = new RegExp(`^ {2}${name}:\\n((?: {4}.*\\n|\\s*\\n)+)`, 'mu').exec(compose);
  return match?.[1] ?? '';
}

/** Host side of each published port: "127.0.0.1:${VAR:-16379}:6379" → { host: '127.0.0.1', port: '16379', container: '6379' }. */
function published(text: string): Array<{ host: string; port: string; container: string }> {
  return [...text.matchAll(/"(127\.0\.0\.1|0\.0\.0\.0)?:?\$\{\w+:-(\d+)\}:(\d+)"|"(?:(127\.0\.0\.1|0\.0\.0\.0):)?(\d+):(\d+)"/gu)].map((m) =>
    m[2] ? { host: m[1] ?? '', port: m[2], container: m[3]! } : { host: m[4] ?? '', port: m[5]!, container: m[6]! },
  );
}

describe('docker-compose.yml', () => {
  it('has a review-app service serving jixiao over the shared database', () => {
    const review = service('review');
    expect(review).toMatch(/"serve"/u);
    expect(review).toContain('JIXIAO_DATABASE_URL: postgres://jixiao:jixiao@postgres:5432/jixiao');
    expect(review).toContain('JIXIAO_TOKEN');
    expect(published(review)).toEqual([{ host: '127.0.0.1', port: '8080', container: '8080' }]);
  });

  it('publishes Redis and PostgreSQL on loopback only, away from 6379 and 5432', () => {
    for (const [name, usual] of [['redis', '6379'], ['postgres', '5432']] as const) {
      const ports = published(service(name));
      expect(ports, name).toHaveLength(1);
      expect(ports[0]!.host, name).toBe('127.0.0.1');
      expect(ports[0]!.container, name).toBe(usual);
      expect(ports[0]!.port, name).not.toBe(usual);
    }
  });
});
