/**
 * The data dictionary (docs/data-dictionary.md), rendered from the table specs so it cannot drift
 * from what `jixiao export` writes. test/export/data-dictionary.test.ts compares the file with this.
 */
import { ACCOUNTS_RULE_DOCS } from '../check/accounts/index.js';
import { PIVOT_METRICS } from './pivot.js';
import { TABLES, type ColumnType } from './tables.js';

const TYPE_NAMES: Record<ColumnType, { text: string; parquet: string }> = {
  string: { text: 'text', parquet: 'STRING (UTF-8)' },
  integer: { text: 'integer', parquet: 'INT32' },
  money: { text: 'money, yuan', parquet: 'DECIMAL(20,2)' },
  number: { text: 'decimal', parquet: 'DOUBLE' },
  boolean: { text: 'true/false', parquet: 'BOOLEAN' },
  timestamp: { text: 'time (ISO 8601, UTC)', parquet: 'TIMESTAMP_MILLIS' },
};

const escapeCell = (text: string) => text.replace(/\|/gu, '\\|');

export function renderDataDictionary(): string {
  const lines: string[] = [
    '# Data dictionary · 数据字典',
    '',
    '<!-- Generated from src/export/tables.ts by renderDataDictionary(); regenerate with',
    '     JIXIAO_UPDATE_DOCS=1 npx vitest run test/export/data-dictionary.test.ts -->',
    '',
    'The tables `jixiao export` writes (`--table NAME`), their columns, meanings in Chinese and English, types and units.',
    'The stored record itself is described by the JSON Schema in `schema/report-record.schema.json`; besides the values',
    'exported here it keeps how they were chosen: `roles` (each headline figure) and `reportRoles` (the department and the fiscal year), each',
    'with the winner, the ranked alternatives, their scores, the named rules that scored them and their evidence.',
    '',
    '## Conventions',
    '',
    '- **Money** is in yuan (元) whatever unit the report used (890.33万元 → 8903300.00; 29.6万 without 元 → 296000.00), and',
    '  its column name ends in `_yuan`.',
    '  Values come from the record\'s exact decimal strings, never through a float: CSV and JSONL print the exact decimal',
    '  (at least two decimals), Parquet stores `DECIMAL(20,2)` (a 9-byte fixed-length decimal; pandas/pyarrow read',
    '  `decimal128(20, 2)`; an amount stated finer than the fen is rounded half-even there, with a warning), XLSX stores a',
    '  number formatted `#,##0.00` (a double: exact to the fen up to 15 significant digits, i.e. below 10^13 yuan; longer',
    '  amounts are written as text).',
    '- **Rates** are fractions (0.802 = 80.2%); **scores** are points (分).',
    '- **Empty** means not stated (or, for interval bounds, unbounded).',
    '- **CSV**: UTF-8 with a byte-order mark, one header row of the English column names. Text starting with `=`, `+`, `@`',
    '  or a `-` that does not start a number is prefixed with `\'` so spreadsheet programs do not run it as a formula.',
    '- **JSONL**: one object per row; money and decimals are JSON number literals holding the exact decimal.',
    '- **XLSX**: one sheet per table with one frozen header row of the column names (so `pandas.read_excel` reads typed',
    '  columns with its defaults), and a last sheet `dictionary` giving each column\'s Chinese header, meaning, type and unit.',
    '- **Forms** (`forms`): one row per 自评表 found in a document (a 部门决算 may hold a department-overall form and dozens of',
    '  project forms) and per row of a 项目名称 | 自评分数 summary table; `reports.document_kind` says what the document is.',
    '- **Department key** (`department_key`): the same unit across years and spellings. Names are normalized',
    '  (中国共产党 → 中共, X县委员会 → X县委, 寻甸回族彝族自治县 → 寻甸县, a trailing 本级 dropped, full-width forms,',
    '  brackets, whitespace and common traditional characters folded), a leading 中共 is dropped, the place chain is cut to',
    '  the county when the region names one, and that county loses its 县/市/区/旗 so a redesignated county keeps its key',
    '  (寻甸县委办公室 → `寻甸委办公室`). `jixiao departments` lists the keys; `departments merge KEY1 KEY2`,',
    '  `departments split KEY NAME`, `departments unmerge KEY` and `departments unsplit NAME` edit the alias table stored',
    '  in the database. `department_latest` is the name the department states in its latest year.',
    '- `--kind` takes a report kind (department_overall | project | unknown) or a document kind (self_evaluation_report |',
    '  self_evaluation_forms | final_accounts | budget | target_declaration | evaluation_report | other).',
    '- Report filters (`--year`, `--region`, `--department`, `--kind`, `--failed-checks`) apply to every table but',
    '  `ingest_errors`; `--department` takes a key or text found in any of the department\'s names, and selects all its years.',
    '',
  ];
  for (const spec of Object.values(TABLES)) {
    lines.push(`## \`${spec.name}\` · ${spec.zh}`, '', `${spec.en}.`, '');
    lines.push('| column | 中文 | meaning | type | unit | Parquet |', '|---|---|---|---|---|---|');
    for (const column of spec.columns) {
      const type = TYPE_NAMES[column.type];
      lines.push(
        `| \`${column.name}\` | ${escapeCell(column.zh)} | ${escapeCell(column.en)} | ${type.text} | ${escapeCell(column.unit ?? '')} | ${type.parquet} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## 决算 check rules · 决算校验规则',
    '',
    'Rule ids of the `checks` table for a 部门决算 (its tables and 情况说明); each fails (or warns) as shown when it does',
    'not hold. Amounts are compared as printed-precision intervals, so rounding-level gaps pass.',
    '',
    '| rule | 中文 | meaning | when not |',
    '|---|---|---|---|',
    ...ACCOUNTS_RULE_DOCS.map((r) => `| \`${r.id}\` | ${escapeCell(r.zh)} | ${escapeCell(r.en)} | ${r.status} |`),
    '',
    '## Pivots · 透视表',
    '',
    `\`jixiao export --pivot ${PIVOT_METRICS.join('|')} --by department,year\` writes one row per department key and one`,
    'column per fiscal year found in the filtered reports:',
    '',
    '| column | 中文 | meaning | type | unit |',
    '|---|---|---|---|---|',
    '| `department_key` | 部门标识 | Department key after aliases | text | |',
    '| `department` | 部门名称(最新) | Latest name of the department | text | |',
    '| `budget_yuan_<year>` | <year>年预算数(元) | `--pivot budget` | money, yuan | 元 |',
    '| `execution_yuan_<year>` | <year>年执行数(元) | `--pivot execution` | money, yuan | 元 |',
    '| `execution_rate_<year>` | <year>年执行率 | `--pivot execution-rate`: the rate as stated, else execution / budget | decimal | fraction |',
    '| `self_score_<year>` | <year>年自评得分 | `--pivot score` | decimal | 分 |',
    '',
    'A cell takes the department\'s `department_overall` report of that year when there is one, else any report stating',
    'the value; when several qualify the first by sha256 is used and the export warns. Reports without a department name',
    'or a fiscal year are left out (and counted in a warning).',
    '',
  );
  return lines.join('\n');
}
