export { opendatasoftFlavor } from './opendatasoft-flavor.js';
