/** Asia/Shanghai has had no daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Formats an instant as the platform shows times: `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai (UTC+8).
 *
 * @example
 * formatShanghaiDateTime(new Date('2026-11-20T00:00:00Z')); // '2026-11-20 08:00:00'
 */
export function formatShanghaiDateTime(date: Date): string {
  const shifted = new Date(date.getTime() + SHANGHAI_OFFSET_MS);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`
  );
}
