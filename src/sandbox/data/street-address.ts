import type { Random } from './random.js';

/** A street address on one of the given roads, e.g. `宁波市鄞州区天童南路588号1幢1201室`. */
export function streetAddress(random: Random, place: { readonly city: string; readonly name: string; readonly roads: readonly string[] }): string {
  const number = random.int(1, 999);
  const base = `${place.city}${place.name}${random.pick(place.roads)}${number}号`;
  const detail = random.next();
  if (detail < 0.45) return base;
  if (detail < 0.8) return `${base}${random.int(1, 12)}幢${random.int(1, 24)}${String(random.int(1, 12)).padStart(2, '0')}室`;
  return `${base}${random.int(1, 3)}楼`;
}
