import { z } from 'zod';
import { openClassFromTags } from '../../compliance/open-class-label.js';
import type { Dataset, OpenClass } from '../../model/dataset.js';
import { identifier, lenientList, lenientNumber, lenientObject, lenientText, lenientTextList, lenientValue, RAW, withRaw, type WithRaw } from '../lenient-metadata.js';
import { frequencyOf } from './frequency-entry.js';
import { socrataFieldType } from './socrata-field-type.js';
import { socrataPublisher } from './socrata-publisher.js';

// Only the id is required; everything else is read leniently (see lenient-metadata.ts). Real
// views always carry a name, but views trimmed by hand (fixtures, proxies) may not.
const ViewFields = z.object({
  id: identifier,
  name: lenientText,
  description: lenientText,
  attribution: lenientText,
  category: lenientText,
  tags: lenientTextList,
  licenseId: lenientText,
  license: lenientObject(z.object({ name: lenientText, termsLink: lenientText })),
  // Epoch seconds.
  createdAt: lenientNumber,
  publicationDate: lenientNumber,
  rowsUpdatedAt: lenientNumber,
  viewLastModified: lenientNumber,
  // A column without a field name cannot be queried: it is left out.
  columns: lenientList(z.object({ fieldName: identifier, name: lenientText, dataTypeName: lenientText })),
  // Each grant's flags; absent when the view lists no grants (the open class is then unknown).
  grants: lenientValue((value): string[][] | undefined =>
    Array.isArray(value) ? value.map((grant) => lenientTextList.parse(typeof grant === 'object' && grant !== null ? (grant as { flags?: unknown }).flags : undefined)) : undefined,
  ),
  owner: lenientObject(z.object({ id: lenientText, displayName: lenientText })),
  metadata: lenientObject(z.object({ custom_fields: lenientObject(z.record(z.string(), z.unknown())) })),
});

/** `/api/views/{id}.json`, kept as sent for `Dataset.raw`. */
export const SocrataViewSchema = withRaw(ViewFields);

export type SocrataView = WithRaw<z.output<typeof ViewFields>>;

const fromSeconds = (value: number | undefined): Date | null => (value === undefined ? null : new Date(value * 1000));

/**
 * A `禁止开放`-style tag states the class where a site follows the Zhejiang rules; otherwise public
 * views carry a `public` grant and anything else was readable only with credentials.
 */
function openClassOf(view: SocrataView): OpenClass {
  const stated = openClassFromTags(view.tags);
  if (stated) return stated;
  if (!view.grants) return 'unknown';
  return view.grants.some((flags) => flags.includes('public')) ? 'unconditional' : 'restricted';
}

/** `metadata.custom_fields` is sections of name → value; a section that is no object states nothing. */
function customFields(view: SocrataView): [string, unknown][] {
  return Object.values(view.metadata?.custom_fields ?? {}).flatMap((section) =>
    typeof section === 'object' && section !== null && !Array.isArray(section) ? Object.entries(section) : [],
  );
}

/** A view as the unified `Dataset`; its one queryable resource is the SODA endpoint. */
export function viewToDataset(view: SocrataView, baseUrl: string): Dataset {
  const updatedAt = fromSeconds(view.rowsUpdatedAt ?? view.viewLastModified);
  const title = view.name ?? view.id;
  const dataset: Dataset = {
    id: view.id,
    name: view.id,
    title,
    description: view.description ?? '',
    publisher: socrataPublisher(view.attribution, view.owner && { id: view.owner.id, name: view.owner.displayName }),
    themes: view.category === undefined ? [] : [view.category],
    tags: view.tags,
    openClass: openClassOf(view),
    license: { id: view.licenseId ?? null, title: view.license?.name ?? null, url: view.license?.termsLink ?? null },
    formats: ['JSON'],
    fields: view.columns.map((column) => ({ name: column.fieldName, label: column.name ?? null, type: socrataFieldType(column.dataTypeName) })),
    createdAt: fromSeconds(view.createdAt ?? view.publicationDate),
    updatedAt,
    resources: [
      {
        id: view.id,
        name: title,
        format: 'JSON',
        url: `${baseUrl}/resource/${encodeURIComponent(view.id)}.json`,
        queryable: true,
        size: null,
        hash: null,
        updatedAt,
      },
    ],
    portal: { family: 'socrata', baseUrl },
    raw: view[RAW],
  };
  const frequency = frequencyOf(customFields(view));
  return frequency === undefined ? dataset : { ...dataset, updateFrequency: frequency };
}
