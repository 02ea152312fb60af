import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { datasetFile, serveFile, type ServedFileFormat } from '../../files/index.js';
import { ckanFileSource } from './ckan-file-table.js';
import { notFoundPage } from './ckan-responses.js';
import { fileResources } from './file-resources.js';
import { isPrivate, resourceId } from './package-dict.js';

function formatOf(context: SandboxContext, state: DatasetState, id: string): ServedFileFormat | undefined {
  if (resourceId(context.seed, state.id) === id) return 'csv';
  return fileResources(state, context.seed).find((resource) => resource.id === id)?.format;
}

/**
 * The file behind a resource's `url`: the DataStore resource as a UTF-8 CSV, the file resources
 * as GBK CSV, JSON or XLSX, generated as they stream so a 1M-row download never sits in memory,
 * with validators and byte ranges. Private files hide behind a 404, as CKAN hides them.
 */
export async function resourceDownload(request: Request, context: SandboxContext, slug: string, id: string, authorized: boolean): Promise<Response> {
  const state = context.datasets.get(slug);
  if (!state || (isPrivate(state.definition) && !authorized)) return notFoundPage();
  const format = formatOf(context, state, id);
  if (!format) return notFoundPage();
  const file = await datasetFile(ckanFileSource(state), format);
  return file === 'too-large' ? notFoundPage() : serveFile(request, file);
}
