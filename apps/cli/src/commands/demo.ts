import { describeTable, describeTotals, generateSyntheticData, loadDemo, type DemoTarget } from '@concord/demo';
import { CommandRunner, EventRegistry, EventStore } from '@concord/eventing';
import { configOrExit, openDatabase, schemaOf, type BoundedContext } from '@concord/platform';
import { parseArgs } from 'node:util';

const print = (lines: string | string[]) => process.stdout.write(`${([] as string[]).concat(lines).join('\n')}\n`);

/** `concord demo load [--verbose]` and `concord demo generate --countries N --activities M [--seed S]`. */
export async function demoCommand(contexts: BoundedContext[], args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'load') return loadCommand(contexts, rest);
  if (sub === 'generate') return generateCommand(contexts, rest);
  throw new Error(`demo: say "load" or "generate"${sub === undefined ? '' : `, not "${sub}"`}`);
}

async function loadCommand(contexts: BoundedContext[], args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { verbose: { type: 'boolean', default: false } } });
  const summary = await withTarget(contexts, (target) =>
    loadDemo(target, (table) => print(describeTable(table, values.verbose))),
  );
  print(describeTotals(summary));
  return 0;
}

function wholeNumber(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < min) {
    const given = value === undefined ? 'it is missing' : `not "${value}"`;
    throw new Error(`demo generate: --${flag} must be a whole number of at least ${min}; ${given}`);
  }
  return n;
}

async function generateCommand(contexts: BoundedContext[], args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { countries: { type: 'string' }, activities: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  const options = {
    countries: wholeNumber('countries', values.countries, 1),
    activities: wholeNumber('activities', values.activities, 0),
    seed: wholeNumber('seed', values.seed, 0),
  };
  // A progress line that rewrites itself on a terminal; logs and pipes get the summary only.
  const onProgress = (done: number, total: number) => {
    if (process.stderr.isTTY && (done % 500 === 0 || done === total)) {
      process.stderr.write(`\rsynthetic data: ${done}/${total} (${Math.round((100 * done) / Math.max(total, 1))}%)`);
    }
  };
  const s = await withTarget(contexts, (target) => generateSyntheticData(target, options, onProgress));
  if (process.stderr.isTTY) process.stderr.write('\n');
  print(
    `synthetic data: ${s.activities} activities and ${s.programmes} joint programmes in ${options.countries} ` +
      `countries (seed ${options.seed}): ${s.commands} commands, ${s.replayed} of them run before; ` +
      `appended ${s.events} events in ${(s.ms / 1000).toFixed(1)} s (the event store holds ${s.eventsInStore} events)`,
  );
  return 0;
}

/** The event store of the configured database, through the one write path, for the length of `work`. */
async function withTarget<T>(contexts: BoundedContext[], work: (target: DemoTarget) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, schemaOf(contexts));
  try {
    const store = new EventStore(database.dataSource, new EventRegistry(contexts.flatMap((c) => c.streams)));
    return await work({ commands: new CommandRunner(store), dataSource: database.dataSource });
  } finally {
    await database.close();
  }
}
