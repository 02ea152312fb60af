import type { SandboxContext } from '../../flavor.js';

const PREFERRED_DATA = 'hz-parking-lots';
const PREFERRED_TOTAL = 'nb-food-licenses';

/**
 * Ready-to-paste request URLs: a page of car parks, a catalogue search, a catalogue entry and a
 * total. Falls back to the first unconditional dataset when a preferred one is not served.
 */
export function zhejiangSamples(baseUrl: string, context: SandboxContext): string[] {
  const base = baseUrl.replace(/\/+$/, '');
  const open = [...context.datasets.values()].filter((state) => state.definition.openClass === 'unconditional').map((state) => state.id);
  const pick = (preferred: string): string | undefined => (open.includes(preferred) ? preferred : open[0]);
  const secret = encodeURIComponent(context.credentials.appSecret);
  const samples = [`${base}/dopServer/rest/catalog/search?keyword=${encodeURIComponent('停车')}&pageNum=1&pageSize=10`];
  const data = pick(PREFERRED_DATA);
  if (data !== undefined) {
    samples.unshift(`${base}/jdop_front/interfaces/cata_${encodeURIComponent(data)}/get_data.do?appsecret=${secret}&pageNum=1&pageSize=10`);
    samples.push(`${base}/dopServer/rest/catalog/${encodeURIComponent(data)}`);
  }
  const total = pick(PREFERRED_TOTAL);
  if (total !== undefined) samples.push(`${base}/jdop_front/interfaces/cata_${encodeURIComponent(total)}/get_total.do?appsecret=${secret}`);
  return samples;
}
