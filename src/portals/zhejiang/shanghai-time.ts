/**
 * The platform writes local times without a zone (`2026-11-20 08:00:00`, `2020-06-01`); they are
 * Asia/Shanghai, which is UTC+8 all year (no daylight saving since 1991).
 */
export function parseShanghaiTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}
