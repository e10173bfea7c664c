/**
 * The domain vocabulary: every word list that extraction, checks, segmentation and ingest use,
 * written once. Topics live in their own files; import from here.
 */
export * from './breakdowns.js';
export * from './counts.js';
export * from './documents.js';
export * from './fulfilment.js';
export * from './accounts.js';
export * from './outline.js';
export * from './roles.js';
export * from './tables.js';
export * from './units.js';
export * from './itemized.js';
export * from './project-tables.js';
