import 'reflect-metadata';
import { CONTEXTS } from '@concord/composition';
import { demoOnStart } from '@concord/demo';
import { runProcess } from '@concord/platform';
import { parseArgs } from 'node:util';
import { dedupeCommand } from './commands/dedupe';
import { demoCommand } from './commands/demo';
import { importCommand } from './commands/import';
import { rebuildCommand } from './commands/projections-rebuild';
import { tokenCommand } from './commands/token';

const contexts = CONTEXTS;

const USAGE = `Usage: concord <command>

  start                              run everything in one process (embedded mode unless
                                     DATABASE_URL and KAFKA_BROKERS are set); an empty database
                                     gets the demo data unless CONCORD_DEMO=off
  token --sub ID --role ROLE [--role …] [--org CODE] [--country ISO3 …] [--jp ID …] [--expires 12h]
                                     print a development bearer token (HS256, JWT_SECRET)
  projections list                   list the projections
  projections rebuild <name|all>     drop read models and rebuild them from the events table
  import activities [--format jsonl|csv] <file> [--dry-run] [--errors <report.jsonl>] [--publish]
                                     import activities (shared/dedupe/FORMAT.md) as the system;
                                     --publish shows each to anonymous callers; re-importing
                                     changes nothing (docs/importing.md)
  import rates <file.csv>            record exchange rates (currency,date,rate,source; rate = units
                                     per USD); a file with a bad line records nothing
  dedupe scan [--config <settings.json>]
                                     run the duplication detector over every activity and raise,
                                     rescore or clear flags (dismissed ones stay dismissed)
  dedupe evaluate --activities <file.jsonl> --labels <pairs.csv> [--config <settings.json>]
                                     import a labelled set into a throwaway in-memory store, run
                                     the duplication detector and print precision/recall/F1 as JSON
                                     (--config: detector settings to change; default DEDUPE_CONFIG)
  demo load [--verbose]              load the demo built from the source documents (docs/demo-data.md);
                                     loading it again changes nothing
  demo generate --countries N --activities M [--seed S]
                                     write synthetic joint programmes and activities for benchmarks

Roles: platform-admin, rco-coordinator, agency-editor, jp-manager, viewer.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // `concord <anything> --help` is a request for the usage, never an unknown option.
  if (argv.includes('--help') || argv.includes('-h')) return usage();
  switch (command) {
    case 'start':
      await runProcess('concord', { api: true, worker: true }, contexts, { onStarted: demoOnStart(process.env) });
      return -1; // keeps running
    case 'token':
      return tokenCommand(rest);
    case 'import':
      return importCommand(contexts, rest);
    case 'demo':
      return demoCommand(contexts, rest);
    case 'dedupe':
      return dedupeCommand(contexts, rest);
    case 'projections': {
      const [sub, ...args] = rest;
      if (sub === 'list') {
        for (const p of contexts.flatMap((c) => c.projections))
          process.stdout.write(`${p.name}\t${p.tables.join(', ')}\n`);
        return 0;
      }
      if (sub === 'rebuild') return rebuildCommand(contexts, parseArgs({ args, allowPositionals: true }).positionals);
      break;
    }
    case undefined:
    case 'help':
      return usage();
  }
  process.stderr.write(`concord: unknown command "${argv.join(' ')}"\n\n${USAGE}\n`);
  return 2;
}

function usage(): number {
  process.stdout.write(`${USAGE}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: Error) => {
    process.stderr.write(`concord: ${error.message}\n`);
    process.exit(1);
  },
);
