import { z } from 'zod';
import { openClassFromTags } from '../../compliance/open-class-label.js';
import type { Dataset } from '../../model/dataset.js';
import { identifier, lenientBoolean, lenientList, lenientObject, lenientText, lenientTextColumn, lenientTextList, RAW, withRaw, type WithRaw } from '../lenient-metadata.js';
import { parseSodaTimestamp } from './floating-timestamp.js';
import { socrataFieldType } from './socrata-field-type.js';
import { frequencyOf } from './frequency-entry.js';
import { socrataPublisher } from './socrata-publisher.js';

// Only `resource.id` is required; everything else is read leniently (see lenient-metadata.ts).
const ResultFields = z.object({
  resource: z.object({
    id: identifier,
    name: lenientText,
    description: lenientText,
    attribution: lenientText,
    updatedAt: lenientText,
    createdAt: lenientText,
    // Missing from answers of 2018 and before.
    data_updated_at: lenientText,
    columns_field_name: lenientTextColumn,
    columns_name: lenientTextColumn,
    columns_datatype: lenientTextColumn,
  }),
  classification: lenientObject(
    z.object({
      categories: lenientTextList,
      tags: lenientTextList,
      // A string, but an array in answers of 2016.
      domain_category: lenientTextList,
      domain_tags: lenientTextList,
      domain_metadata: lenientList(z.object({ key: lenientText, value: lenientText })),
    }),
  ),
  metadata: lenientObject(z.object({ license: lenientText, is_public: lenientBoolean })),
  owner: lenientObject(z.object({ id: lenientText, display_name: lenientText })),
});

/** One Discovery API hit, kept as sent for `Dataset.raw`. */
const DiscoveryResultSchema = withRaw(ResultFields);

/** A Discovery API answer: `{"results": [...], "resultSetSize": n}`. */
export const DiscoveryAnswerSchema = z.object({ results: z.array(DiscoveryResultSchema), resultSetSize: z.number() });

export type DiscoveryResult = WithRaw<z.output<typeof ResultFields>>;

/** A catalogue hit as the unified `Dataset`. */
export function discoveryToDataset(hit: DiscoveryResult, baseUrl: string): Dataset {
  const { resource, classification } = hit;
  const updatedAt = parseSodaTimestamp(resource.data_updated_at ?? resource.updatedAt);
  const tags = classification?.domain_tags.length ? classification.domain_tags : (classification?.tags ?? []);
  const title = resource.name ?? resource.id;
  const dataset: Dataset = {
    id: resource.id,
    name: resource.id,
    title,
    description: resource.description ?? '',
    publisher: socrataPublisher(resource.attribution, hit.owner && { id: hit.owner.id, name: hit.owner.display_name }),
    themes: classification?.domain_category.length ? classification.domain_category : (classification?.categories ?? []),
    tags,
    openClass: openClassFromTags(tags) ?? (hit.metadata?.is_public === false ? 'restricted' : hit.metadata?.is_public === true ? 'unconditional' : 'unknown'),
    license: { id: null, title: hit.metadata?.license ?? null, url: null },
    formats: ['JSON'],
    fields: resource.columns_field_name.flatMap((name, i) =>
      name === undefined ? [] : [{ name, label: resource.columns_name[i] ?? null, type: socrataFieldType(resource.columns_datatype[i]) }],
    ),
    createdAt: parseSodaTimestamp(resource.createdAt),
    updatedAt,
    resources: [
      { id: resource.id, name: title, format: 'JSON', url: `${baseUrl}/resource/${encodeURIComponent(resource.id)}.json`, queryable: true, size: null, hash: null, updatedAt },
    ],
    portal: { family: 'socrata', baseUrl },
    raw: hit[RAW],
  };
  const updateFrequency = frequencyOf((classification?.domain_metadata ?? []).map((entry) => [entry.key ?? '', entry.value] as const));
  return updateFrequency === undefined ? dataset : { ...dataset, updateFrequency };
}
