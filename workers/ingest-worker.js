#!/usr/bin/env node
// Queue wiring only: a BullMQ ingest worker configured from the environment
// (JIXIAO_REDIS_URL, JIXIAO_DATABASE_URL, JIXIAO_CONCURRENCY …). Same as `jixiao worker`.
import { loadConfig } from '../dist/config.js';
import { runWorker } from '../dist/queue/bullmq-worker.js';

await runWorker(loadConfig(process.env), {});
