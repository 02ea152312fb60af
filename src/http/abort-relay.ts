/**
 * One caller's signal, followed by a private signal that the platform links to it, and the
 * controllers it aborts. It listens on its follower only while it has controllers: Node 20 never
 * frees a linked signal that still has an abort listener, even once its source is gone.
 */
class Relay {
  readonly #follower: AbortSignal;
  readonly #controllers = new Set<AbortController>();

  constructor(signal: AbortSignal) {
    this.#follower = AbortSignal.any([signal]);
  }

  add(controller: AbortController): void {
    if (this.#controllers.size === 0) this.#follower.addEventListener('abort', this);
    this.#controllers.add(controller);
  }

  delete(controller: AbortController): void {
    if (this.#controllers.delete(controller) && this.#controllers.size === 0) this.#follower.removeEventListener('abort', this);
  }

  /** The caller aborted: so does every controller linked to it. */
  handleEvent(): void {
    this.#follower.removeEventListener('abort', this);
    const reason: unknown = this.#follower.reason;
    for (const controller of this.#controllers) controller.abort(reason);
    this.#controllers.clear();
  }
}

/**
 * Passes a caller's abort on to the controllers of the work in flight under it (attempts, waits,
 * callers of a shared request). Each caller's signal is followed by one private signal with at
 * most one listener, so a signal shared by every page of a read never collects listeners (Node
 * warns past 10, and undici's `Request` keeps its listener until garbage collection), and a
 * request pays for a set entry rather than an `AbortSignal.any` of its own (tens of µs on Node 20,
 * with a weak reference and a finalizer each). One per transport: two transports share nothing.
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
      relay = new Relay(signal);
      this.#relays.set(signal, relay);
    }
    relay.add(controller);
  }

  /** Stops passing `signal`'s abort on to `controller`. */
  unlink(signal: AbortSignal, controller: AbortController): void {
    this.#relays.get(signal)?.delete(controller);
  }
}
