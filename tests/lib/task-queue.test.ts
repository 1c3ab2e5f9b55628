import { describe, expect, it } from 'vitest';
import { keyedQueue, serialQueue } from '../../lib/task-queue';

/** A promise resolved from outside, to hold a task open while others are queued. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('serialQueue', () => {
  it('runs tasks one at a time, in order, even when an earlier one is slow', async () => {
    const queue = serialQueue();
    const log: string[] = [];
    const slow = gate();
    const a = queue.run(async () => {
      log.push('a start');
      await slow.opened;
      log.push('a end');
      return 'a';
    });
    const b = queue.run(() => {
      log.push('b');
      return 'b';
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    slow.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('goes on after a task fails, and hands the failure to its caller only', async () => {
    const queue = serialQueue();
    const failed = queue.run(() => {
      throw new Error('no');
    });
    const next = queue.run(() => 'next');
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('next');
  });

  it('N flips of a shared state end in the state N implies', async () => {
    const queue = serialQueue();
    let shown = false;
    const flip = () =>
      queue.run(async () => {
        const before = shown; // read, then write after an await: the race the queue prevents
        await new Promise((resolve) => setTimeout(resolve, 0));
        shown = !before;
        return shown;
      });
    const answers = await Promise.all(Array.from({ length: 15 }, flip));
    expect(shown).toBe(true);
    expect(answers).toEqual(Array.from({ length: 15 }, (_, i) => i % 2 === 0));
  });
});

describe('keyedQueue', () => {
  it('keeps keys apart: a slow key does not hold up another', async () => {
    const queues = keyedQueue<number>();
    const slow = gate();
    const log: string[] = [];
    const one = queues.run(1, async () => {
      await slow.opened;
      log.push('1');
    });
    await queues.run(2, () => log.push('2'));
    expect(log).toEqual(['2']);
    slow.open();
    await one;
    expect(log).toEqual(['2', '1']);
  });

  it('serialises one key and forgets it once done', async () => {
    const queues = keyedQueue<number>();
    const log: number[] = [];
    const runs = [3, 2, 1].map((n) =>
      queues.run(7, async () => {
        await new Promise((resolve) => setTimeout(resolve, n));
        log.push(n);
      }),
    );
    expect(queues.size).toBe(1);
    await Promise.all(runs);
    expect(log).toEqual([3, 2, 1]);
    expect(queues.size).toBe(0);
  });
});
