/**
 * Section A2 of the zhejiang wire format: which data gateway interfaces serve which dataset.
 * Ids follow the patterns of the platform's own pages and do not share one pattern, as there:
 * `…gettotal`/`…getdata` (Jinhua's `jhcata11239getdata`), a count id and the same id plus `fy`
 * for pages (Shaoxing's `biz06043036zjzjsxclyxx`/`…fy`), and one `…SynReq` interface with
 * the total in every page (Hangzhou's `331111zjhz…SynReq`). Long-tail datasets have none:
 * they answer section A only, as older catalogue entries do.
 */
import type { DataGatewayInterfaces } from '../../flavor.js';

/** What one interface does for its dataset. */
export type DataGatewayRole = 'data' | 'count' | 'updateDate';

/** The interfaces of one dataset, with what the sandbox needs to answer them. */
export interface ServedDataGateway extends DataGatewayInterfaces {
  readonly datasetId: string;
  /** Style `'status'` only: the rows come in `data` JSON-encoded as a string, as some real interfaces send them. */
  readonly rowsAsString: boolean;
}

const SERVED: readonly ServedDataGateway[] = [
  {
    datasetId: 'hz-parking-lots',
    style: 'rows',
    data: '331111zjhzTcBwK20200601093015482716SynReq',
    params: ['userSecret', 'pageNumber', 'pageSize'],
    rowsAsString: false,
  },
  {
    datasetId: 'nb-business-licenses',
    style: 'code',
    count: 'biz02150417nbqydjxx',
    data: 'biz02150417nbqydjxxfy',
    params: ['appSecret', 'userSecret', 'pageNum', 'pageSize'],
    rowsAsString: true,
  },
  {
    datasetId: 'nb-food-licenses',
    style: 'status',
    count: 'nbcata10486gettotal',
    data: 'nbcata10486getdata',
    updateDate: 'nbcata10486getupdatedate',
    params: ['appsecret', 'pageNum', 'pageSize'],
    rowsAsString: true,
  },
  {
    datasetId: 'zj-medical-practitioners',
    style: 'status',
    count: 'zjcata20318gettotal',
    data: 'zjcata20318getdata',
    updateDate: 'zjcata20318getupdatedate',
    params: ['appsecret', 'pageNum', 'pageSize'],
    rowsAsString: false,
  },
];

/** The data gateway interfaces of a dataset, or undefined when it has none. */
export function dataGatewayOf(datasetId: string): ServedDataGateway | undefined {
  return SERVED.find((gateway) => gateway.datasetId === datasetId);
}

/** The public description of a dataset's interfaces (what `sandbox.datasets` shows). */
export function describeDataGateway(datasetId: string): DataGatewayInterfaces | undefined {
  const gateway = dataGatewayOf(datasetId);
  if (!gateway) return undefined;
  const { style, data, count, updateDate, params } = gateway;
  return { style, data, ...(count === undefined ? {} : { count }), ...(updateDate === undefined ? {} : { updateDate }), params: [...params] };
}

/** A dataset's interface ids in the order its page lists them: count, pages, update date. */
export function dataGatewayInterfaceIds(datasetId: string): string[] {
  const gateway = dataGatewayOf(datasetId);
  if (!gateway) return [];
  return [gateway.count, gateway.data, gateway.updateDate].filter((id): id is string => id !== undefined);
}

/** The dataset and role of an interface id; ids are case-sensitive, as on the platform. */
export function findDataGatewayInterface(interfaceId: string): { gateway: ServedDataGateway; role: DataGatewayRole } | undefined {
  for (const gateway of SERVED) {
    if (gateway.data === interfaceId) return { gateway, role: 'data' };
    if (gateway.count === interfaceId) return { gateway, role: 'count' };
    if (gateway.updateDate === interfaceId) return { gateway, role: 'updateDate' };
  }
  return undefined;
}
