import { z } from 'zod';
import { ReportRecord } from './record.js';

/** The JSON Schema of the record (draft 2020-12), as committed in schema/report-record.schema.json. */
export function recordJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/jixiao/jixiao/schema/report-record.schema.json',
    title: 'jixiao ReportRecord',
    description: 'One performance self-evaluation report: report facts, figures with evidence, consistency checks.',
    ...z.toJSONSchema(ReportRecord, { target: 'draft-2020-12' }),
  };
}
