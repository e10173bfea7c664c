#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/main.js (built by `npm run build`, run by `npm ci` via `prepare`).
import { run } from '../dist/cli/main.js';
await run(process.argv);
