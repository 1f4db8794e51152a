import { spawnConcord } from '@concord/test-support';

/** The built `concord` binary answers a request for help, and refuses what it does not know. */
describe('concord usage (real process)', () => {
  const run = async (...args: string[]) => {
    const cli = spawnConcord('cli', args, { CONCORD_DEMO: 'off' });
    return { code: await cli.exited, output: cli.output() };
  };

  it.each([[['--help']], [['token', '--help']], [['import', 'activities', '-h']], [['help']]])(
    'prints the usage and exits 0 for concord %j',
    async (args) => {
      const { code, output } = await run(...args);
      expect(code).toBe(0);
      expect(output).toMatch(/^Usage: concord <command>/);
      expect(output).toContain('token --sub ID --role ROLE');
    },
  );

  it('names an unknown command, prints the usage and exits 2', async () => {
    const { code, output } = await run('frobnicate', 'now');
    expect(code).toBe(2);
    expect(output).toMatch(/^concord: unknown command "frobnicate now"\n\nUsage: concord <command>/);
  });
});
