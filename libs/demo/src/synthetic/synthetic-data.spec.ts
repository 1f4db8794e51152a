import type { DataSource } from 'typeorm';
import { InMemoryRunner } from '../testing/in-memory-runner';
import { generateSyntheticData } from './generate';
import { syntheticCountries, syntheticUnits } from './synthetic-data';

const dataSource = { query: async () => [{ n: 0 }] } as unknown as DataSource;
const options = { countries: 5, activities: 200, seed: 7 };

describe('synthetic data', () => {
  it('passes every rule of the real deciders, with programmes, transitions and linked activities', async () => {
    const runner = new InMemoryRunner();
    const summary = await generateSyntheticData({ commands: runner.asRunner(), dataSource }, options);
    expect(summary).toMatchObject({ programmes: 5, activities: 200, replayed: 0 });
    expect(runner.eventsOf('JointProgrammeDrafted')).toHaveLength(5);
    expect(runner.eventsOf('ActivityRegistered')).toHaveLength(200);
    const countries = new Set(
      runner.eventsOf('ActivityRegistered').map((e) => (e.data as { country: string }).country),
    );
    expect([...countries].every((c) => syntheticCountries(5).includes(c))).toBe(true);
    const linked = runner
      .eventsOf('ActivityRegistered')
      .filter((e) => (e.data as { jointProgrammeId: string | null }).jointProgrammeId);
    expect(linked.length).toBeGreaterThan(30);
    expect(runner.eventsOf('JointProgrammeActivated').length).toBeGreaterThan(0);
  });

  it('gives the same commands for the same options, so a second run appends nothing', async () => {
    const runner = new InMemoryRunner();
    const target = { commands: runner.asRunner(), dataSource };
    const first = await generateSyntheticData(target, options);
    const second = await generateSyntheticData(target, options);
    expect(second).toMatchObject({ events: 0, replayed: first.commands, commands: first.commands });
  });

  it('keeps the first activities when more are asked for', async () => {
    const run = async (activities: number) => {
      const runner = new InMemoryRunner();
      await generateSyntheticData({ commands: runner.asRunner(), dataSource }, { ...options, activities });
      return runner.streams;
    };
    const [fewer, more] = [await run(100), await run(300)];
    for (const [id, stream] of fewer) expect(more.get(id)).toEqual(stream);
  });

  it('is produced one unit at a time, never all at once', () => {
    const [first] = syntheticUnits({ countries: 10, activities: 10_000_000, seed: 1 });
    expect(first.map((step) => step.what)).toContain('draft');
  });

  it('refuses a country count outside the reference list, naming the flag', () => {
    expect(() => syntheticCountries(0)).toThrow('--countries must be a whole number from 1 to 249, not 0');
    expect(syntheticCountries(3)).toEqual(['KHM', 'VNM', 'MWI']);
    expect(syntheticCountries(249)).toHaveLength(249);
  });
});
