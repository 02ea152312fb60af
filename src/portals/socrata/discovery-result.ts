import { z } from 'zod';
import { openClassFromTags } from '../../compliance/open-class-label.js';
import type { Dataset } from '../../model/dataset.js';
import { parseSodaTimestamp } from './floating-timestamp.js';

const DiscoveryResultSchema = z.object({
  resource: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullish(),
    attribution: z.string().nullish(),
    type: z.string().nullish(),
    updatedAt: z.string().nullish(),
    createdAt: z.string().nullish(),
    data_updated_at: z.string().nullish(),
    columns_field_name: z.array(z.string()).nullish(),
    columns_name: z.array(z.string()).nullish(),
    columns_datatype: z.array(z.string()).nullish(),
  }),
  classification: z
    .object({ categories: z.array(z.string()).nullish(), tags: z.array(z.string()).nullish(), domain_category: z.string().nullish(), domain_tags: z.array(z.string()).nullish() })
    .nullish(),
  metadata: z.object({ domain: z.string().nullish(), license: z.string().nullish(), is_public: z.boolean().nullish() }).nullish(),
  permalink: z.string().nullish(),
  owner: z.object({ id: z.string().nullish(), display_name: z.string().nullish() }).nullish(),
});

/** A Discovery API answer: `{"results": [...], "resultSetSize": n}`. */
export const DiscoveryAnswerSchema = z.object({ results: z.array(DiscoveryResultSchema), resultSetSize: z.number() });

export type DiscoveryResult = z.infer<typeof DiscoveryResultSchema>;

/** A catalogue hit as the unified `Dataset`. */
export function discoveryToDataset(hit: DiscoveryResult, baseUrl: string): Dataset {
  const { resource } = hit;
  const names = resource.columns_field_name ?? [];
  const updatedAt = parseSodaTimestamp(resource.data_updated_at ?? resource.updatedAt);
  const themes = hit.classification?.domain_category ? [hit.classification.domain_category] : (hit.classification?.categories ?? []);
  const publisher = resource.attribution || hit.owner?.display_name;
  return {
    id: resource.id,
    name: resource.id,
    title: resource.name,
    description: resource.description ?? '',
    publisher: publisher ? { id: hit.owner?.id ?? null, name: publisher } : null,
    themes,
    tags: hit.classification?.domain_tags ?? hit.classification?.tags ?? [],
    openClass:
      openClassFromTags(hit.classification?.domain_tags ?? hit.classification?.tags ?? []) ??
      (hit.metadata?.is_public === false ? 'restricted' : hit.metadata?.is_public === true ? 'unconditional' : 'unknown'),
    license: { id: null, title: hit.metadata?.license ?? null, url: null },
    formats: ['JSON'],
    fields: names.map((name, i) => ({ name, label: resource.columns_name?.[i] ?? null, type: resource.columns_datatype?.[i] ?? null })),
    createdAt: parseSodaTimestamp(resource.createdAt),
    updatedAt,
    resources: [
      { id: resource.id, name: resource.name, format: 'JSON', url: `${baseUrl}/resource/${encodeURIComponent(resource.id)}.json`, queryable: true, size: null, hash: null, updatedAt },
    ],
    portal: { family: 'socrata', baseUrl },
    raw: hit,
  };
}
