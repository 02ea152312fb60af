import type { Publisher } from '../../model/dataset.js';

/**
 * A dataset's publisher: its attribution (the agency a site credits, which has no id of its own),
 * else the owner's account with that account's id, so that id and name always describe the same
 * party. A view's owner is often a site administrator (`cocadmin`), never the attributed agency.
 */
export function socrataPublisher(attribution: string | undefined, owner: { readonly id: string | undefined; readonly name: string | undefined } | undefined): Publisher | null {
  if (attribution !== undefined) return { id: null, name: attribution };
  return owner?.name === undefined ? null : { id: owner.id ?? null, name: owner.name };
}
