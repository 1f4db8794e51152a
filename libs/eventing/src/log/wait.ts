import { once, type EventEmitter } from 'node:events';

/** Resolves on the next `event`, after `ms`, or when `stop` aborts, whichever comes first. */
export async function nextEventOrTimeout(
  emitter: EventEmitter,
  event: string,
  ms: number,
  stop: AbortSignal,
): Promise<void> {
  const waiting = new AbortController();
  const abort = () => waiting.abort();
  const timer = setTimeout(abort, ms);
  stop.addEventListener('abort', abort, { once: true });
  try {
    await once(emitter, event, { signal: waiting.signal });
  } catch {
    // aborted by the timer or by stop: either way, time to look again
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', abort);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
