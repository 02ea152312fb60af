import type { License } from '../model/dataset.js';

/** A license as `terms()` shows it: the portal's id, title and URL, and the SPDX id when known. */
export interface NormalizedLicense {
  readonly id: string | null;
  readonly title: string | null;
  readonly url: string | null;
  /** SPDX identifier (`CC-BY-4.0`, `ODbL-1.0`, …) or a `LicenseRef-` for a named custom license. */
  readonly spdx?: string;
}

/**
 * The zhejiang platform's data-use agreement (浙江省公共数据开放平台数据使用协议) is no open
 * license: it is kept as this named custom license.
 */
export const ZHEJIANG_DATA_USE = 'LicenseRef-zhejiang-data-use';

// Keys are lowercased with spaces, dots and underscores turned into hyphens.
const SPDX: Readonly<Record<string, string>> = {
  'cc-by': 'CC-BY-4.0',
  'cc-by-4-0': 'CC-BY-4.0',
  'cc-by-4': 'CC-BY-4.0',
  'creative-commons-attribution': 'CC-BY-4.0',
  'creative-commons-attribution-4-0': 'CC-BY-4.0',
  'cc-by-sa': 'CC-BY-SA-4.0',
  'cc-by-sa-4-0': 'CC-BY-SA-4.0',
  'cc-zero': 'CC0-1.0',
  cc0: 'CC0-1.0',
  'cc0-1-0': 'CC0-1.0',
  'cc-0': 'CC0-1.0',
  'odc-odbl': 'ODbL-1.0',
  odbl: 'ODbL-1.0',
  'odbl-1-0': 'ODbL-1.0',
  'open-database-license': 'ODbL-1.0',
  'open-database-license-(odbl)': 'ODbL-1.0',
  'odc-by': 'ODC-By-1.0',
  'odc-by-1-0': 'ODC-By-1.0',
  'odc-pddl': 'PDDL-1.0',
  pddl: 'PDDL-1.0',
  'pddl-1-0': 'PDDL-1.0',
  'uk-ogl': 'OGL-UK-3.0',
  'ogl-uk-3-0': 'OGL-UK-3.0',
  'open-government-licence-v3-0': 'OGL-UK-3.0',
  'open-government-licence': 'OGL-UK-3.0',
  'licence-ouverte-/-open-licence-2-0': 'etalab-2.0',
  'licence-ouverte-v2-0': 'etalab-2.0',
  'etalab-2-0': 'etalab-2.0',
  'open-licence-2-0': 'etalab-2.0',
};

const keyOf = (text: string): string => text.trim().toLowerCase().replace(/[\s._]+/g, '-').replace(/-+/g, '-');

/** SPDX id of a license id or title as portals write them (`cc-by`, `CC BY 4.0`, `odc-odbl`, …). */
export function spdxOf(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  if (/浙江省?公共数据.*(使用|开放)协议/.test(text)) return ZHEJIANG_DATA_USE;
  return SPDX[keyOf(text)] ?? Object.values(SPDX).find((spdx) => spdx.toLowerCase() === text.trim().toLowerCase());
}

/** Adds the SPDX id to a dataset's license, from its id first and then its title. */
export function normalizeLicense(license: License): NormalizedLicense {
  const spdx = spdxOf(license.id) ?? spdxOf(license.title);
  return spdx === undefined ? { ...license } : { ...license, spdx };
}
