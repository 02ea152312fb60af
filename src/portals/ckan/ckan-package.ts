import { z } from 'zod';
import type { Dataset, OpenClass } from '../../model/dataset.js';
import type { Resource } from '../../model/resource.js';
import { openClassFromMetadata, openClassFromTags } from '../../compliance/open-class-label.js';
import { identifier, lenientBoolean, lenientList, lenientNumber, lenientObject, lenientText, lenientValue, RAW, textOf, withRaw, type WithRaw } from '../lenient-metadata.js';
import { parseNaiveUtc } from './naive-utc.js';

export { parseNaiveUtc };

// Only the id is required; every other field is read leniently (see lenient-metadata.ts): CKAN
// sites add, drop and retype optional fields freely, and one odd field must not cost a page.
const ResourceSchema = z.object({
  id: identifier,
  name: lenientText,
  url: lenientText,
  format: lenientText,
  last_modified: lenientText,
  metadata_modified: lenientText,
  created: lenientText,
  datastore_active: lenientBoolean,
  // Some catalogues send the size as text.
  size: lenientNumber,
  hash: lenientText,
});

/** A tag or group as API v3 sends it (`{name, display_name, title}`), or as a bare name (API v1/v2). */
const labelled = (keys: readonly string[]) =>
  lenientValue((value): string | undefined => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return textOf(value);
    for (const key of keys) {
      const text = textOf((value as Record<string, unknown>)[key]);
      if (text !== undefined) return text;
    }
    return undefined;
  });

/** `extras` as `[{key, value}]` (API v3), or as a `{key: value}` object (API v1/v2). */
const Extras = lenientValue((value): [string, unknown][] => {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item !== 'object' || item === null) return [];
      const key = textOf((item as { key?: unknown }).key);
      return key === undefined ? [] : [[key, (item as { value?: unknown }).value] as [string, unknown]];
    });
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value);
  return [];
});

const PackageFields = z.object({
  id: identifier,
  name: lenientText,
  title: lenientText,
  notes: lenientText,
  private: lenientBoolean,
  metadata_created: lenientText,
  metadata_modified: lenientText,
  organization: lenientObject(z.object({ name: lenientText, title: lenientText })),
  tags: lenientList(labelled(['name', 'display_name'])),
  groups: lenientList(labelled(['title', 'display_name', 'name'])),
  license_id: lenientText,
  license_title: lenientText,
  license_url: lenientText,
  resources: lenientList(ResourceSchema),
  extras: Extras,
});

/** A package dict (`package_show`, one result of `package_search`), kept as sent for `Dataset.raw`. */
export const CkanPackageSchema = withRaw(PackageFields);

export type CkanPackage = WithRaw<z.output<typeof PackageFields>>;
export type CkanResource = z.output<typeof ResourceSchema>;

export const PackageSearchSchema = z.object({ count: z.number(), results: z.array(CkanPackageSchema) });

/**
 * CKAN has no open classes: an `open_class` extra or a `禁止开放`-style tag states one where a
 * site follows the Zhejiang rules; otherwise a private dataset is restricted, a public one unconditional.
 */
function openClassOf(pkg: CkanPackage): OpenClass {
  const stated = openClassFromMetadata(pkg.extras) ?? openClassFromTags(pkg.tags);
  return stated ?? (pkg.private ? 'restricted' : 'unconditional');
}

function toResource(resource: CkanResource): Resource {
  return {
    id: resource.id,
    name: resource.name ?? resource.id,
    format: (resource.format ?? '').toUpperCase(),
    url: resource.url ?? null,
    queryable: resource.datastore_active === true,
    size: resource.size ?? null,
    hash: resource.hash ?? null,
    updatedAt: parseNaiveUtc(resource.last_modified ?? resource.metadata_modified ?? resource.created),
  };
}

/** The organization is the publisher: its name (slug) and title name the same party. */
function publisherOf(pkg: CkanPackage): Dataset['publisher'] {
  const organization = pkg.organization;
  const name = organization?.title ?? organization?.name;
  return name === undefined ? null : { id: organization?.name ?? null, name };
}

export function toDataset(pkg: CkanPackage, baseUrl: string): Dataset {
  const resources = pkg.resources.map(toResource);
  // An extra left empty states nothing: the first filled-in one counts.
  const updateFrequency = pkg.extras.map(([key, value]) => (key === 'update_frequency' || key === 'frequency' ? textOf(value) : undefined)).find((value) => value !== undefined);
  const dataset: Dataset = {
    id: pkg.id,
    name: pkg.name ?? pkg.id,
    title: pkg.title ?? pkg.name ?? pkg.id,
    description: pkg.notes ?? '',
    publisher: publisherOf(pkg),
    themes: pkg.groups,
    tags: pkg.tags,
    openClass: openClassOf(pkg),
    license: { id: pkg.license_id ?? null, title: pkg.license_title ?? null, url: pkg.license_url ?? null },
    formats: [...new Set(resources.map((resource) => resource.format).filter(Boolean))],
    fields: [],
    createdAt: parseNaiveUtc(pkg.metadata_created),
    updatedAt: parseNaiveUtc(pkg.metadata_modified),
    resources,
    portal: { family: 'ckan', baseUrl },
    raw: pkg[RAW],
  };
  return updateFrequency === undefined ? dataset : { ...dataset, updateFrequency };
}
