/**
 * A cap on tasks running at once, with a bounded queue. Used for unicast confirmations: each holds a UDP socket
 * for about a second, and a burst of Hellos (or forged ones) must not open a socket per sender.
 */
export type Limited = <T>(task: () => Promise<T>, refused: T) => Promise<T>;

export function limitConcurrency(atOnce: number, queued: number): Limited {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>, refused: T): Promise<T> => {
    if (running >= atOnce) {
      if (waiting.length >= queued) return refused;
      await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing task hands its slot over
    } else {
      running++;
    }
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
