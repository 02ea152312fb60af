import { certificate, foodLicense, mask, residentId, uscc } from '../../ids/index.js';
import type { CliIo } from '../cli-io.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { OptionReader } from '../option-values.js';

const KINDS = ['auto', 'uscc', 'resident-id', 'food-license', 'certificate'] as const;
type IdKind = Exclude<(typeof KINDS)[number], 'auto'>;

/** What `kaifang id` found out about a code: printed as text or as `--json`. */
interface Explanation {
  readonly kind: IdKind;
  readonly label: string;
  /** The code as shown: normalised, and masked for a resident ID. */
  readonly shown: string;
  readonly valid: boolean;
  readonly reason?: string;
  readonly warnings: readonly string[];
  readonly parts: readonly (readonly [string, string])[];
  readonly notes: readonly string[];
}

const WARNING_TEXT: Readonly<Record<string, string>> = {
  check_digit: 'the MOD 11,10 check digit does not match; the algorithm is not published for these numbers, so only the registry decides',
  org_code_check: 'the embedded organisation code\'s check character does not match (common in legitimate codes)',
  unknown_authority: 'the registration authority code is not in the published table',
  unknown_type: 'the organisation type code is not in the published table for its authority',
};

/** `kaifang id <code>`: explains an identifier offline. */
export const idCommand: Command = {
  name: 'id',
  summary: 'Explain an identifier offline: USCC, resident ID, food licence, certificate',
  arguments: '<code>',
  maxPositionals: 1,
  description: [
    'Tells what kind of identifier a code is and checks it offline (no network): a unified social',
    'credit code (USCC, GB 32100), a resident ID (GB 11643, 18 or 15 digits), a food business or',
    'production licence (JY…, SC…) or a practitioner or nurse certificate number. Prints its parts',
    'and any warnings. A resident ID is shown masked (330106********1234) and its birth date is not',
    'printed. Exit code: 0 when the code is valid, 1 when it is not (or is no known kind).',
  ].join('\n'),
  options: {
    kind: { type: 'string', value: '<kind>', description: `Skip detection: ${KINDS.slice(1).join(', ')}`, default: 'auto' },
    json: { type: 'boolean', description: 'Print JSON instead of text' },
  },
  examples: ['kaifang id 91330108MA27YJ5H56', 'kaifang id JY13301080111719', 'kaifang id 11010519491231002X --json'],

  async run({ values, positionals, io }) {
    const options = new OptionReader(values, 'id');
    const kind = options.choice('kind', KINDS, 'auto');
    const input = positionals[0];
    if (input === undefined) throw options.error('which code? e.g. kaifang id 91330108MA27YJ5H56');
    const code = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    const explanation = explain(code, kind === 'auto' ? detect(code) : kind);
    if (!explanation) {
      io.out(`${mask.redact(code)}: not a known identifier (USCC and resident IDs have 18 characters, food licences start JY or SC, certificates are 12 or 15 digits)`);
      return ExitCode.failure;
    }
    print(io, explanation, options.flag('json'));
    return explanation.valid ? ExitCode.ok : ExitCode.failure;
  },
};

/** The most likely kind of a normalised code, or `undefined` when it fits none. */
function detect(code: string): IdKind | undefined {
  if (/^(JY|SC)/.test(code)) return 'food-license';
  if (code.length === 18) {
    const person = residentId.validate(code);
    if (person.valid || uscc.validate(code).valid) return person.valid ? 'resident-id' : 'uscc';
    return person.reason === 'check_character' ? 'resident-id' : 'uscc';
  }
  if (/^\d{15}$/.test(code)) return residentId.from15(code) ? 'resident-id' : 'certificate';
  if (/^\d{12}$/.test(code)) return 'certificate';
  return undefined;
}

function explain(code: string, kind: IdKind | undefined): Explanation | undefined {
  switch (kind) {
    case undefined:
      return undefined;
    case 'uscc': {
      const result = uscc.validate(code);
      const base = { kind, label: 'unified social credit code (统一社会信用代码)', shown: code, notes: [] };
      if (!result.valid) return { ...base, valid: false, reason: result.reason, warnings: result.warnings, parts: [] };
      const { authority, type, region, orgCode } = result.parts;
      const parts = [
        ['authority', `${authority.code} ${authority.name ?? '(unknown)'}`],
        ['type', `${type.code} ${type.name ?? '(unknown)'}`],
        ['region', region],
        ['org code', orgCode],
      ] as const;
      return { ...base, valid: true, warnings: result.warnings, parts };
    }
    case 'resident-id': {
      const fifteen = /^\d{15}$/.test(code);
      const full = fifteen ? residentId.from15(code) : code;
      const result = residentId.validate(full ?? code);
      const notes = fifteen ? ['a first-generation 15-digit ID, shown as its 18-digit form', 'a 15-digit number may also be a practitioner or nurse certificate: use --kind certificate'] : [];
      const base = { kind, label: 'resident ID (居民身份证号码)', shown: mask.residentId(full ?? code) || mask.redact(code), notes };
      if (!result.valid) return { ...base, valid: false, reason: full === undefined ? 'birth_date' : result.reason, warnings: result.warnings, parts: [] };
      const parts = [
        ['region', result.parts.region],
        ['birth date', 'a real date (not shown: personal data)'],
        ['sex', result.parts.sex],
      ] as const;
      return { ...base, valid: true, warnings: result.warnings, parts };
    }
    case 'food-license': {
      const result = foodLicense.validate(code);
      const base = { kind, label: 'food licence (食品经营/生产许可证)', shown: code, notes: [] };
      if (!result.valid) return { ...base, valid: false, reason: result.reason, warnings: result.warnings, parts: [] };
      const { category, province, city, county, sequence, checkDigit } = result.parts;
      const parts = [
        ['kind', result.kind],
        ['category', category],
        ['province', province],
        ['city', city],
        ['county', county],
        ['sequence', sequence],
        ['check digit', checkDigit],
      ] as const;
      return { ...base, valid: true, warnings: result.warnings, parts };
    }
    case 'certificate': {
      const practitioner = certificate.validate(code, 'medical-practitioner');
      const result = practitioner.valid ? practitioner : certificate.validate(code, 'nurse');
      const base = { kind, label: 'practitioner or nurse certificate number', shown: code, notes: ['no check character is published: only the registry can confirm the number'] };
      if (!result.valid) return { ...base, valid: false, reason: result.reason, warnings: result.warnings, parts: [] };
      const fits = result.value.length === 15 ? 'medical-practitioner or nurse (15 digits)' : 'nurse (12 digits, older certificates)';
      return { ...base, valid: true, warnings: result.warnings, parts: [['fits', fits]] };
    }
  }
}

function print(io: CliIo, explanation: Explanation, json: boolean): void {
  const { kind, label, shown, valid, reason, warnings, parts, notes } = explanation;
  if (json) {
    io.out(JSON.stringify({ kind, code: shown, valid, ...(reason ? { reason } : {}), warnings, parts: Object.fromEntries(parts), notes }, null, 2));
    return;
  }
  io.out(`${shown}: ${label}, ${valid ? 'valid' : `NOT valid (${reason ?? 'unknown reason'})`}`);
  const width = Math.max(0, ...parts.map(([name]) => name.length));
  for (const [name, value] of parts) io.out(`  ${name.padEnd(width)}  ${value}`);
  for (const warning of warnings) io.out(`warning: ${warning}: ${WARNING_TEXT[warning] ?? 'see the documentation'}`);
  for (const note of notes) io.out(`note: ${note}`);
}
