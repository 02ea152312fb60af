/** One caller's signal, followed privately, and the controllers it aborts. */
interface Relay {
  /** Aborts with the caller's signal; the platform links the two, so the caller's gets no listener. */
  readonly follower: AbortSignal;
  readonly controllers: Set<AbortController>;
}

/**
 * Passes a caller's abort on to the controllers of the work in flight under it (attempts, waits,
 * callers of a shared request). Each caller's signal is followed once, by one private signal with
 * one listener, so a signal shared by every page of a read never collects listeners (Node warns
 * past 10, and undici's `Request` keeps its listener until garbage collection), and a request
 * pays for a set entry rather than an `AbortSignal.any` of its own (tens of µs on Node 20, with a
 * weak reference and a finalizer each). One relay per transport: two transports share nothing.
 *
 * @example
 * const controller = new AbortController();
 * relay.link(signal, controller);
 * try { await work(controller.signal); } finally { relay.unlink(signal, controller); }
 */
export class AbortRelay {
  readonly #relays = new WeakMap<AbortSignal, Relay>();

  /** Aborts `controller` with `signal`'s reason when `signal` aborts (at once if it has). */
  link(signal: AbortSignal, controller: AbortController): void {
    if (signal.aborted) {
      controller.abort(signal.reason);
      return;
    }
    let relay = this.#relays.get(signal);
    if (!relay) {
      relay = { follower: AbortSignal.any([signal]), controllers: new Set() };
      const { follower, controllers } = relay;
      follower.addEventListener(
        'abort',
        () => {
          for (const controller of controllers) controller.abort(follower.reason);
          controllers.clear();
        },
        { once: true },
      );
      this.#relays.set(signal, relay);
    }
    relay.controllers.add(controller);
  }

  /** Stops passing `signal`'s abort on to `controller`. */
  unlink(signal: AbortSignal, controller: AbortController): void {
    this.#relays.get(signal)?.controllers.delete(controller);
  }
}
