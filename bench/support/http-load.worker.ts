// The load generator of runHttpLoad (http-load.ts), on its own thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { HttpLoad } from './http-load';

async function request({ url, token, query }: HttpLoad, variables: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body)}`);
}

async function main(load: HttpLoad) {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.clients }, async (_, client) => {
      for (let i = 0; i < load.perClient; i++) {
        const t = performance.now();
        await request(load, load.variables[(client * load.perClient + i) % load.variables.length]);
        latenciesMs.push(performance.now() - t);
      }
    }),
  );
  return { latenciesMs, ms: performance.now() - started };
}

main(workerData as HttpLoad).then(
  (result) => parentPort!.postMessage({ result }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
);
