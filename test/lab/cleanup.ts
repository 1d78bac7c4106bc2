// Emergency teardown: a lab must not outlive its test, even when the test throws or is interrupted.
const cleanups = new Map<string, () => void>();
let installed = false;

function runAll(): void {
  for (const fn of [...cleanups.values()]) {
    try {
      fn();
    } catch {
      // keep going: every namespace we can remove is one less left behind
    }
  }
  cleanups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  // If nobody else handles the signal, behave as if we had not been here: die by it.
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

function onUncaught(err: unknown): void {
  runAll();
  if (process.listenerCount('uncaughtException') === 1) {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('uncaughtException', onUncaught);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', runAll);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('uncaughtException', onUncaught);
}

/** Registers a synchronous teardown run on exit, SIGINT, SIGTERM or an uncaught exception; returns unregister. */
export function registerCleanup(key: string, fn: () => void): () => void {
  cleanups.set(key, fn);
  install();
  return () => {
    cleanups.delete(key);
    if (cleanups.size === 0) uninstall();
  };
}
