/** A PGlite database as extractor 0.2.0 left it: migrations 1 and 2 only, records of schema version 1. */
import type { PGlite } from '@electric-sql/pglite';
import type { ReportRecord } from '../../src/schema/record.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

export type Version1Record = Record<string, unknown> & { report: { kind: string } };

/** The record as schema version 1 stored it: no documentKind, parts, forms or roles. */
export function toVersion1(record: ReportRecord, extractorVersion = '0.2.0'): Version1Record {
  const { parts: _parts, forms: _forms, roles: _roles, ...rest } = record;
  const { documentKind: _documentKind, ...report } = rest.report;
  return { ...rest, schemaVersion: 1, extractorVersion, report };
}

export async function createVersion1Database(db: PGlite): Promise<void> {
  await db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const [index, sql] of MIGRATIONS.slice(0, 2).entries()) {
    await db.exec(sql);
    await db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [index + 1]);
  }
}

/** One document (with its bytes when given) and its version-1 record, written as 0.2.0 wrote them. */
export async function insertVersion1Report(
  db: PGlite,
  sha256: string,
  fileName: string,
  record: Version1Record,
  bytes: Uint8Array | null = null,
): Promise<void> {
  await db.query(
    "INSERT INTO documents (sha256, file_name, format, byte_length, pages, ocr_pages, bytes, extractor_version) VALUES ($1, $2, 'txt', $3, 1, 0, $4, '0.2.0')",
    [sha256, fileName, bytes?.byteLength ?? 1, bytes],
  );
  await db.query("INSERT INTO reports (sha256, kind, extractor_version, record) VALUES ($1, $2, '0.2.0', $3::jsonb)", [sha256, record.report.kind, JSON.stringify(record)]);
}
