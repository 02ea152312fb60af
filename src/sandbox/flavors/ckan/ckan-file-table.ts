import { mask } from '../../../ids/index.js';
import type { DatasetState } from '../../dataset-state.js';
import type { DatasetFileSource } from '../../files/index.js';

/** A dataset as the CKAN flavor's files show it: English column names, personal data masked. */
export function ckanFileSource(state: DatasetState): DatasetFileSource {
  const columns = state.definition.columns;
  return {
    owner: state,
    id: state.id,
    updatedAt: state.updatedAt,
    table: {
      columns: columns.map((column) => column.name),
      count: state.count,
      row(position) {
        const row = state.rowAt(position);
        if (!row) return undefined;
        return columns.map((column) => {
          const value = row[column.name];
          if (value === undefined || value === null) return '';
          const text = String(value);
          return column.masked ? mask[column.masked](text) : text;
        });
      },
    },
  };
}
