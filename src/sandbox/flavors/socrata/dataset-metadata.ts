import type { DatasetState } from '../../dataset-state.js';
import { fourByFour } from './four-by-four.js';
import { isPublic } from './dataset-lookup.js';
import { sodaColumns, type SodaType } from './soda-columns.js';

/** A dataset's license as Socrata names it: open data under CC BY 4.0, the rest under terms of use. */
export function licenseOf(state: DatasetState): { readonly id: string; readonly name: string; readonly termsLink: string } {
  return isPublic(state)
    ? { id: 'CC_BY_4.0', name: 'Creative Commons Attribution 4.0 International', termsLink: 'https://creativecommons.org/licenses/by/4.0/legalcode' }
    : { id: 'SEE_TERMS_OF_USE', name: 'See Terms of Use', termsLink: '' };
}

/** The dataset's page, under its 4x4 as on real sites. */
export function permalink(origin: string, seed: number, state: DatasetState): string {
  return `${origin}/d/${fourByFour(seed, state.id)}`;
}

/** The release day at midnight UTC. */
export function createdAt(state: DatasetState): Date {
  return new Date(`${state.definition.releasedOn}T00:00:00Z`);
}

/** Discovery writes column types capitalised and spaced (`Calendar date`). */
export function discoveryType(type: SodaType): string {
  const spaced = type.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** `GET /api/views/{id}.json`: a view's metadata, times in epoch seconds. */
export function viewMetadata(state: DatasetState, seed: number): Record<string, unknown> {
  const definition = state.definition;
  const license = licenseOf(state);
  const updated = Math.floor(state.updatedAt.getTime() / 1000);
  const created = Math.floor(createdAt(state).getTime() / 1000);
  return {
    id: definition.id,
    name: definition.title,
    assetType: 'dataset',
    attribution: definition.publisher,
    averageRating: 0,
    category: definition.theme,
    createdAt: created,
    description: definition.description,
    displayType: 'table',
    downloadCount: 0,
    hideFromCatalog: false,
    hideFromDataJson: false,
    indexUpdatedAt: updated,
    licenseId: license.id,
    license: { name: license.name, termsLink: license.termsLink },
    newBackend: true,
    numberOfComments: 0,
    oid: 0,
    provenance: 'official',
    publicationAppendEnabled: false,
    publicationDate: created,
    publicationGroup: 0,
    publicationStage: 'published',
    rowClass: '',
    rowsUpdatedAt: updated,
    rowsUpdatedBy: 'kfsb-0001',
    tableId: 0,
    totalTimesRated: 0,
    viewCount: 0,
    viewLastModified: updated,
    viewType: 'tabular',
    columns: sodaColumns(definition).map((column, position) => ({
      id: position + 1,
      name: column.label,
      dataTypeName: column.type,
      // Socrata leaves `description` out of a column nobody described.
      fieldName: column.fieldName,
      position: position + 1,
      renderTypeName: column.type,
      tableColumnId: position + 1,
      format: {},
    })),
    grants: isPublic(state) ? [{ inherited: false, type: 'viewer', flags: ['public'] }] : [],
    metadata: {
      custom_fields: { 'Dataset Information': { 'Update Frequency': definition.updateFrequency, 'Alias': fourByFour(seed, definition.id) } },
      availableDisplayTypes: ['table', 'fatrow', 'page'],
      rdfSubject: '0',
      rdfClass: '',
      rowIdentifier: '0',
    },
    owner: { id: 'kfsb-0001', displayName: definition.publisher, screenName: definition.publisher, type: 'interactive' },
    query: {},
    rights: ['read'],
    tableAuthor: { id: 'kfsb-0001', displayName: definition.publisher, screenName: definition.publisher, type: 'interactive' },
    tags: [...definition.tags],
    flags: ['default', 'restorable', 'restorePossibleForType'],
  };
}
