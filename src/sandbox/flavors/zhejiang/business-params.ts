/**
 * The business parameters of a data gateway call (section A2): `biz_content`, a JSON object.
 * Clients send numbers as numbers or as strings (`"pageNum": "1"`); both read the same.
 */
export class BusinessParams {
  private readonly values: Readonly<Record<string, unknown>>;

  private constructor(values: Readonly<Record<string, unknown>>) {
    this.values = values;
  }

  /** Parses `biz_content`; undefined when it is not a JSON object. */
  static parse(bizContent: string): BusinessParams | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bizContent);
    } catch {
      return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    return new BusinessParams(parsed as Record<string, unknown>);
  }

  /** A parameter as text: strings as they are, numbers and booleans as their text, objects as JSON; undefined when absent or null. */
  get(name: string): string | undefined {
    if (!Object.hasOwn(this.values, name)) return undefined;
    const value = this.values[name];
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
  }
}
