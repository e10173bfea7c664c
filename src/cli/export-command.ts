/**
 * `jixiao export` (tables and pivots to csv | xlsx | jsonl | parquet) and `jixiao departments`
 * (list department keys; merge, split and undo). Registered by `buildProgram` in main.ts.
 */
import { extname } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Config } from '../config.js';
import { DepartmentAliasError, loadDepartmentIndex, mergeDepartments, splitDepartment, type DepartmentGroup } from '../export/departments.js';
import { compactDepartmentName } from '../export/department-key.js';
import { EXPORT_FORMATS, ExportOptionsError, type ExportFilter, type ExportFormat } from '../export/formats.js';
import { PIVOT_METRICS, type PivotMetric } from '../export/pivot.js';
import { TABLE_NAMES, type TableName } from '../export/tables.js';
import { withStore, withStoreToRead, type StoreOptions } from './with-store.js';
import { helpWith, KIND_VALUES, parseKind, parseYear } from './options.js';

/** Same meaning as main.ts's EXIT.input: the command line asked for something impossible. */
const EXIT_USAGE = 2;

const withStoreOptions = (cmd: Command) =>
  cmd
    .option('--data-dir <dir>', 'embedded database directory (env JIXIAO_DATA_DIR, default ./jixiao-data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of the embedded database (env JIXIAO_DATABASE_URL)');

