/**
 * What the sandbox knows about one dataset: its catalogue metadata, its columns in every flavor,
 * and a pure row generator. Rows are computed from (seed, index) on demand, so a 1.02M-row
 * dataset costs nothing until it is read.
 */

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'datetime';

export interface ColumnDefinition {
  /** snake_case name used by the ckan, socrata and opendatasoft flavors, and the key in a generated `Row`. */
  readonly name: string;
  /** Pinyin-initial column name of the zhejiang flavor (e.g. `TYSHXYDM`); absent when that flavor has no such column. */
  readonly pinyin?: string;
  /** Chinese label shown in the zhejiang catalogue's `fields` (e.g. `统一社会信用代码`). */
  readonly label: string;
  readonly type: ColumnType;
  /**
   * Personal data: every listing serves it masked (`mask.name`, `mask.residentId`, `mask.phone` of
   * `kaifang/ids`); only a verification interface compares the full value, inside the portal.
   */
  readonly masked?: 'name' | 'residentId' | 'phone';
}

/** One generated row, keyed by `ColumnDefinition.name`. Dates are `YYYY-MM-DD`, datetimes ISO 8601 UTC. */
export type Row = Record<string, string | number | null>;

export type OpenClass = 'unconditional' | 'restricted' | 'forbidden';

/** A restricted dataset answered as results through the zhejiang signed gateway (section C). */
export interface GatewayInterface {
  readonly path: string;
  readonly apiId: string;
  readonly params: readonly string[];
}

export interface DatasetDefinition {
  /** Slug, identical in every flavor (the zhejiang flavor's `cataId`). */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly publisher: string;
  /** Administrative division code of the publisher, e.g. `330200` (Ningbo). */
  readonly region: string;
  /** The zhejiang catalogue's `domain`, e.g. `市场监管`. */
  readonly theme: string;
  readonly tags: readonly string[];
  readonly openClass: OpenClass;
  /** The zhejiang catalogue's `updateFrequency`, e.g. `实时`, `每日`. */
  readonly updateFrequency: string;
  /** `YYYY-MM-DD`. */
  readonly releasedOn: string;
  /** The dataset's last update before any mutation, ISO 8601 UTC. */
  readonly baseUpdatedAt: string;
  readonly size: { readonly small: number; readonly full: number };
  /** `name` of the column that identifies a row. */
  readonly key: string;
  readonly columns: readonly ColumnDefinition[];
  readonly gateway?: GatewayInterface;
  /**
   * Live data (parking free spaces): rows change with the sandbox clock, so the dataset's update
   * time is the current minute, not only the last mutation.
   */
  readonly live?: boolean;
  /**
   * Pure: the same (seed, index, now) gives the same row. `now` only matters for live data
   * (parking free spaces move with the sandbox clock). Every row has an `updated_at` value.
   */
  row(seed: number, index: number, now: Date): Row;
}
