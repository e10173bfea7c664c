#!/usr/bin/env node
// `npm run schema`: regenerates schema/report-record.schema.json from the zod schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { recordJsonSchema } from '../dist/schema/json-schema.js';
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/report-record.schema.json', import.meta.url), JSON.stringify(recordJsonSchema(), null, 2) + '\n');
console.log('wrote schema/report-record.schema.json');
