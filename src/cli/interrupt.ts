/** A signal aborted by the first SIGINT or SIGTERM, and a way to stop listening. */
export interface InterruptWatch {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * Turns SIGINT and SIGTERM into an aborted signal so a command can stop cleanly (close a server,
 * keep a checkpoint). A second signal means the user will not wait: `onForce` runs at once.
 */
export function watchInterrupts(onForce: () => void): InterruptWatch {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) onForce();
    else controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
