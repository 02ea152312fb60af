/** Reads `--name value` command-line arguments, failing loudly on a missing or non-numeric one. */
export function readArguments(argv: readonly string[]) {
  const value = (name: string): string => {
    const at = argv.indexOf(`--${name}`);
    const found = at >= 0 ? argv[at + 1] : undefined;
    if (found === undefined) throw new TypeError(`missing --${name}`);
    return found;
  };
  return {
    string: value,
    /** One of `allowed`, spelled exactly. */
    choice<T extends string>(name: string, allowed: readonly T[]): T {
      const found = value(name);
      if (!(allowed as readonly string[]).includes(found)) throw new TypeError(`--${name} must be one of ${allowed.join(', ')}, got ${found}`);
      return found as T;
    },
    number(name: string): number {
      const parsed = Number(value(name));
      if (!Number.isFinite(parsed)) throw new TypeError(`--${name} must be a number`);
      return parsed;
    },
  };
}
