import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface ConcordProcess {
  child: ChildProcess;
  /** Everything the process printed, for assertions and for diagnosing a failure. */
  output(): string;
  /** What it printed on stdout alone, e.g. a JSON report. */
  stdout(): string;
  /** Resolves with the port once the process says it is ready. */
  ready: Promise<number>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs a built Concord entry point (dist/apps/…) as a real OS process, as users and operators do,
 * so tests can restart it, SIGTERM it or kill -9 it.
 */
export function spawnConcord(
  entry: 'cli' | 'api' | 'worker',
  args: string[],
  env: Record<string, string>,
): ConcordProcess {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', entry, 'src', 'main.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/"port":(\d+)[^\n]*ready"/);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`${entry} exited with ${code} before it was ready:\n${output}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    ready,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
