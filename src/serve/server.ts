/**
 * Binds the review app to a socket. Loopback by default; any other address needs a token, since
 * the reports and the file names are not public by nature.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError } from '../errors.js';
import type { Store } from '../store/store.js';
import { createReviewApp } from './app.js';
import type { ExportHandler } from './export-types.js';
import { createQueuesBoard, type QueuesBoard } from './bull-board.js';
import { isLoopbackHost } from './security.js';
import { readLimitsOf, type ReadLimits } from '../ingest/document.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
/** Shorter tokens are too easy to guess for a server reachable from a network. */
export const MIN_TOKEN_LENGTH = 16;

export interface StartServerOptions extends ReadLimits {
  store: Store;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 8080; 0 = any free port). */
  port?: number;
  /** JIXIAO_TOKEN: required when `host` is not loopback; when given, required on loopback too. */
  token?: string | undefined;
  /** Mount Bull Board at /queues. */
  redisUrl?: string | undefined;
  queueName?: string;
  /** Default: the src/export tables of the selection; null disables exports (501). */
  exportSelection?: ExportHandler | null | undefined;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Refuses an unsafe binding before anything listens. */
export function checkBinding(host: string, token: string | undefined): void {
  const bare = host.replace(/^\[|\]$/gu, '');
  if (!isLoopbackHost(bare) && !token) {
    throw new ConfigError(`serving on ${host} (beyond loopback) requires a token: set JIXIAO_TOKEN`);
  }
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`JIXIAO_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const token = options.token && options.token !== '' ? options.token : undefined;
  checkBinding(host, token);
  let board: QueuesBoard | undefined;
  if (options.redisUrl) board = await createQueuesBoard({ redisUrl: options.redisUrl, queueName: options.queueName ?? 'jixiao' });
  const app = createReviewApp({
    store: options.store,
    token,
    ...readLimitsOf(options),
    ...(options.exportSelection !== undefined ? { exportSelection: options.exportSelection } : {}),
    queues: board?.app,
  });
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await board?.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot listen on ${host}:${options.port ?? DEFAULT_PORT}${code ? ` (${code})` : ''}`, { cause: error });
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await board?.close();
    },
  };
}
