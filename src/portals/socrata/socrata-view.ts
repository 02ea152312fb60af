import { z } from 'zod';
import { openClassFromTags } from '../../compliance/open-class-label.js';
import type { Dataset, OpenClass } from '../../model/dataset.js';

const epochSeconds = z.number().nullish();

/** `/api/views/{id}.json`, only what the unified model reads; sites add fields freely. */
export const SocrataViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  attribution: z.string().nullish(),
  category: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  licenseId: z.string().nullish(),
  license: z.object({ name: z.string().nullish(), termsLink: z.string().nullish() }).nullish(),
  createdAt: epochSeconds,
  publicationDate: epochSeconds,
  rowsUpdatedAt: epochSeconds,
  viewLastModified: epochSeconds,
  columns: z.array(z.object({ fieldName: z.string(), name: z.string().nullish(), dataTypeName: z.string().nullish() })).default([]),
  grants: z.array(z.object({ flags: z.array(z.string()).nullish() })).nullish(),
  owner: z.object({ id: z.string().nullish(), displayName: z.string().nullish() }).nullish(),
  metadata: z.object({ custom_fields: z.record(z.string(), z.record(z.string(), z.unknown())).nullish() }).nullish(),
});

export type SocrataView = z.infer<typeof SocrataViewSchema>;

const fromSeconds = (value: number | null | undefined): Date | null => (typeof value === 'number' ? new Date(value * 1000) : null);

/**
 * A `禁止开放`-style tag states the class where a site follows the Zhejiang rules; otherwise public
 * views carry a `public` grant and anything else was readable only with credentials.
 */
function openClassOf(view: SocrataView): OpenClass {
  const stated = openClassFromTags(view.tags ?? []);
  if (stated) return stated;
  if (!view.grants) return 'unknown';
  return view.grants.some((grant) => grant.flags?.includes('public')) ? 'unconditional' : 'restricted';
}

function updateFrequency(view: SocrataView): string | undefined {
  for (const section of Object.values(view.metadata?.custom_fields ?? {})) {
    for (const [name, value] of Object.entries(section)) if (/frequency/i.test(name) && typeof value === 'string') return value;
  }
  return undefined;
}

/** A view as the unified `Dataset`; its one queryable resource is the SODA endpoint. */
export function viewToDataset(view: SocrataView, baseUrl: string): Dataset {
  const updatedAt = fromSeconds(view.rowsUpdatedAt ?? view.viewLastModified);
  const dataset: Dataset = {
    id: view.id,
    name: view.id,
    title: view.name,
    description: view.description ?? '',
    publisher: view.attribution || view.owner?.displayName ? { id: view.owner?.id ?? null, name: (view.attribution || view.owner?.displayName) as string } : null,
    themes: view.category ? [view.category] : [],
    tags: view.tags ?? [],
    openClass: openClassOf(view),
    license: { id: view.licenseId ?? null, title: view.license?.name ?? null, url: view.license?.termsLink || null },
    formats: ['JSON'],
    fields: view.columns.map((column) => ({ name: column.fieldName, label: column.name ?? null, type: column.dataTypeName ?? null })),
    createdAt: fromSeconds(view.createdAt ?? view.publicationDate),
    updatedAt,
    resources: [
      {
        id: view.id,
        name: view.name,
        format: 'JSON',
        url: `${baseUrl}/resource/${encodeURIComponent(view.id)}.json`,
        queryable: true,
        size: null,
        hash: null,
        updatedAt,
      },
    ],
    portal: { family: 'socrata', baseUrl },
    raw: view,
  };
  const frequency = updateFrequency(view);
  return frequency === undefined ? dataset : { ...dataset, updateFrequency: frequency };
}
