import type { Datasets } from '../datasets.js';
import type { EngineContext } from '../engine-context.js';
import { LicenseVerifier } from './license-verifier.js';
import type { VerifierOptions } from './verifier-options.js';

/** `client.licenses`: verification of licences and certificates against open registries. */
export class Licenses {
  constructor(
    private readonly context: EngineContext,
    private readonly datasets: Datasets,
  ) {}

  /**
   * A verifier for one kind of licence against one registry dataset.
   *
   * @example
   * const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
   * const verdict = await verifier.verify({ number: 'JY23302030012343', holder: '宁波某某餐饮有限公司', activity: '热食类食品制售' });
   */
  verifier(options: VerifierOptions): LicenseVerifier {
    return new LicenseVerifier(this.context, this.datasets, options);
  }
}
