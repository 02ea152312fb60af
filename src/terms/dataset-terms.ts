import type { Dataset, OpenClass } from '../model/dataset.js';
import { normalizeLicense, ZHEJIANG_DATA_USE, type NormalizedLicense } from './normalize-license.js';

/** What `datasets.terms(id)` resolves to: may this be used, and how must it be credited. */
export interface DatasetTerms {
  readonly openClass: OpenClass;
  readonly license: NormalizedLicense;
  /** Credit line to show with the data: publisher, title, portal. */
  readonly attribution: string;
  /** Conditions to respect, in plain words. */
  readonly restrictions: string[];
}

const SHARE_ALIKE = new Set(['CC-BY-SA-4.0', 'ODbL-1.0']);

/** The terms of use of a dataset, from its catalogue entry. */
export function datasetTerms(dataset: Dataset): DatasetTerms {
  const license = normalizeLicense(dataset.license);
  const publisher = dataset.publisher?.name ?? 'unknown publisher';
  const attribution = `${publisher}: ${dataset.title} (${dataset.portal.baseUrl}, ${dataset.id})${license.spdx && !license.spdx.startsWith('LicenseRef-') ? `, ${license.spdx}` : ''}`;
  const restrictions: string[] = [];
  if (dataset.openClass === 'forbidden') restrictions.push('Forbidden public data (禁止开放): never served.');
  if (dataset.openClass === 'restricted') restrictions.push('Restricted public data (受限开放): needs an approved data-use application, limited to its applicant, fields, purpose, app and period.');
  if (license.spdx === ZHEJIANG_DATA_USE) restrictions.push('Zhejiang platform data-use agreement: no resale, no re-identification or mining of personal information, credit the source.');
  if (license.spdx && SHARE_ALIKE.has(license.spdx)) restrictions.push('Share-alike: adapted data must be shared under the same license.');
  if (!license.spdx && !license.id && !license.title) restrictions.push('No license stated: ask the publisher before reuse.');
  if (dataset.fields.some((field) => /姓名|^xm$/i.test(field.label ?? field.name) || /^xm$/i.test(field.name))) restrictions.push('Holds personal names: personal information law (PIPL) applies; keep them masked.');
  return { openClass: dataset.openClass, license, attribution, restrictions };
}
