// Section A2 of the zhejiang wire format: which gateway interface of a dataset does what. The
// platform's answers never say; its pages show each interface's role in words (总数接口,
// 分页接口, 数据更新查询接口) next to its id, and the ids follow a few naming habits.

/**
 * The unified data gateway's interfaces of one dataset (section A2), as a dataset's page on the
 * platform lists them.
 *
 * @example
 * { data: 'jhcata11239getdata', count: 'jhcata11239gettotal' }
 */
export interface GatewayInterfaceIds {
  /** The paging interface (分页接口): a page of rows per call, e.g. `jhcata11239getdata`. */
  readonly data: string;
  /** The count interface (总数接口), when the dataset has one, e.g. `jhcata11239gettotal`. */
  readonly count?: string | undefined;
  /** The data-update query interface (数据更新查询接口), when the dataset has one. */
  readonly updateDate?: string | undefined;
  /**
   * The business parameter names these interfaces read, as their page shows them (e.g.
   * `['userSecret', 'pageNumber', 'pageSize']`): only those are sent. By default every secret and
   * paging name the platform is known to use is sent (`appsecret`, `appSecret`, `userSecret`,
   * `pageNum`, `pageNumber`, `pageSize`), which interfaces ignore where they do not read it.
   */
  readonly params?: readonly string[] | undefined;
  /** Further business parameters sent with every call, for an interface that wants others. */
  readonly extraParams?: Readonly<Record<string, string>> | undefined;
}

/** Section A's interface names, which catalogue entries list next to the gateway's ids. */
const SECTION_A_NAMES = new Set(['get_data', 'get_total', 'get_dataupdate_date']);

/** `…getdata` (Jinhua's `jhcata11239getdata`): a page of rows. */
const DATA_SUFFIX = /getdata$/i;
/** `…gettotal`: the row count. */
const COUNT_SUFFIX = /gettotal$/i;
/** `…getupdatedate`, `…getdataupdatedate`: the update date. */
const UPDATE_DATE_SUFFIX = /updatedate$/i;
/** `…SynReq` (Hangzhou's `331111zjhz…SynReq`): pages with the total in each, no count interface. */
const SYNC_REQUEST_SUFFIX = /synreq$/i;
/**
 * A letters-digits-letters id ending in `fy` (分页, "paging"), as Shaoxing's
 * `biz06043036zjzjsxclyxxfy`: a page of rows. Its count interface is the same id without `fy`.
 */
const PAGING_ID = /^[a-z]+\d+[a-z]*fy$/i;

/**
 * Whether an id, passed where a dataset id goes, is itself a gateway data interface id (its
 * name ends in `getdata`, `SynReq`, or is letters-digits-letters ending in `fy`). Catalogue ids
 * are numbers on the platform (`12720`) and slugs in the sandbox (`nb-food-licenses`), so
 * neither is mistaken for one. An id of another shape is read through the `interfaces` option.
 */
export function isDataInterfaceId(id: string): boolean {
  return DATA_SUFFIX.test(id) || SYNC_REQUEST_SUFFIX.test(id) || PAGING_ID.test(id);
}

/**
 * The interfaces known for `id` without the catalogue: those the caller named for it, else the
 * id itself as the data interface when it is one (no count interface: pages until a short one).
 * An interface the platform answers for this app is open or approved for it, so such ids need
 * no catalogue lookup at all.
 */
export function gatewayInterfacesGiven(id: string, given: Readonly<Record<string, GatewayInterfaceIds>> | undefined): GatewayInterfaceIds | undefined {
  if (given !== undefined && Object.hasOwn(given, id)) return given[id];
  return isDataInterfaceId(id) ? { data: id } : undefined;
}

/**
 * The roles of the gateway interface ids a catalogue entry lists (section A names are skipped),
 * or `undefined` when none is a data interface. The rule, in order:
 * 1. `…getdata` and `…SynReq` page rows, `…gettotal` counts, `…updatedate` tells the update date;
 * 2. of two ids where one is the other plus `fy` (`biz…xx` and `biz…xxfy`), the longer pages and
 *    the shorter counts — compared whole, so an id that merely starts like another is not paired;
 * 3. a remaining id ending in `fy` pages rows; any other id is not used.
 * The first id found for a role wins.
 */
export function interfacesFromCatalogue(ids: readonly string[]): GatewayInterfaceIds | undefined {
  const gatewayIds = ids.map((id) => id.trim()).filter((id) => id !== '' && !SECTION_A_NAMES.has(id));
  let data: string | undefined;
  let count: string | undefined;
  let updateDate: string | undefined;
  const unassigned: string[] = [];
  for (const id of gatewayIds) {
    if (DATA_SUFFIX.test(id) || SYNC_REQUEST_SUFFIX.test(id)) data ??= id;
    else if (COUNT_SUFFIX.test(id)) count ??= id;
    else if (UPDATE_DATE_SUFFIX.test(id)) updateDate ??= id;
    else unassigned.push(id);
  }
  const listed = new Set(unassigned);
  for (const id of unassigned) {
    if (!id.toLowerCase().endsWith('fy')) continue;
    const stem = id.slice(0, -2);
    if (listed.has(stem)) {
      data ??= id;
      count ??= stem;
    }
  }
  for (const id of unassigned) if (id.toLowerCase().endsWith('fy') && id !== count) data ??= id;
  if (data === undefined) return undefined;
  return { data, ...(count !== undefined && count !== data ? { count } : {}), ...(updateDate !== undefined ? { updateDate } : {}) };
}
