import { describe, expect, it } from 'vitest';
import { spdxOf, ZHEJIANG_DATA_USE } from '../../src/terms/index.js';

describe('license normalisation', () => {
  it.each([
    ['cc-by', 'CC-BY-4.0'],
    ['CC BY 4.0', 'CC-BY-4.0'],
    ['cc-by-sa', 'CC-BY-SA-4.0'],
    ['cc-zero', 'CC0-1.0'],
    ['odc-odbl', 'ODbL-1.0'],
    ['odc-by', 'ODC-By-1.0'],
    ['odc-pddl', 'PDDL-1.0'],
    ['uk-ogl', 'OGL-UK-3.0'],
    ['Licence Ouverte / Open Licence 2.0', 'etalab-2.0'],
    ['浙江省公共数据开放平台数据使用协议', ZHEJIANG_DATA_USE],
  ])('maps %s to %s', (input, spdx) => expect(spdxOf(input)).toBe(spdx));

  it('leaves an unknown license without an SPDX id', () => expect(spdxOf('Restricted use')).toBeUndefined());
});