/** Usage errors from the export and alias code print as one line and exit 2. */
async function reportingUsageErrors(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ExportOptionsError || error instanceof DepartmentAliasError) {
      process.stderr.write(`jixiao: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    throw error;
  }
}

/**
 * The format: --format, else the --out file's extension (reports.xlsx → xlsx), else csv to stdout.
 * Without --format, an extension that names no format is refused, and so is one that contradicts
 * --format: a file named .xlsx holding CSV opens as garbage.
 */
export function resolveFormat(format: ExportFormat | undefined, out: string | undefined): ExportFormat {
  const extension = out ? extname(out).slice(1).toLowerCase() : '';
  const fromExtension = (EXPORT_FORMATS as readonly string[]).includes(extension) ? (extension as ExportFormat) : null;
  if (format) {
    if (fromExtension !== null && fromExtension !== format) {
      throw new ExportOptionsError(`--format ${format} does not match --out ${out}: name the file .${format}, or leave out --format`);
    }
    return format;
  }
  if (!out) return 'csv';
  if (fromExtension === null) {
    throw new ExportOptionsError(`cannot tell the format from --out ${out}: end the name in .${EXPORT_FORMATS.join(', .')} or give --format`);
  }
  return fromExtension;
}

function parseTables(value: string): TableName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const bad = names.filter((name) => !(TABLE_NAMES as readonly string[]).includes(name));
  if (names.length === 0 || bad.length > 0) throw new InvalidArgumentError(`expected ${TABLE_NAMES.join(' | ')} (comma-separated for xlsx)`);
  return names as TableName[];
}

function parseBy(value: string): string {
  const dims = value.split(',').map((dim) => dim.trim());
  if (dims.join(',') !== 'department,year') throw new InvalidArgumentError('only department,year is supported');
  return 'department,year';
}

interface ExportCommandOptions extends StoreOptions {
  format?: ExportFormat;
  table?: TableName[];
  pivot?: PivotMetric;
  by: string;
  out?: string;
  year?: number;
  region?: string;
  department?: string;
  kind?: string;
  failedChecks?: boolean;
}

function formatGroup(group: DepartmentGroup): string {
  const span = group.years.length === 0 ? '----' : group.years.length === 1 ? `${group.years[0]}` : `${group.years[0]}–${group.years.at(-1)}`;
  const lines = [`${group.key}  ${group.latestName}  ${span}  ${group.reports} report(s)`];
  if (group.names.length > 1 || group.names[0]?.name !== group.latestName) {
    for (const spelling of group.names) lines.push(`    ${spelling.name}  ${spelling.years.join(', ') || '----'}`);
  }
  return lines.join('\n');
}

export function registerExportCommands(program: Command, config: Config): void {
  withStoreOptions(
    program
      .command('export')
      .description('write stored records as comparable tables: csv (UTF-8 with BOM), xlsx (a sheet per table), jsonl or parquet')
      .addOption(new Option('--format <format>', 'output format (default: from the --out extension, else csv)').choices(EXPORT_FORMATS))
      .option('--table <names>', `table: ${TABLE_NAMES.join(' | ')} (default reports; xlsx: all, or a comma-separated list)`, parseTables)
      .addOption(new Option('--pivot <metric>', 'wide table, one row per department, one column per year').choices(PIVOT_METRICS).conflicts('table'))
      .option('--by <dims>', 'pivot dimensions', parseBy, 'department,year')
      .option('--out <file>', 'output file (csv and jsonl go to stdout without it; xlsx and parquet need it)')
      .option('--year <year>', 'fiscal year', parseYear)
      .option('--region <text>', 'region (province, city or county) contains TEXT')
      .option('--department <text>', 'a department key, or text in any of its names (selects all its years)')
      .option('--kind <kind>', `what the report is about or what the document is: ${KIND_VALUES.join(' | ')}`, parseKind)
      .option('--failed-checks', 'only reports with a failed check')
      .addHelpText(
        'after',
        helpWith([
          'jixiao export --out reports.xlsx',
          'jixiao export --table forms --out forms.parquet',
          'jixiao export --table forms --kind final_accounts > forms.csv',
          'jixiao export --pivot execution-rate --by department,year --out rates.xlsx',
        ]),
      ),
  ).action(async (opts: ExportCommandOptions) => {
    await reportingUsageErrors(async () => {
      const format = resolveFormat(opts.format, opts.out);
      const { runExport } = await import('../export/export.js');
      const filter: ExportFilter = {
        ...(opts.year !== undefined ? { year: opts.year } : {}),
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.department ? { department: opts.department } : {}),
        ...(opts.kind ? { kind: opts.kind } : {}),
        ...(opts.failedChecks ? { failedChecks: true } : {}),
      };
      const result = await withStoreToRead(config, opts, (store) =>
        runExport(store, {
          format,
          filter,
          ...(opts.table ? { tables: opts.table } : {}),
          ...(opts.pivot ? { pivot: opts.pivot } : {}),
          ...(opts.out ? { out: opts.out } : {}),
        }),
      );
      for (const warning of result.warnings) process.stderr.write(`jixiao: ${warning}\n`);
      const counts = Object.entries(result.rows).map(([table, rows]) => `${table} ${rows}`).join(', ');
      if (opts.out) process.stderr.write(`wrote ${opts.out} (${counts} row(s))\n`);
    });
  });

  const departments = withStoreOptions(
    program
      .command('departments')
      .description('list department keys with the names and years behind them; merge or split them')
      .option('--json', 'print JSON: departments and the alias table'),
  ).action(async (opts: StoreOptions & { json?: boolean }) => {
    await withStoreToRead(config, opts, async (store) => {
      const index = await loadDepartmentIndex(store);
      const groups = index.groups();
      if (opts.json) {
        process.stdout.write(JSON.stringify({ departments: groups, aliases: index.aliases }, null, 2) + '\n');
        return;
      }
      for (const group of groups) process.stdout.write(formatGroup(group) + '\n');
      for (const alias of index.aliases) {
        process.stdout.write(alias.kind === 'key' ? `merged: ${alias.source} → ${alias.target}\n` : `split: ${alias.source} → ${alias.target}\n`);
      }
      process.stdout.write(`${groups.length} department(s)\n`);
    });
  });

  withStoreOptions(
    departments
      .command('merge')
      .description('put every report of department KEY2 under department KEY1')
      .argument('<key1>', 'the department to keep')
      .argument('<key2>', 'the department merged into it'),
  ).action(async (key1: string, key2: string, opts: StoreOptions) => {
    await reportingUsageErrors(() =>
      withStore(config, opts, async (store) => {
        const alias = await mergeDepartments(store, key1, key2);
        process.stdout.write(alias ? `merged ${alias.source} into ${alias.target}\n` : `${key1} and ${key2} are already one department\n`);
      }),
    );
  });

  withStoreOptions(
    departments
      .command('split')
      .description('give the reports of department KEY stating NAME a department key of their own')
      .argument('<key>', 'the department')
      .argument('<name>', 'one of its names, as listed by `jixiao departments`'),
  ).action(async (key: string, name: string, opts: StoreOptions) => {
    await reportingUsageErrors(() =>
      withStore(config, opts, async (store) => {
        const alias = await splitDepartment(store, key, name);
        process.stdout.write(`split ${alias.source} into ${alias.target}\n`);
      }),
    );
  });

  withStoreOptions(
    departments.command('unmerge').description('undo `departments merge`: KEY gets its own reports back').argument('<key>', 'the key merged away'),
  ).action(async (key: string, opts: StoreOptions) => {
    await withStore(config, opts, async (store) => {
      const removed = await store.deleteDepartmentAlias('key', key.trim());
      if (!removed) {
        process.stderr.write(`jixiao: ${key} was not merged into another department\n`);
        process.exitCode = EXIT_USAGE;
      } else process.stdout.write(`unmerged ${key}\n`);
    });
  });

  withStoreOptions(
    departments.command('unsplit').description('undo `departments split`: NAME goes back to its computed key').argument('<name>', 'the name split off'),
  ).action(async (name: string, opts: StoreOptions) => {
    await withStore(config, opts, async (store) => {
      const removed = await store.deleteDepartmentAlias('name', compactDepartmentName(name));
      if (!removed) {
        process.stderr.write(`jixiao: ${name} was not split off\n`);
        process.exitCode = EXIT_USAGE;
      } else process.stdout.write(`unsplit ${name}\n`);
    });
  });
}
