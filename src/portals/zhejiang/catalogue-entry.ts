import { z } from 'zod';
import type { Dataset, OpenClass } from '../../model/dataset.js';
import { identifier, lenientList, lenientNumber, lenientObject, lenientText, lenientTextList } from '../lenient-metadata.js';
import { parseShanghaiTime } from './shanghai-time.js';

// Section B of the zhejiang wire format. Only the id is required; every other field
// is read leniently (see lenient-metadata.ts), so that one odd field never breaks a listing.
export const GatewayInterfaceSchema = z.object({
  path: z.string(),
  apiId: z.string(),
  params: lenientTextList,
});

/** `dataFormat` is a list (`["json", "csv"]`), but some entries write it as one text (`"json,csv"`). */
const DataFormats = lenientTextList.transform((formats) => formats.flatMap((format) => format.split(/[,，;、\s]+/)).filter(Boolean));

export const CatalogueEntrySchema = z.object({
  cataId: identifier,
  title: lenientText,
  summary: lenientText,
  orgName: lenientText,
  region: lenientText,
  domain: lenientText,
  openType: lenientText,
  dataFormat: DataFormats,
  updateFrequency: lenientText,
  releaseDate: lenientText,
  updateDate: lenientText,
  recordCount: lenientNumber,
  // A field without a name cannot be read: it is left out.
  fields: lenientList(z.object({ name: identifier, cnName: lenientText, type: lenientText })),
  interfaces: lenientTextList,
  license: lenientText,
  gateway: lenientObject(GatewayInterfaceSchema),
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
  const formats = entry.dataFormat.map((format) => format.toUpperCase());
  const interfaces = entry.interfaces;
  const result: Dataset = {
    id: entry.cataId,
    name: entry.cataId,
    title: entry.title ?? entry.cataId,
    description: entry.summary ?? '',
    // The entry names the publishing body but gives it no id (`region` is the area it serves).
    publisher: entry.orgName === undefined ? null : { id: null, name: entry.orgName },
    themes: entry.domain ? [entry.domain] : [],
    tags: [],
    openClass: openClassOf(entry.openType),
    license: { id: null, title: entry.license ?? null, url: null },
    formats,
    fields: entry.fields.map((field) => ({ name: field.name, label: field.cnName ?? null, type: field.type ?? null })),
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
      ...entry.dataFormat
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
  if (entry.updateFrequency !== undefined) return { ...result, updateFrequency: entry.updateFrequency, ...recordCountOf(entry) };
  return { ...result, ...recordCountOf(entry) };
}

function recordCountOf(entry: CatalogueEntry): { recordCount?: number } {
  return entry.recordCount === undefined ? {} : { recordCount: entry.recordCount };
}
