import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: './jixiao-data',
      databaseUrl: undefined,
      redisUrl: undefined,
      queueName: 'jixiao',
      maxBytes: 200 * 1024 * 1024,
      maxUncompressedBytes: 500 * 1024 * 1024,
      ocrConcurrency: 1,
      pdfEngine: 'pdfium',
      lockDuration: 30_000,
      token: undefined,
    });
    expect(config.concurrency).toBeGreaterThanOrEqual(1);
  });

  it('reads the values it is given', () => {
    const config = loadConfig({
      JIXIAO_DATABASE_URL: 'postgres://u@db:5432/x',
      JIXIAO_REDIS_URL: 'redis://cache:6379',
      JIXIAO_CONCURRENCY: '3',
      JIXIAO_PDF_ENGINE: 'pdfjs',
      JIXIAO_TOKEN: ' secret ',
    });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u@db:5432/x', redisUrl: 'redis://cache:6379', concurrency: 3, pdfEngine: 'pdfjs', token: 'secret' });
  });

  it.each([
    ['JIXIAO_PDF_ENGINE', 'poppler', /JIXIAO_PDF_ENGINE: must be pdfium or pdfjs/u],
    ['JIXIAO_MAX_BYTES', 'lots', /JIXIAO_MAX_BYTES/u],
    ['JIXIAO_DATABASE_URL', 'mysql://root@db/x', /JIXIAO_DATABASE_URL: must start with postgres/u],
  ])('stops on a bad %s with a ConfigError naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
