import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import {
  countRecords,
  formatDuration,
  importActivities,
  IMPORT_FORMATS,
  ImportProgress,
  readImportFile,
  type ImportFormat,
  type ImportSummary,
  type LineProblem,
} from '@concord/interop';
import { configOrExit, openDatabase, schemaOf, type BoundedContext } from '@concord/platform';
import { importRatesCommand } from './import-rates';

const IMPORT_USAGE = `import activities [--format jsonl|csv] <file> [--dry-run] [--errors <report.jsonl>] [--publish]
       concord import rates <file.csv>`;

/** Problems printed on stderr; the rest are in the --errors report. */
const SHOWN_PROBLEMS = 20;

class UsageError extends Error {}

function parse(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'dry-run': { type: 'boolean' },
        errors: { type: 'string' },
        publish: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [what, file, ...extra] = parsed.positionals;
  if (what !== 'activities') {
    throw new UsageError(`nothing to import named "${what ?? ''}"; try "import activities" or "import rates"`);
  }
  if (!file || extra.length) throw new UsageError('name one file to import');
  // Without --format, the file's extension says which it is.
  const format = parsed.values.format ?? extname(file).slice(1).toLowerCase();
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be ${IMPORT_FORMATS.join(' or ')} (got "${format}")`);
  }
  return {
    file,
    format: format as ImportFormat,
    dryRun: !!parsed.values['dry-run'],
    errors: parsed.values.errors,
    publish: !!parsed.values.publish,
  };
}

/**
 * One stderr line per field at fault; a problem that names no field (an id already held by another
 * kind of stream) is given by its message.
 */
function describeProblem(p: LineProblem): string[] {
  const where = `line ${p.line}${p.id ? ` (${p.id})` : ''} ${p.severity} ${p.code}`;
  if (!p.fields.length) return [`${where}: ${p.message}`];
  return p.fields.map(
    (f) => `${where}: ${f.field}${f.value === undefined ? '' : ` = ${JSON.stringify(f.value)}`}: ${f.reason}`,
  );
}

function printProblems(problems: LineProblem[], reportFile: string | undefined): void {
  const lines = problems.flatMap(describeProblem);
  for (const line of lines.slice(0, SHOWN_PROBLEMS)) process.stderr.write(`${line}\n`);
  if (lines.length > SHOWN_PROBLEMS) {
    const where = reportFile ? `in ${reportFile}` : 'with --errors <file>';
    process.stderr.write(`… and ${lines.length - SHOWN_PROBLEMS} more; see them all ${where}\n`);
  }
}

function printSummary(file: string, s: ImportSummary, publish: boolean): void {
  const rate = Math.round((1000 * s.lines) / Math.max(s.elapsedMs, 1));
  const created = s.organisationsCreated;
  process.stdout.write(
    [
      `${s.dryRun ? 'Dry run, nothing stored: checked' : 'Imported'} ${s.lines} line${s.lines === 1 ? '' : 's'} ` +
        `of ${basename(file)} in ${formatDuration(s.elapsedMs)} (${rate} lines/s)`,
      `  registered ${s.registered}`,
      `  revised    ${s.revised}`,
      `  unchanged  ${s.unchanged}`,
      `  failed     ${s.failed}`,
      ...(publish ? [`  published  ${s.published}`] : []),
      `  warnings   ${s.warnings}`,
      `  organisations created ${created.length}${created.length ? `: ${created.join(', ')}` : ''}`,
    ].join('\n') + '\n',
  );
}

async function run(contexts: BoundedContext[], args: string[]): Promise<number> {
  const { file, format, dryRun, errors, publish } = parse(args);
  // Counted before the database is opened: an unreadable file stops here with nothing touched.
  const total = await countRecords(file, format);
  const config = configOrExit();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, schemaOf(contexts));
  let summary: ImportSummary;
  try {
    const progress = new ImportProgress(process.stderr, total);
    summary = await importActivities(database.dataSource, readImportFile(file, format), {
      dryRun,
      publish,
      onLine: () => progress.tick(),
    });
    progress.finish();
  } finally {
    await database.close();
  }
  if (errors) await writeFile(errors, summary.problems.map((p) => `${JSON.stringify(p)}\n`).join(''));
  printProblems(summary.problems, errors);
  printSummary(file, summary, publish);
  return summary.failed ? 1 : 0;
}

/**
 * `concord import activities <file>`: every line through the command handlers as the system
 * actor. Exit 0 when every line went in, 1 when a line failed or the import could not run, 2 when
 * the command line is wrong.
 */
export async function importCommand(contexts: BoundedContext[], args: string[]): Promise<number> {
  try {
    if (args[0] === 'rates') {
      if (args.length !== 2) throw new UsageError('name one rates file to import');
      return await importRatesCommand(contexts, args[1]);
    }
    return await run(contexts, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`concord import: ${error.message}\n\nUsage: concord ${IMPORT_USAGE}\n`);
    return 2;
  }
}
