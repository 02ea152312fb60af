import { ArgumentError, UnsupportedError } from '../../errors/index.js';
import { chooseFileFormat } from '../../files/file-format.js';
import type { Dataset } from '../../model/dataset.js';
import type { Resource } from '../../model/resource.js';
import type { FileSelection } from '../portal-adapter.js';

const normal = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();

/** Whether a resource's file is one the readers know (by declared format, else URL). */
function readable(resource: Resource): boolean {
  return resource.url !== null && chooseFileFormat({ resourceFormat: resource.format, url: resource.url }) !== undefined;
}

/**
 * The resource a file read or download means: the one named by id or name; else the first of
 * the asked `format`; else the first file without a DataStore whose format the readers know.
 */
export function chooseFileResource(dataset: Dataset, selection: FileSelection): Resource {
  const list = () => dataset.resources.map((item) => `${item.id} "${item.name}" [${item.format}]`).join(', ') || 'none';
  let resource: Resource | undefined;
  if (selection.resource !== undefined) {
    resource = dataset.resources.find((item) => item.id === selection.resource) ?? dataset.resources.find((item) => item.name === selection.resource);
    if (!resource) throw new ArgumentError(`${dataset.name} has no resource "${selection.resource}" (resources: ${list()})`);
  } else if (selection.format !== undefined) {
    const wanted = chooseFileFormat({ resourceFormat: selection.format });
    resource = dataset.resources.find((item) => normal(item.format) === normal(selection.format)) ??
      dataset.resources.find((item) => wanted !== undefined && item.url !== null && chooseFileFormat({ resourceFormat: item.format, url: item.url }) === wanted);
    if (!resource) throw new ArgumentError(`${dataset.name} has no ${selection.format} resource (resources: ${list()})`);
  } else {
    resource = dataset.resources.find((item) => !item.queryable && readable(item)) ?? dataset.resources.find(readable);
    if (!resource) throw new UnsupportedError(`${dataset.name} has no file resource in a readable format (resources: ${list()})`);
  }
  if (!resource.url) throw new UnsupportedError(`resource ${resource.id} of ${dataset.name} has no URL to download`);
  return resource;
}
