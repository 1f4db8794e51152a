import type { Writable } from 'node:stream';

/**
 * Resolves when `out` has taken what it buffered (its 'drain'), at once if it holds nothing back;
 * rejects if it closes first (the client went away), so a writer never waits for ever.
 */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the client closed the download'));
    out.on('drain', onDrain).on('close', onClose);
  });
}
