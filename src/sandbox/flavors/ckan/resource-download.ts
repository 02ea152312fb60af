import type { DatasetState } from '../../dataset-state.js';
import { mask } from '../../../ids/index.js';
import type { SandboxContext } from '../../flavor.js';
import { notFoundPage } from './ckan-responses.js';
import { isPrivate, resourceId } from './package-dict.js';

const CHUNK_ROWS = 1000;

/**
 * The file behind a resource's `url`: the dataset as CSV, streamed in chunks so a 1M-row
 * download never sits in memory. Private files are hidden behind a 404, as CKAN hides them.
 */
export function resourceDownload(context: SandboxContext, slug: string, id: string, authorized: boolean): Response {
  const state = context.datasets.get(slug);
  if (!state || resourceId(context.seed, slug) !== id || (isPrivate(state.definition) && !authorized)) return notFoundPage();
  const encoder = new TextEncoder();
  let position = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${state.definition.columns.map((column) => csvCell(column.name)).join(',')}\r\n`));
    },
    pull(controller) {
      const end = Math.min(position + CHUNK_ROWS, state.count);
      let text = '';
      for (; position < end; position++) text += csvLine(state, position);
      if (text) controller.enqueue(encoder.encode(text));
      if (position >= state.count) controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}.csv"`,
      'last-modified': state.updatedAt.toUTCString(),
    },
  });
}

function csvLine(state: DatasetState, position: number): string {
  const row = state.rowAt(position);
  if (!row) return '';
  const cells = state.definition.columns.map((column) => {
    const value = row[column.name];
    if (value === undefined || value === null) return '';
    const text = String(value);
    return csvCell(column.masked ? mask[column.masked](text) : text);
  });
  return `${cells.join(',')}\r\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
