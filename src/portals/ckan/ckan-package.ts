import { z } from 'zod';
import type { Dataset, OpenClass } from '../../model/dataset.js';
import type { Resource } from '../../model/resource.js';
import { openClassFromMetadata, openClassFromTags } from '../../compliance/open-class-label.js';
import { parseNaiveUtc } from './naive-utc.js';

export { parseNaiveUtc };

// Only what the unified model needs is required; CKAN sites add and drop optional fields freely.
const ResourceSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  url: z.string().nullish(),
  format: z.string().nullish(),
  last_modified: z.string().nullish(),
  metadata_modified: z.string().nullish(),
  created: z.string().nullish(),
  datastore_active: z.boolean().nullish(),
  size: z.number().nullish(),
  hash: z.string().nullish(),
});

export const CkanPackageSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullish(),
  notes: z.string().nullish(),
  state: z.string().nullish(),
  private: z.boolean().nullish(),
  metadata_created: z.string().nullish(),
  metadata_modified: z.string().nullish(),
  organization: z.object({ id: z.string().nullish(), name: z.string(), title: z.string().nullish() }).nullish(),
  tags: z.array(z.object({ name: z.string() })).nullish(),
  groups: z.array(z.object({ name: z.string(), title: z.string().nullish() })).nullish(),
  license_id: z.string().nullish(),
  license_title: z.string().nullish(),
  license_url: z.string().nullish(),
  resources: z.array(ResourceSchema).nullish(),
  extras: z.array(z.object({ key: z.string(), value: z.unknown() })).nullish(),
});

export type CkanPackage = z.infer<typeof CkanPackageSchema>;
export type CkanResource = z.infer<typeof ResourceSchema>;

export const PackageSearchSchema = z.object({ count: z.number(), results: z.array(CkanPackageSchema) });

/**
 * CKAN has no open classes: an `open_class` extra or a `禁止开放`-style tag states one where a
 * site follows the Zhejiang rules; otherwise a private dataset is restricted, a public one unconditional.
 */
function openClassOf(pkg: CkanPackage): OpenClass {
  const stated = openClassFromMetadata((pkg.extras ?? []).map((extra) => [extra.key, extra.value] as const)) ?? openClassFromTags((pkg.tags ?? []).map((tag) => tag.name));
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
    hash: resource.hash ? resource.hash : null,
    updatedAt: parseNaiveUtc(resource.last_modified ?? resource.metadata_modified ?? resource.created),
  };
}

export function toDataset(pkg: CkanPackage, baseUrl: string): Dataset {
  const resources = (pkg.resources ?? []).map(toResource);
  const frequency = pkg.extras?.find((extra) => extra.key === 'update_frequency' || extra.key === 'frequency')?.value;
  const dataset: Dataset = {
    id: pkg.id,
    name: pkg.name,
    title: pkg.title ?? pkg.name,
    description: pkg.notes ?? '',
    publisher: pkg.organization ? { id: pkg.organization.name, name: pkg.organization.title ?? pkg.organization.name } : null,
    themes: (pkg.groups ?? []).map((group) => group.title ?? group.name),
    tags: (pkg.tags ?? []).map((tag) => tag.name),
    openClass: openClassOf(pkg),
    license: { id: pkg.license_id ?? null, title: pkg.license_title ?? null, url: pkg.license_url ?? null },
    formats: [...new Set(resources.map((resource) => resource.format).filter(Boolean))],
    fields: [],
    createdAt: parseNaiveUtc(pkg.metadata_created),
    updatedAt: parseNaiveUtc(pkg.metadata_modified),
    resources,
    portal: { family: 'ckan', baseUrl },
    raw: pkg,
  };
  return typeof frequency === 'string' ? { ...dataset, updateFrequency: frequency } : dataset;
}
