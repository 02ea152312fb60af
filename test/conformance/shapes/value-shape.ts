/**
 * A small description of what real portals send, checked value by value: the keys an object
 * always has, the keys it may have, the type of each, and whether a key may be `null`. Shapes
 * are closed (a key they do not name is a difference) unless marked `open`.
 */
export type ValueShape =
  | 'string'
  | 'non-empty-string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'null'
  | 'any'
  /** A number written as text (`"0.000384"`), as SODA and some DataStores send numbers. */
  | 'numeric-string'
  /** Text of a given form (a timestamp without zone, …); `what` names the form in differences. */
  | { readonly matches: RegExp; readonly what: string }
  | { readonly anyOf: readonly ValueShape[] }
  | { readonly arrayOf: ValueShape }
  /** An object whose keys are data (columns, custom fields): any key, every value of this shape. */
  | { readonly mapOf: ValueShape }
  | ObjectShape;

export interface ObjectShape {
  readonly required: Readonly<Record<string, ValueShape>>;
  readonly optional?: Readonly<Record<string, ValueShape>>;
  /** Sites add keys of their own here: any other key is allowed. */
  readonly open?: boolean;
}

export const nullable = (shape: ValueShape): ValueShape => ({ anyOf: [shape, 'null'] });
export const arrayOf = (shape: ValueShape): ValueShape => ({ arrayOf: shape });
export const anyOf = (...shapes: ValueShape[]): ValueShape => ({ anyOf: shapes });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Every difference between `value` and `shape`, each as `path: what`; empty when it conforms. */
export function shapeDifferences(value: unknown, shape: ValueShape, path = '$'): string[] {
  if (typeof shape === 'string') {
    const ok =
      shape === 'any' ||
      (shape === 'string' && typeof value === 'string') ||
      (shape === 'non-empty-string' && typeof value === 'string' && value !== '') ||
      (shape === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (shape === 'integer' && Number.isInteger(value)) ||
      (shape === 'boolean' && typeof value === 'boolean') ||
      (shape === 'null' && value === null) ||
      (shape === 'numeric-string' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
    return ok ? [] : [`${path}: expected ${shape}, got ${describe(value)}${typeof value === 'string' ? ` "${value.slice(0, 30)}"` : ''}`];
  }
  if ('matches' in shape) {
    return typeof value === 'string' && shape.matches.test(value) ? [] : [`${path}: expected ${shape.what}, got ${typeof value === 'string' ? `"${value.slice(0, 40)}"` : describe(value)}`];
  }
  if ('anyOf' in shape) {
    const attempts = shape.anyOf.map((option) => shapeDifferences(value, option, path));
    if (attempts.some((differences) => differences.length === 0)) return [];
    // The attempt that came closest explains best.
    return attempts.reduce((best, differences) => (differences.length < best.length ? differences : best));
  }
  if ('arrayOf' in shape) {
    if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)}`];
    return value.flatMap((item, index) => shapeDifferences(item, shape.arrayOf, `${path}[${index}]`));
  }
  if (!isObject(value)) return [`${path}: expected an object, got ${describe(value)}`];
  if ('mapOf' in shape) return Object.entries(value).flatMap(([key, item]) => shapeDifferences(item, shape.mapOf, `${path}.${key}`));
  const differences: string[] = [];
  for (const [key, keyShape] of Object.entries(shape.required)) {
    if (!(key in value)) differences.push(`${path}.${key}: missing`);
    else differences.push(...shapeDifferences(value[key], keyShape, `${path}.${key}`));
  }
  for (const [key, item] of Object.entries(value)) {
    if (key in shape.required) continue;
    const keyShape = shape.optional?.[key];
    if (keyShape !== undefined) differences.push(...shapeDifferences(item, keyShape, `${path}.${key}`));
    else if (!shape.open) differences.push(`${path}.${key}: a key real answers do not have`);
  }
  return differences;
}
