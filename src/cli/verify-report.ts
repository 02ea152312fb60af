import { mask } from '../ids/index.js';
import type { Verdict } from '../verify/index.js';
import { csvLine } from './csv-line.js';

const COLUMNS = ['row', 'number', 'holder', 'activity', 'status', 'reasons', 'license_holder', 'license_status', 'valid_to', 'warnings', 'error'] as const;

/** A verdict as one report entry; a person's name is masked, like the verdict's own licence holder. */
function entry(verdict: Verdict, row: number, personal: boolean): Record<(typeof COLUMNS)[number], string | number> {
  const holder = verdict.item.holder ?? '';
  return {
    row,
    number: verdict.item.number,
    holder: personal && holder ? mask.name(holder) : holder,
    activity: verdict.item.activity ?? '',
    status: verdict.status,
    reasons: verdict.reasons.join(';'),
    license_holder: verdict.license?.holder ?? '',
    license_status: verdict.license?.status ?? '',
    valid_to: verdict.license?.validTo ?? '',
    warnings: verdict.warnings.join(';'),
    error: verdict.error?.message ?? '',
  };
}

/** The report as CSV (one line per item, in input order, `row` counting data rows from 1) or as a JSON array. */
export function formatReport(verdicts: readonly Verdict[], format: 'csv' | 'json', personal: boolean): string {
  const entries = verdicts.map((verdict, index) => entry(verdict, index + 1, personal));
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  return `${[csvLine(COLUMNS), ...entries.map((item) => csvLine(COLUMNS.map((column) => item[column])))].join('\n')}\n`;
}
