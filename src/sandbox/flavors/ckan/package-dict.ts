import type { DatasetDefinition } from '../../data/dataset-definition.js';
import type { DatasetState } from '../../dataset-state.js';
import { deterministicUuid } from './deterministic-uuid.js';
import { fileResourceDicts } from './file-resources.js';
import { dayToNaiveUtc, toNaiveUtc } from './naive-utc.js';

/** A CKAN license as the default license register describes it. */
interface CkanLicense {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly isopen: boolean;
}

// Open datasets carry an open license; restricted ones CKAN's "not open" entry, so that
// `isopen` + `license_id` tell clients the same thing the Zhejiang open class does.
const OPEN_LICENSE: CkanLicense = {
  id: 'cc-by',
  title: 'Creative Commons Attribution',
  url: 'http://www.opendefinition.org/licenses/cc-by',
  isopen: true,
};
const CLOSED_LICENSE: CkanLicense = { id: 'other-closed', title: 'Other (Not Open)', url: '', isopen: false };

/** CKAN has no open classes: anything not unconditionally open is a private dataset. */
export function isPrivate(definition: DatasetDefinition): boolean {
  return definition.openClass !== 'unconditional';
}

/** The package UUID of a dataset. */
export function packageId(seed: number, slug: string): string {
  return deterministicUuid(seed, `package:${slug}`);
}

/** The UUID of a dataset's single DataStore resource. */
export function resourceId(seed: number, slug: string): string {
  return deterministicUuid(seed, `resource:${slug}`);
}

/**
 * A CKAN name (lowercase ASCII, digits, `-`, `_`) for a Chinese publisher or theme: a short hash
 * keeps it stable and unique without a transliteration table.
 */
export function ckanName(prefix: string, text: string): string {
  const ascii = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (ascii.length >= 2 && ascii.length === text.length) return ascii;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${prefix}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/** The organization name of a dataset's publisher (`organization:` in `fq`). */
export function organizationName(definition: DatasetDefinition): string {
  return ckanName(`org-${definition.region}`, definition.publisher);
}

/** The group name of a dataset's theme (`groups:` in `fq`). */
export function groupName(definition: DatasetDefinition): string {
  return ckanName('theme', definition.theme);
}

/** The download URL of a dataset's resource. */
export function resourceUrl(origin: string, seed: number, slug: string): string {
  return `${origin}/dataset/${slug}/resource/${resourceId(seed, slug)}/download/${slug}.csv`;
}

/** A resource dict as `resource_show` and `package_show` return it. */
export function resourceDict(state: DatasetState, seed: number, origin: string): Record<string, unknown> {
  const definition = state.definition;
  const modified = toNaiveUtc(state.updatedAt);
  return {
    cache_last_updated: null,
    cache_url: null,
    created: dayToNaiveUtc(definition.releasedOn),
    datastore_active: true,
    description: definition.description,
    format: 'CSV',
    hash: '',
    id: resourceId(seed, definition.id),
    last_modified: modified,
    metadata_modified: modified,
    mimetype: 'text/csv',
    mimetype_inner: null,
    name: definition.title,
    package_id: packageId(seed, definition.id),
    position: 0,
    resource_type: null,
    size: null,
    state: 'active',
    url: resourceUrl(origin, seed, definition.id),
    url_type: 'upload',
  };
}

/** A package dict as `package_show` and `package_search` return it. */
export function packageDict(state: DatasetState, seed: number, origin: string): Record<string, unknown> {
  const definition = state.definition;
  const orgName = organizationName(definition);
  const theme = groupName(definition);
  const license = isPrivate(definition) ? CLOSED_LICENSE : OPEN_LICENSE;
  const created = dayToNaiveUtc(definition.releasedOn);
  const resources = [resourceDict(state, seed, origin), ...fileResourceDicts(state, seed, origin, packageId(seed, definition.id))];
  return {
    author: null,
    author_email: null,
    creator_user_id: deterministicUuid(seed, `user:${orgName}`),
    id: packageId(seed, definition.id),
    isopen: license.isopen,
    license_id: license.id,
    license_title: license.title,
    // CKAN sends `license_url` only for a license that has one (no key at all for "other-closed").
    ...(license.url ? { license_url: license.url } : {}),
    maintainer: definition.publisher,
    maintainer_email: null,
    metadata_created: created,
    metadata_modified: toNaiveUtc(state.updatedAt),
    name: definition.id,
    notes: definition.description,
    num_resources: resources.length,
    num_tags: definition.tags.length,
    organization: {
      id: deterministicUuid(seed, `organization:${orgName}`),
      name: orgName,
      title: definition.publisher,
      type: 'organization',
      description: '',
      image_url: '',
      created,
      is_organization: true,
      approval_status: 'approved',
      state: 'active',
    },
    owner_org: deterministicUuid(seed, `organization:${orgName}`),
    private: isPrivate(definition),
    state: 'active',
    title: definition.title,
    type: 'dataset',
    url: '',
    version: null,
    // CKAN has no open classes; sites that follow the Zhejiang rules state them as an extra.
    extras: [{ key: 'update_frequency', value: definition.updateFrequency }, ...(definition.openClass === 'forbidden' ? [{ key: 'open_class', value: 'forbidden' }] : [])],
    groups: [
      {
        description: '',
        display_name: definition.theme,
        id: deterministicUuid(seed, `group:${theme}`),
        image_display_url: '',
        name: theme,
        title: definition.theme,
      },
    ],
    resources,
    tags: definition.tags.map((tag) => ({
      display_name: tag,
      id: deterministicUuid(seed, `tag:${tag}`),
      name: tag,
      state: 'active',
      vocabulary_id: null,
    })),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
