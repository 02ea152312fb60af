import { certificate, foodLicense, uscc } from '../ids/index.js';
import type { LicenseKind } from './license-kind.js';

/** The offline format check of a kind's number: a reason when it cannot be a real number, and warnings. */
export function checkNumberFormat(kind: LicenseKind, value: string): { ok: true; value: string; warnings: string[] } | { ok: false; reason: string } {
  switch (kind) {
    case 'business': {
      const result = uscc.validate(value);
      return result.valid ? { ok: true, value: result.value, warnings: [...result.warnings] } : { ok: false, reason: `uscc: ${result.reason}` };
    }
    case 'food-business':
    case 'food-production': {
      const result = foodLicense.validate(value);
      if (!result.valid) return { ok: false, reason: `food licence: ${result.reason}` };
      if (result.kind !== kind) return { ok: false, reason: `food licence: a ${result.kind} number (${result.value.slice(0, 2)}) where a ${kind} one was expected` };
      return { ok: true, value: result.value, warnings: [...result.warnings] };
    }
    case 'medical-practitioner':
    case 'nurse': {
      const result = certificate.validate(value, kind);
      return result.valid ? { ok: true, value: result.value, warnings: [...result.warnings] } : { ok: false, reason: `certificate: ${result.reason}` };
    }
  }
}
