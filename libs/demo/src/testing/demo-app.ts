import { CONTEXTS } from '@concord/composition';
import { consumerGroups } from '@concord/platform';
import { eventually, startTestApp, type TestApp } from '@concord/test-support';
import { loadDemo } from '../demo-loader';

/** Every context in embedded mode with the demo loaded and every consumer caught up with it. */
export async function startDemoApp(): Promise<TestApp> {
  const app = await startTestApp(CONTEXTS);
  await loadDemo({ commands: app.runtime.commands, dataSource: app.runtime.dataSource });
  const { eventLog, registry } = app.runtime;
  await eventually(async () => {
    for (const { group, contexts } of consumerGroups(CONTEXTS, registry.allContexts))
      expect(await eventLog.lag(group, contexts)).toBe(0);
  }, 120_000);
  return app;
}
