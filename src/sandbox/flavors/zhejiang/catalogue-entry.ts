import type { ColumnType, GatewayInterface } from '../../data/dataset-definition.js';
import type { DatasetState } from '../../dataset-state.js';
import { XLSX_MAX_ROWS } from '../../files/index.js';
import { dataGatewayInterfaceIds } from './data-gateway-interfaces.js';
import { openDataInterfaces } from './open-data-interfaces.js';
import { formatShanghaiDateTime } from './shanghai-time.js';

/** The data-use agreement every entry of the platform is published under. */
export const ZHEJIANG_LICENSE = '浙江省公共数据开放平台数据使用协议';

/** One catalogue entry (section B, our shape). */
export interface CatalogueEntry {
  readonly cataId: string;
  readonly title: string;
  readonly summary: string;
  readonly orgName: string;
  readonly region: string;
  readonly domain: string;
  /** 1 无条件开放, 2 受限开放. */
  readonly openType: 1 | 2 | 3;
  readonly dataFormat: readonly string[];
  readonly updateFrequency: string;
  readonly releaseDate: string;
  /** `YYYY-MM-DD HH:mm:ss`, Shanghai time. */
  readonly updateDate: string;
  readonly recordCount: number;
  readonly fields: readonly { readonly name: string; readonly cnName: string; readonly type: ColumnType }[];
  /** Section A's interface names, then the data gateway's interface ids (section A2) where the dataset has them. */
  readonly interfaces: readonly string[];
  readonly license: string;
  readonly gateway: GatewayInterface | null;
}

/** `openType` of each open class: 1 无条件开放, 2 受限开放, 3 禁止开放 (listed, never served). */
const OPEN_TYPES = { unconditional: 1, restricted: 2, forbidden: 3 } as const;

/**
 * The catalogue entry of a dataset as it stands now: `updateDate` and `recordCount` follow
 * mutations. Only columns the interfaces serve (those with a pinyin name) are listed.
 */
export function catalogueEntry(state: DatasetState): CatalogueEntry {
  const definition = state.definition;
  const forbidden = definition.openClass === 'forbidden';
  const fields = [];
  for (const column of definition.columns) {
    if (column.pinyin !== undefined) fields.push({ name: column.pinyin, cnName: column.label, type: column.type });
  }
  return {
    cataId: definition.id,
    title: definition.title,
    summary: definition.description,
    orgName: definition.publisher,
    region: definition.region,
    domain: definition.theme,
    openType: OPEN_TYPES[definition.openClass],
    // The interfaces answer JSON; downloads come as CSV, XLSX (small datasets) and JSON. Forbidden data has none.
    dataFormat: forbidden ? [] : state.count <= XLSX_MAX_ROWS ? ['json', 'csv', 'xlsx'] : ['json', 'csv'],
    updateFrequency: definition.updateFrequency,
    releaseDate: definition.releasedOn,
    updateDate: formatShanghaiDateTime(state.updatedAt),
    recordCount: state.count,
    fields,
    interfaces: forbidden ? [] : [...openDataInterfaces, ...dataGatewayInterfaceIds(definition.id)],
    license: ZHEJIANG_LICENSE,
    gateway: definition.gateway ? { path: definition.gateway.path, apiId: definition.gateway.apiId, params: [...definition.gateway.params] } : null,
  };
}
