import type { CommandRunner } from '@concord/eventing';
import { newId } from '@concord/kernel';
import { countEvents, loadDemo, planDemoOrganisations, type DemoTarget } from '../demo-loader';
import type { DemoStep } from '../demo-plan';
import { syntheticCountries, syntheticProgrammeCount, syntheticUnits, type SyntheticOptions } from './synthetic-data';

export interface GenerateSummary {
  programmes: number;
  activities: number;
  /** Commands sent, and how many of them had been run before (a repeated run replays them all). */
  commands: number;
  replayed: number;
  /** Events appended, the organisations' included. */
  events: number;
  eventsInStore: number;
  ms: number;
}

/**
 * Writes a synthetic run through the command path: the demo's organisations first (the activities
 * name them), then the units, `concurrency` at a time as they are generated, never all at once.
 */
export async function generateSyntheticData(
  target: DemoTarget,
  options: SyntheticOptions,
  onProgress: (done: number, total: number) => void = () => undefined,
  concurrency = 8,
): Promise<GenerateSummary> {
  const started = Date.now();
  syntheticCountries(options.countries); // refuses a bad count before anything is written
  const organisations = await loadDemo(target, undefined, [planDemoOrganisations()]);
  const programmes = syntheticProgrammeCount(options.activities);
  const total = programmes + options.activities;
  let done = 0;
  const tally = await runUnits(target.commands, syntheticUnits(options), concurrency, () => {
    done++;
    onProgress(done, total);
  });
  return {
    programmes,
    activities: options.activities,
    ...tally,
    events: tally.events + organisations.events,
    eventsInStore: await countEvents(target.dataSource),
    ms: Date.now() - started,
  };
}

/** Runs each unit's steps in order and up to `concurrency` units at once; the first failure stops the run. */
async function runUnits(
  runner: CommandRunner,
  units: Iterable<DemoStep[]>,
  concurrency: number,
  onUnit: () => void,
): Promise<{ commands: number; replayed: number; events: number }> {
  const correlationId = newId();
  // Marked, so nobody mistakes a benchmark's data for a country team's.
  const provenance = { source: 'synthetic data (concord demo generate)', inferred: [] };
  const tally = { commands: 0, replayed: 0, events: 0 };
  const running = new Set<Promise<void>>();
  let failure: Error | undefined;
  const run = async (steps: DemoStep[]) => {
    for (const step of steps) {
      const result = await step.run(runner, correlationId, provenance);
      tally.commands++;
      if (result.replayed) tally.replayed++;
      else tally.events += result.eventIds.length;
    }
    onUnit();
  };
  for (const unit of units) {
    if (failure) break;
    const pending: Promise<void> = run(unit)
      .catch((error: Error) => {
        failure ??= new Error(`synthetic data: ${unit[0].what} was refused: ${error.message}`);
      })
      .finally(() => running.delete(pending));
    running.add(pending);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure;
  return tally;
}
