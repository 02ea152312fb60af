export { createSocrataFlavor, socrataFlavor } from './socrata-flavor.js';
export { defaultSocrataRules, type SocrataRules } from './socrata-rules.js';
export { fourByFour } from './four-by-four.js';
