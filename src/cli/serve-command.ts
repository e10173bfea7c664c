/**
 * `jixiao serve`: the local review web app over the store. Runs until SIGINT/SIGTERM, then closes
 * the server, the queue board and the store.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Config } from '../config.js';
import { helpWith } from './options.js';

// As in src/serve/server.ts, which is imported only when the command runs (it loads Hono).
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;

export interface ServeCommandOptions {
  dataDir?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
  redisUrl?: string;
}

/** JIXIAO_TOKEN, when the configuration carries one (config.ts owns the environment). */
function tokenOf(config: Config): string | undefined {
  return config.token;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be an integer between 0 and 65535');
  return port;
}

export async function runServe(config: Config, opts: ServeCommandOptions): Promise<void> {
  const [{ startServer }, { openStore }] = await Promise.all([import('../serve/server.js'), import('../store/open-store.js')]);
  const databaseUrl = opts.databaseUrl ?? config.databaseUrl;
  // A review app over nothing helps no one: a data directory with no database is refused (exit 2).
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: opts.dataDir ?? config.dataDir, mode: 'read' });
  let server;
  try {
    server = await startServer({
      store,
      host: opts.host ?? DEFAULT_HOST,
      port: opts.port ?? DEFAULT_PORT,
      token: tokenOf(config),
      redisUrl: opts.redisUrl ?? config.redisUrl,
      queueName: config.queueName,
      ...config.readLimits,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const running = server;
  process.stdout.write(
    `jixiao: serving ${store.kind === 'pglite' ? (opts.dataDir ?? config.dataDir) : 'PostgreSQL'} at ${running.url}/${tokenOf(config) ? ' (token required: Bearer header or ?token=)' : ''}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  await store.close();
}

export function registerServeCommand(program: Command, config: Config): void {
  program
    .command('serve')
    .description('start the local review web app: reports, figures in their source, failed checks, comparisons (read-only)')
    .option('--data-dir <dir>', 'embedded database directory (env JIXIAO_DATA_DIR, default ./jixiao-data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env JIXIAO_DATABASE_URL)')
    .option('--port <port>', `port to listen on (default ${DEFAULT_PORT}; 0 = any free port)`, parsePort)
    .option('--host <address>', `address to bind (default ${DEFAULT_HOST}); any other address requires JIXIAO_TOKEN`)
    .option('--redis-url <url>', 'Redis URL: show the ingest and OCR queues (Bull Board) at /queues (env JIXIAO_REDIS_URL)')
    .addHelpText('after', helpWith(['jixiao serve', 'jixiao serve --port 9000 --data-dir /data/jixiao', 'JIXIAO_TOKEN=secret jixiao serve --host 0.0.0.0']))
    .action(async (opts: ServeCommandOptions) => {
      await runServe(config, opts);
    });
}
