export { ckanFlavor } from './ckan-flavor.js';
