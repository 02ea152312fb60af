import { CkanActionError } from './action-error.js';
import type { ActionRequest } from './action-request.js';
import { isPrivate } from './package-dict.js';
import { readNaturalNumber, readString } from './param-validators.js';

/** The CKAN release the sandbox imitates, as `status_show` reports it. */
export const CKAN_VERSION = '2.11.3';

/** `status_show`: the site's version and enabled plugins. */
export function statusShow(request: ActionRequest): unknown {
  return {
    ckan_version: CKAN_VERSION,
    site_url: request.origin,
    site_description: 'kaifang sandbox: a local CKAN portal with seeded open data',
    site_title: 'kaifang sandbox',
    error_emails_to: null,
    locale_default: 'zh_Hans_CN',
    extensions: ['datastore', 'datapusher', 'activity'],
  };
}

/** `site_read`: always allowed on a public site. */
export function siteRead(): unknown {
  return true;
}

/** `package_list`: names of the public datasets, sorted, with `limit`/`offset`. */
export function packageList(request: ActionRequest): unknown {
  const names = [...request.context.datasets.values()]
    .filter((state) => !isPrivate(state.definition))
    .map((state) => state.id)
    .sort();
  const offset = readNaturalNumber(request.params, 'offset', 0);
  const limit = request.params['limit'] === undefined ? names.length : readNaturalNumber(request.params, 'limit', names.length);
  return names.slice(offset, offset + limit);
}

/** Short docstrings of the actions the sandbox serves, for `help_show`. */
export const ACTION_HELP: Readonly<Record<string, string>> = {
  package_search:
    'Search for packages satisfying given search criteria.\n\n:param q: the solr query (default "*:*")\n:param fq: any filter queries to apply\n' +
    ':param sort: sorting of the search results (default "score desc, metadata_modified desc")\n' +
    ':param rows: the maximum number of matching rows to return (default 10, at most 1000)\n:param start: the offset in the complete result\n' +
    ':param include_private: include private datasets the user may read (default false)\n',
  package_show: 'Return the metadata of a dataset (package) and its resources.\n\n:param id: the id or name of the dataset\n',
  package_list: 'Return a list of the names of the site\'s datasets (packages).\n\n:param limit: (optional)\n:param offset: (optional)\n',
  resource_show: 'Return the metadata of a resource.\n\n:param id: the id of the resource\n',
  datastore_search:
    'Search a DataStore resource.\n\n:param resource_id: id or alias of the resource\n:param filters: JSON object of column: value (or list of values)\n' +
    ':param q: full text query, or JSON object of column: text\n:param fields: fields to return (comma separated)\n' +
    ':param sort: comma separated field names with ordering, e.g. "fieldname1, fieldname2 desc"\n' +
    ':param limit: maximum number of rows to return (default 100, at most 32000)\n:param offset: offset this number of rows\n' +
    ':param include_total: return the total number of matching rows (default true)\n' +
    ':param after: with sort "_id", start after this _id (what `_links.next_page` uses)\n',
  status_show: 'Return a dictionary with information about the site\'s configuration.\n',
  help_show: 'Return the help string for a particular API action.\n\n:param name: action function name\n',
  site_read: 'Return True.\n',
};

/** `help_show(name)`: an action's docstring. */
export function helpShow(request: ActionRequest): unknown {
  const name = readString(request.params, 'name');
  if (!name) throw CkanActionError.validation({ name: 'Missing value' });
  if (!Object.hasOwn(ACTION_HELP, name)) throw CkanActionError.notFound('Action function not found');
  return ACTION_HELP[name];
}
