import { eachConcurrently } from './concurrently';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('eachConcurrently', () => {
  it('does every item once, never more than the limit at a time', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      most = Math.max(most, ++running);
      await tick();
      done.push(item);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('stops taking items after a failure and rejects with it', async () => {
    const started: number[] = [];
    const run = eachConcurrently([1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('item 2 failed');
    });
    await expect(run).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2]);
  });
});
