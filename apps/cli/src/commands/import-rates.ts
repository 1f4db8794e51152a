import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { CommandRunner, EventRegistry, EventStore } from '@concord/eventing';
import { importRates, readRatesFile } from '@concord/funding';
import { ConcordError } from '@concord/kernel';
import { configOrExit, openDatabase, schemaOf, type BoundedContext } from '@concord/platform';

/** Faults printed on stderr; a file with more names the first ones and how many more. */
const SHOWN_FAULTS = 20;

/**
 * `concord import rates <file.csv>`: exchange rates against USD (`currency,date,rate,source`),
 * recorded as the system actor. Every line is checked before anything is recorded, so a file
 * with a bad line records nothing. Exit 0 when recorded, 1 when the file is refused.
 */
export async function importRatesCommand(contexts: BoundedContext[], file: string): Promise<number> {
  try {
    await access(file);
  } catch {
    process.stderr.write(`concord import rates: cannot read ${file}\n`);
    return 1;
  }
  let byCurrency;
  try {
    byCurrency = await readRatesFile(createInterface({ input: createReadStream(file), crlfDelay: Infinity }));
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    const faults = error.fields.map(
      (f) => `${f.path}${f.value === undefined ? '' : ` = ${JSON.stringify(f.value)}`}: ${f.message}`,
    );
    for (const fault of faults.slice(0, SHOWN_FAULTS)) process.stderr.write(`${fault}\n`);
    if (faults.length > SHOWN_FAULTS) process.stderr.write(`… and ${faults.length - SHOWN_FAULTS} more\n`);
    process.stderr.write(`${basename(file)} refused: nothing recorded\n`);
    return 1;
  }
  const config = configOrExit();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }, schemaOf(contexts));
  try {
    const store = new EventStore(database.dataSource, new EventRegistry(contexts.flatMap((c) => c.streams)));
    const s = await importRates({ runner: new CommandRunner(store), store }, byCurrency, randomUUID());
    process.stdout.write(
      `Imported ${s.lines} rate${s.lines === 1 ? '' : 's'} of ${s.currencies} currenc${s.currencies === 1 ? 'y' : 'ies'} ` +
        `from ${basename(file)}: ${s.recorded} recorded (new or changed), ${s.unchanged} unchanged\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
