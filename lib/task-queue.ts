// One thing at a time: tasks run in the order they were queued, each starting only when the one
// before it has settled (fulfilled or rejected), so a failing task never blocks the queue. Reader
// mode's toggles use it (rapid clicks must not interleave: each toggle is a read-then-write of the
// overlay's state, in the page and in the background's per-tab record).

export type Task<T> = () => T | Promise<T>;

export interface SerialQueue {
  run<T>(task: Task<T>): Promise<T>;
}

export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: Task<T>): Promise<T> {
      const result = tail.then(task);
      // The next task waits for this one's end, not for its success.
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

/** A serial queue per key (a tab id); a key's queue is dropped once it has run dry. */
export interface KeyedQueue<K> {
  run<T>(key: K, task: Task<T>): Promise<T>;
  /** Keys with tasks queued or running (for tests: nothing is kept once they are done). */
  readonly size: number;
}

export function keyedQueue<K>(): KeyedQueue<K> {
  const queues = new Map<K, { queue: SerialQueue; pending: number }>();
  return {
    run<T>(key: K, task: Task<T>): Promise<T> {
      let entry = queues.get(key);
      if (!entry) {
        entry = { queue: serialQueue(), pending: 0 };
        queues.set(key, entry);
      }
      const current = entry;
      current.pending += 1;
      return current.queue.run(task).finally(() => {
        current.pending -= 1;
        if (current.pending === 0 && queues.get(key) === current) queues.delete(key);
      });
    },
    get size() {
      return queues.size;
    },
  };
}
