import { PagingError, ResponseFormatError } from '../../errors/index.js';
import type { RawRecord } from '../portal-adapter.js';
import type { RowsAnswer } from './business-answer.js';

/** Pages whose fingerprints are kept behind the latest one: far more than any read fetches ahead. */
const FINGERPRINT_WINDOW = 64;

/**
 * The checks that keep a paged read of a gateway interface (section A2) honest, page by page:
 * - a page repeating a neighbour's rows means the interface ignores the page number (a paging
 *   parameter it does not read): a `PagingError`, where reading on would loop or duplicate rows;
 * - with a known row count, the last page must hold exactly the rows the count leaves for it
 *   and no page may go past it, and a count carried in a page must not differ from it: a
 *   `PagingError` — the count disagrees with the rows, or the data changed while paging;
 * - a page of more rows than asked for means the page size is ignored: a `PagingError`;
 * - rows under a header row must keep the first page's header: another first row means the
 *   header row is missing (`ResponseFormatError`).
 * Short pages before the last one are the engine's to refetch and judge (see `readPages`).
 */
export class GatewayPageChecks {
  private readonly fingerprints = new Map<number, string>();
  private header: string | undefined;

  constructor(
    private readonly interfaceId: string,
    private readonly pageSize: number,
    /** The row count when known before reading. */
    private readonly total: number | undefined,
  ) {}

  /** Checks page `page` and returns its rows. */
  check(page: number, answer: RowsAnswer): RawRecord[] {
    const { rows } = answer;
    const { interfaceId, pageSize, total } = this;
    if (rows.length > pageSize) {
      throw new PagingError(`${interfaceId} sent ${rows.length} rows for a page of ${pageSize}: it ignores the page size`, { page, expected: pageSize, received: rows.length });
    }
    if (answer.header !== undefined) this.checkHeader(answer.header);
    if (total !== undefined) {
      if (answer.total !== undefined && answer.total !== total) {
        throw new PagingError(`${interfaceId} counted ${total} rows, then ${answer.total} on page ${page}: the data changed while paging`, { page, expected: total, received: answer.total });
      }
      const lastPage = Math.max(1, Math.ceil(total / pageSize));
      const expected = Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize));
      if (page >= lastPage && rows.length !== expected) {
        throw new PagingError(
          `${interfaceId} counts ${total} rows, which leaves ${expected} for page ${page} of ${pageSize}, but it sent ${rows.length}: the count disagrees with the rows`,
          { page, expected, received: rows.length },
        );
      }
    }
    this.checkRepeat(page, rows);
    return rows;
  }

  private checkHeader(header: readonly string[]): void {
    const joined = header.join('\u0000');
    this.header ??= joined;
    if (joined !== this.header) {
      throw new ResponseFormatError(`${this.interfaceId} sent a page whose first row is not the header row of its first page: the header row is missing`);
    }
  }

  private checkRepeat(page: number, rows: RawRecord[]): void {
    if (rows.length === 0) return;
    // The first and last rows and the length tell pages apart; serialising whole pages would cost more than reading them.
    const fingerprint = `${rows.length}\u0000${JSON.stringify(rows[0])}\u0000${JSON.stringify(rows[rows.length - 1])}`;
    for (const neighbour of [page - 1, page + 1]) {
      if (this.fingerprints.get(neighbour) === fingerprint) {
        const [first, second] = neighbour < page ? [neighbour, page] : [page, neighbour];
        throw new PagingError(
          `${this.interfaceId} sent the same rows for pages ${first} and ${second}: it ignores the page number (name its paging parameters with the interfaces option of portals.zhejiang)`,
          { page: second, expected: 0, received: rows.length },
        );
      }
    }
    this.fingerprints.set(page, fingerprint);
    this.fingerprints.delete(page - FINGERPRINT_WINDOW);
  }
}
