/**
 * Runs `load` on the first call and hands every caller the same promise. A failed load (a chunk
 * of a page gone offline, a network hiccup while importing) is forgotten, so the next call tries
 * again instead of failing forever.
 *
 * @example
 * const engine = loadOnce(() => import('./engine.js'));
 * const { run } = await engine();
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const attempt = load();
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
}
