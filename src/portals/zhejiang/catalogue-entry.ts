import { z } from 'zod';
import type { Dataset, OpenClass } from '../../model/dataset.js';
import { parseShanghaiTime } from './shanghai-time.js';

// Section B of the zhejiang wire format. Only the id and title are required: a portal that stops
// sending an optional field should not break a catalogue listing.
export const GatewayInterfaceSchema = z.object({
  path: z.string(),
  apiId: z.string(),
  params: z.array(z.string()).default([]),
});

export const CatalogueEntrySchema = z.object({
  cataId: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  summary: z.string().nullish(),
  orgName: z.string().nullish(),
  region: z.string().nullish(),
  domain: z.string().nullish(),
  openType: z.union([z.number(), z.string()]).nullish(),
  dataFormat: z.array(z.string()).nullish(),
  updateFrequency: z.string().nullish(),
  releaseDate: z.string().nullish(),
  updateDate: z.string().nullish(),
  recordCount: z.number().nullish(),
  fields: z.array(z.object({ name: z.string(), cnName: z.string().nullish(), type: z.string().nullish() })).nullish(),
  interfaces: z.array(z.string()).nullish(),
  license: z.string().nullish(),
  gateway: GatewayInterfaceSchema.nullish(),
});

export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

export const CatalogueSearchSchema = z.object({
  total: z.number(),
  pageNum: z.number().optional(),
  pageSize: z.number().optional(),
  list: z.array(CatalogueEntrySchema),
});

/** openType 1 = 无条件开放, 2 = 受限开放, 3 = 禁止开放 (never listed, but recognised). */
function openClassOf(openType: CatalogueEntry['openType']): OpenClass {
  switch (String(openType ?? '')) {
    case '1':
      return 'unconditional';
    case '2':
      return 'restricted';
    case '3':
      return 'forbidden';
    default:
      return 'unknown';
  }
}

/** Maps a catalogue entry to the unified `Dataset`. */
export function toDataset(entry: CatalogueEntry, baseUrl: string): Dataset {
  const formats = (entry.dataFormat ?? []).map((format) => format.toUpperCase());
  const interfaces = entry.interfaces ?? [];
  const result: Dataset = {
    id: entry.cataId,
    name: entry.cataId,
    title: entry.title,
    description: entry.summary ?? '',
    publisher: entry.orgName ? { id: entry.region ?? null, name: entry.orgName } : null,
    themes: entry.domain ? [entry.domain] : [],
    tags: [],
    openClass: openClassOf(entry.openType),
    license: { id: null, title: entry.license ?? null, url: null },
    formats,
    fields: (entry.fields ?? []).map((field) => ({ name: field.name, label: field.cnName ?? null, type: field.type ?? null })),
    createdAt: parseShanghaiTime(entry.releaseDate),
    updatedAt: parseShanghaiTime(entry.updateDate),
    resources: [
      {
        id: entry.cataId,
        name: entry.gateway ? entry.gateway.apiId : 'get_data',
        format: 'API',
        url: entry.gateway
          ? `${baseUrl}/gateway/api/${entry.gateway.path}/dataSharing/${entry.gateway.apiId}.htm`
          : `${baseUrl}/jdop_front/interfaces/cata_${encodeURIComponent(entry.cataId)}/get_data.do`,
        queryable: interfaces.includes('get_data') || interfaces.length === 0,
        size: null,
        hash: null,
        updatedAt: parseShanghaiTime(entry.updateDate),
      },
      // Downloads (sandbox shape): one per file format the entry lists.
      ...(entry.dataFormat ?? [])
        .map((format) => format.trim().toLowerCase())
        .filter((format) => format === 'csv' || format === 'xlsx')
        .map((format) => ({
          id: `cata_${entry.cataId}.${format}`,
          name: format,
          format: format.toUpperCase(),
          url: `${baseUrl}/jdop_front/download/cata_${encodeURIComponent(entry.cataId)}.${format}`,
          queryable: false,
          size: null,
          hash: null,
          updatedAt: parseShanghaiTime(entry.updateDate),
        })),
    ],
    portal: { family: 'zhejiang', baseUrl },
    raw: entry,
  };
  if (entry.updateFrequency) return { ...result, updateFrequency: entry.updateFrequency, ...recordCountOf(entry) };
  return { ...result, ...recordCountOf(entry) };
}

function recordCountOf(entry: CatalogueEntry): { recordCount?: number } {
  return typeof entry.recordCount === 'number' ? { recordCount: entry.recordCount } : {};
}
