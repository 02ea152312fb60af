import { writeFile } from 'node:fs/promises';
import { licenseKinds, type LicenseKind, type VerdictStatus, type VerifierMode } from '../../verify/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { OptionReader } from '../option-values.js';
import { connectionOptions, withPortal } from '../portal-connection.js';
import { formatTable } from '../text-table.js';
import { readVerifyInput } from '../verify-input.js';
import { formatReport } from '../verify-report.js';

const MODES = ['auto', 'remote', 'snapshot'] as const satisfies readonly VerifierMode[];
// Keys of a Record over VerdictStatus: a new status does not compile until the summary lists it.
const STATUSES = Object.keys({
  valid: 0,
  expired: 0,
  not_yet_valid: 0,
  revoked: 0,
  not_found: 0,
  invalid_format: 0,
  holder_mismatch: 0,
  out_of_scope: 0,
  unknown: 0,
} satisfies Record<VerdictStatus, 0>) as VerdictStatus[];

/** `kaifang verify <file>`: verifies every licence listed in a file against a registry dataset. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Verify a file of licences against a registry dataset; write a report',
  arguments: '<file>',
  maxPositionals: 1,
  description: [
    'Reads the items to verify from a CSV file (or JSON, JSON Lines, XLSX, told by the extension):',
    'the licence number, and optionally the holder and the activity, from columns found by common',
    'names (number, license_no, XKZBH, 许可证编号, holder, name, 经营者名称, …) or named by the',
    'options. Each is checked against the dataset: valid, expired, not_yet_valid, revoked,',
    'not_found, invalid_format, holder_mismatch, out_of_scope, or unknown (the source could not be',
    'reached: never counted against the holder). Prints a count per status; --report writes one',
    'line per item (CSV, or JSON for a .json file). Names of people are masked throughout.',
    '',
    'Exit code: 0 when the verification ran, whatever the verdicts; with --fail-on, 1 when any',
    'verdict has one of the listed statuses (invalid = any status but valid).',
  ].join('\n'),
  options: {
    kind: { type: 'string', value: '<kind>', description: `What is verified: ${licenseKinds.join(', ')}`, default: 'food-business' },
    dataset: { type: 'string', short: 'd', value: '<id>', description: 'The registry dataset (required), e.g. nb-food-licenses' },
    report: { type: 'string', short: 'r', value: '<file>', description: 'Write a report: JSON for a .json file, else CSV' },
    'number-column': { type: 'string', value: '<column>', description: 'Input column of the licence number' },
    'holder-column': { type: 'string', value: '<column>', description: 'Input column of the holder\'s name' },
    'activity-column': { type: 'string', value: '<column>', description: 'Input column of the activity to check against the scope' },
    activity: { type: 'string', value: '<text>', description: 'The activity to check for every item, e.g. 热食类食品制售' },
    mode: { type: 'string', value: '<mode>', description: 'auto, remote (ask per item) or snapshot (a local index)', default: 'auto' },
    'fail-on': { type: 'string', value: '<statuses>', description: 'Exit 1 when any verdict has one of these statuses (comma-separated), or invalid' },
    concurrency: { type: 'string', value: '<n>', description: 'Remote verifications in flight', default: '8' },
    ...connectionOptions,
  },
  examples: [
    'kaifang verify merchants.csv --kind food-business --dataset nb-food-licenses --sandbox',
    'kaifang verify merchants.csv --dataset nb-food-licenses --activity 热食类食品制售 --report report.csv --fail-on invalid --sandbox',
  ],

  run(context) {
    const options = new OptionReader(context.values, 'verify');
    const file = context.positionals[0];
    if (file === undefined) throw options.error('which file? Pass a CSV of licences, e.g. kaifang verify merchants.csv --dataset nb-food-licenses');
    const kind: LicenseKind = options.choice('kind', licenseKinds, 'food-business');
    const dataset = options.string('dataset');
    if (dataset === undefined) throw options.error('--dataset is required: the registry to verify against, e.g. nb-food-licenses');
    const mode = options.choice('mode', MODES, 'auto');
    const concurrency = options.integer('concurrency', 8, 1, 256);
    const report = options.string('report');
    const activity = options.string('activity');
    const failOn = parseFailOn(options.string('fail-on'), options);
    const columns = {
      number: options.string('number-column'),
      holder: options.string('holder-column'),
      activity: options.string('activity-column'),
    };
    if (activity !== undefined && columns.activity !== undefined) throw options.error('--activity and --activity-column contradict each other: give one');
    const personal = kind === 'medical-practitioner' || kind === 'nurse';

    return withPortal(context, 'verify', async ({ client, label }, io) => {
      const { signal } = context;
      const input = await readVerifyInput(file, columns, activity, signal);
      const verifier = client.licenses.verifier({ kind, dataset, mode });
      let verdicts;
      try {
        verdicts = await verifier.verifyMany(input.items, { concurrency, signal });
      } catch (error) {
        if (signal.aborted) return ExitCode.interrupted;
        throw error;
      }
      if (signal.aborted) return ExitCode.interrupted;
      if (report !== undefined) await writeFile(report, formatReport(verdicts, report.toLowerCase().endsWith('.json') ? 'json' : 'csv', personal));

      const counts = new Map<VerdictStatus, number>();
      for (const verdict of verdicts) counts.set(verdict.status, (counts.get(verdict.status) ?? 0) + 1);
      const used = verdicts[0]?.source.mode;
      io.out(`Verified ${verdicts.length.toLocaleString('en-US')} ${kind} items from ${file} against ${dataset} (${label}${used ? `, ${used}` : ''}):`);
      const rows = STATUSES.filter((status) => counts.has(status)).map((status) => [status, (counts.get(status) ?? 0).toLocaleString('en-US')]);
      if (rows.length) for (const line of formatTable(['status', 'items'], rows).slice(1)) io.out(line);
      if (report !== undefined) io.out(`Report: ${report}`);
      const failing = verdicts.filter((verdict) => failOn(verdict.status)).length;
      if (failing) {
        io.err(`${failing.toLocaleString('en-US')} ${failing === 1 ? 'item has' : 'items have'} a status named by --fail-on.`);
        return ExitCode.failure;
      }
      return ExitCode.ok;
    });
  },
};

/** `--fail-on` as a test of a status: `invalid` means anything but valid. */
function parseFailOn(value: string | undefined, options: OptionReader): (status: VerdictStatus) => boolean {
  if (value === undefined) return () => false;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const wanted = new Set<string>();
  for (const name of names) {
    if (name !== 'invalid' && !(STATUSES as string[]).includes(name)) throw options.error(`--fail-on takes invalid or statuses among ${STATUSES.join(', ')}, got '${name}'`);
    wanted.add(name);
  }
  if (!wanted.size) throw options.error('--fail-on needs a status');
  return (status) => wanted.has(status) || (wanted.has('invalid') && status !== 'valid');
}
