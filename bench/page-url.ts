/** The dataset every benchmark pulls. */
export const DATASET = 'nb-business-licenses';

/** Rows per page: the zhejiang platform's maximum. */
export const PAGE_SIZE = 200;

/** A `get_data.do` page URL, as a hand-written client would build it. */
export function pageUrl(baseUrl: string, appSecret: string, pageNum: number): string {
  return `${baseUrl}/jdop_front/interfaces/cata_${DATASET}/get_data.do?appsecret=${encodeURIComponent(appSecret)}&pageNum=${pageNum}&pageSize=${PAGE_SIZE}`;
}
