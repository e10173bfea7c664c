/**
 * Bull Board at /queues, read-only, when Redis is configured: the queue the `ingest --queue`
 * command feeds and the OCR queue its workers forward scans to, seen from the same review app.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Queue } from 'bullmq';
import type { Hono } from 'hono';
import { connectRedis } from '../queue/bullmq-queue.js';
import { ocrQueueName } from '../queue/bullmq-worker.js';

export const QUEUES_PATH = '/queues';

export interface QueuesBoardOptions {
  redisUrl: string;
  queueName: string;
}

export interface QueuesBoard {
  app: Hono;
  close(): Promise<void>;
}

/** Connects to Redis (failing fast with ServiceUnavailableError) and builds the board's routes. */
export async function createQueuesBoard(options: QueuesBoardOptions): Promise<QueuesBoard> {
  const connection = await connectRedis(options.redisUrl);
  const queues = [options.queueName, ocrQueueName(options.queueName)].map((name) => new Queue(name, { connection }));
  const serverAdapter = new HonoAdapter(serveStatic);
  createBullBoard({
    // bull-board is typed against its own bullmq copy; the runtime API is the same.
    queues: queues.map((queue) => new BullMQAdapter(queue as unknown as ConstructorParameters<typeof BullMQAdapter>[0], { readOnlyMode: true })),
    // @bull-board/hono pins its own copy of @bull-board/api; the adapter contract is the same.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'jixiao' } },
  });
  serverAdapter.setBasePath(QUEUES_PATH);
  return {
    app: serverAdapter.registerPlugin() as unknown as Hono,
    close: async () => {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    },
  };
}
