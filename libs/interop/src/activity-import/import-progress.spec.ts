import { PassThrough } from 'node:stream';
import { formatDuration, ImportProgress, progressBar, progressText } from './import-progress';

describe('Import progress', () => {
  it('says lines done of the total, the rate and the time left', () => {
    expect(progressText(1200, 3000, 4000)).toBe('1200/3000 lines (40%), 300 lines/s, ETA 6.0 s');
    expect(progressText(0, 3000, 0)).toBe('0/3000 lines (0%), 0 lines/s, ETA …');
    // The total is counted ahead; it never shows fewer lines than are done.
    expect(progressText(12, 10, 1000)).toBe('12/12 lines (100%), 12 lines/s, ETA 0 ms');
  });

  it('draws a bar and writes durations for people', () => {
    expect(progressBar(5, 10, 10)).toBe('[#####-----]');
    expect(progressBar(0, 0, 4)).toBe('[####]');
    expect([formatDuration(850), formatDuration(4210), formatDuration(185_000)]).toEqual([
      '850 ms',
      '4.2 s',
      '3 min 05 s',
    ]);
  });

  const output = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY });
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stream, text: () => text };
  };

  it('redraws a bar in place on a terminal and ends it with a line break', () => {
    let now = 0;
    const { stream, text } = output(true);
    const progress = new ImportProgress(stream, 4, () => now);
    progress.tick(); // too soon to redraw
    now = 150;
    progress.tick();
    progress.finish();
    expect(text()).toBe(
      '\r[############------------] 2/4 lines (50%), 13 lines/s, ETA 150 ms\x1b[K' +
        '\r[############------------] 2/4 lines (50%), 13 lines/s, ETA 150 ms\x1b[K\n',
    );
  });

  it('writes a plain line every few seconds when the output is a log, not a terminal', () => {
    let now = 0;
    const { stream, text } = output(false);
    const progress = new ImportProgress(stream, 100, () => now);
    for (let i = 0; i < 50; i++) {
      now += 200;
      progress.tick();
    }
    progress.finish();
    expect(text()).toBe(
      'import: 25/100 lines (25%), 5 lines/s, ETA 15.0 s\nimport: 50/100 lines (50%), 5 lines/s, ETA 10.0 s\n',
    );
  });
});
