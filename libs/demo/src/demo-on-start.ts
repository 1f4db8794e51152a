import { ConfigError, type Runtime } from '@concord/platform';
import { countEvents, loadDemo } from './demo-loader';
import { totals } from './demo-report';

/**
 * What `concord start` does once it serves requests: load the demo into an empty database, unless
 * CONCORD_DEMO=off. A database with any event in it is someone's data and is left alone. A value
 * other than on or off stops the process as any invalid setting does (configOrExit): exit code 2.
 */
export function demoOnStart(env: NodeJS.ProcessEnv): ((runtime: Runtime) => Promise<void>) | undefined {
  const setting = env.CONCORD_DEMO ?? '';
  if (!['', 'on', 'off'].includes(setting)) {
    const problem = `CONCORD_DEMO=${JSON.stringify(setting)}: must be on (load the demo into an empty database) or off`;
    process.stderr.write(`concord: ${new ConfigError([problem]).message}\n`);
    process.exit(2);
  }
  return setting === 'off' ? undefined : loadDemoIntoEmptyDatabase;
}

async function loadDemoIntoEmptyDatabase(runtime: Runtime): Promise<void> {
  if ((await countEvents(runtime.dataSource)) > 0) return;
  const started = Date.now();
  const summary = await loadDemo({ commands: runtime.commands, dataSource: runtime.dataSource });
  runtime.logger.info(
    { ...totals(summary), ms: Date.now() - started },
    'demo data loaded into the empty database (CONCORD_DEMO=off starts empty)',
  );
}
