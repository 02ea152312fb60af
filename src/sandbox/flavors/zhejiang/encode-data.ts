/**
 * JSON-encodes a payload as a string `times` times, as some of the platform's interfaces return
 * `data`/`datas` (sometimes twice), so clients must decode until the value is not a string.
 */
export function encodeData(value: unknown, times: 0 | 1 | 2): unknown {
  let encoded = value;
  for (let n = 0; n < times; n++) encoded = JSON.stringify(encoded);
  return encoded;
}
