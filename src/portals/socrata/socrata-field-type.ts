/**
 * A column type in the one vocabulary of `Dataset.fields` on socrata: the `dataTypeName` of
 * `/api/views` (`text`, `number`, `calendar_date`, `checkbox`, `point`, …). The Discovery API
 * writes the same types as display names (`Calendar date`, `Number`), read here as
 * lower case with `_` for spaces, so a dataset's fields look the same from the catalogue and
 * from its view. `null` when the portal states no type.
 *
 * @example socrataFieldType('Calendar date') // 'calendar_date'
 */
export function socrataFieldType(name: string | undefined): string | null {
  if (name === undefined) return null;
  const type = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return type === '' ? null : type;
}
