import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

export interface HttpLoad {
  url: string;
  token: string;
  query: string;
  /** Request i sends variables[i % length]. */
  variables: unknown[];
  clients: number;
  perClient: number;
}

export interface HttpLoadResult {
  latenciesMs: number[];
  ms: number;
}

/**
 * Runs `clients` closed-loop GraphQL clients in a worker thread, so the load generator's HTTP and
 * JSON work does not share the event loop of the API it measures. Any error response fails the run.
 */
export function runHttpLoad(load: HttpLoad): Promise<HttpLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'http-load.worker.js'), { workerData: load });
    worker.once('message', (message: { result?: HttpLoadResult; error?: string }) =>
      message.error ? reject(new Error(message.error)) : resolve(message.result!),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the load worker exited with ${code}`)));
  });
}
