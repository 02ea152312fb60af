/**
 * A small udata site in memory, for running the udata example with no network: three datasets,
 * one of them with a CSV resource whose 45 rows the tabular API serves. Its answers follow
 * data.gouv.fr's: `{ data, page, page_size, total }` catalogue pages, `null` for absent values,
 * `{ data, links: { next }, meta: { page, page_size, total } }` row pages with an `__id` per row.
 */
const ARRONDISSEMENTS = ['75001', '75004', '75011', '75015', '75020'];
const TYPES = ['arceaux', 'consignes', 'mixte'];

const rows = Array.from({ length: 45 }, (_, index) => ({
  __id: index + 1,
  id_station: `VL-${String(1000 + index)}`,
  arrondissement: ARRONDISSEMENTS[index % ARRONDISSEMENTS.length] as string,
  type: TYPES[index % TYPES.length] as string,
  capacite: 4 + ((index * 7) % 17),
}));

const organization = { id: '534fff91a3a7292c64a77f53', name: 'Ville de Paris', slug: 'ville-de-paris' };

/** What the fake reads of a dataset; the rest of each entry is served as written. */
type FakeDataset = Record<string, unknown> & {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly resources: readonly (Record<string, unknown> & { readonly id: string })[];
};

const datasets: FakeDataset[] = [
  {
    id: '5b3d2c4c88ee385e8f6c1a01',
    slug: 'stationnement-velo-paris',
    title: 'Stationnement vélo à Paris',
    description: 'Emplacements de stationnement vélo sur la voie publique.',
    organization,
    tags: ['velo', 'mobilite'],
    license: 'odc-odbl',
    frequency: 'monthly',
    private: false,
    created_at: '2018-07-04T10:12:28.193000+00:00',
    last_modified: '2026-11-02T08:30:00.000000+00:00',
    resources: [
      {
        id: '9d1e3c6a-4a3b-4f0e-9a51-2f4f0d0b7a11',
        title: 'stationnement-velo.csv',
        format: 'csv',
        url: 'https://example.invalid/stationnement-velo.csv',
        filesize: 2310,
        checksum: { type: 'sha1', value: '1f0e3dad99908345f7439f8ffabdffc4a4ad7c9b' },
        last_modified: '2026-11-02T08:30:00.000000+00:00',
      },
    ],
  },
  {
    id: '5c1a7b2d8b4c4172a1e0c2b2',
    slug: 'jardins-partages',
    title: 'Jardins partagés',
    description: null,
    organization,
    tags: [],
    license: 'lov2',
    frequency: null,
    private: false,
    created_at: '2019-03-11T09:00:00.000000+00:00',
    last_modified: '2025-06-20T14:00:00.000000+00:00',
    resources: [{ id: 'c7a2e1f0-1b2c-4d5e-8f90-123456789abc', title: 'Carte des jardins', format: 'pdf', url: null, filesize: null, checksum: null, last_modified: null }],
  },
  {
    id: '6a0b9c8d7e6f5a4b3c2d1e0f',
    slug: 'budget-participatif',
    title: 'Budget participatif : projets lauréats',
    description: 'Projets lauréats par édition.',
    organization: null,
    tags: ['budget'],
    license: null,
    frequency: 'annual',
    private: false,
    created_at: '2020-01-15T00:00:00.000000+00:00',
    last_modified: '2026-01-10T00:00:00.000000+00:00',
    resources: [],
  },
];

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function catalog(url: URL): Response {
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('page_size') ?? 20);
  const q = url.searchParams.get('q')?.toLowerCase();
  const tag = url.searchParams.get('tag');
  const matching = datasets.filter((dataset) => (!q || dataset.title.toLowerCase().includes(q)) && (!tag || dataset.tags.includes(tag)));
  const data = matching.slice((page - 1) * pageSize, page * pageSize);
  const next = page * pageSize < matching.length ? new URL(`?page=${page + 1}&page_size=${pageSize}`, url).href : null;
  return json({ data, page, page_size: pageSize, total: matching.length, next_page: next, previous_page: null });
}

function tabular(url: URL, resourceId: string): Response {
  if (resourceId !== datasets[0]?.resources[0]?.id) return json({ errors: [{ code: null, message: 'Resource not found' }] }, 404);
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('page_size') ?? 20);
  if (!(pageSize >= 1 && pageSize <= 200)) return json({ errors: [{ code: null, message: 'Page size exceeds allowed maximum: 200' }] }, 400);
  let selected = rows.slice();
  for (const [name, value] of url.searchParams) {
    const exact = /^(.+)__exact$/.exec(name);
    if (exact) selected = selected.filter((row) => String(row[exact[1] as keyof typeof row]) === value);
    const sort = /^(.+)__sort$/.exec(name);
    if (sort) {
      const column = sort[1] as keyof (typeof rows)[number];
      const direction = value === 'desc' ? -1 : 1;
      selected.sort((a, b) => (a[column] < b[column] ? -direction : a[column] > b[column] ? direction : 0));
    }
  }
  const data = selected.slice((page - 1) * pageSize, page * pageSize);
  const nextUrl = new URL(url);
  nextUrl.searchParams.set('page', String(page + 1));
  const next = page * pageSize < selected.length ? nextUrl.href : null;
  return json({ data, links: { profile: null, swagger: null, next, prev: null }, meta: { page, page_size: pageSize, total: selected.length } });
}

/** Answers like a udata site and its tabular API: a fetch for `createClient({ fetch })`. */
export async function fakeUdataFetch(input: Request): Promise<Response> {
  const url = new URL(input.url);
  if (url.pathname === '/api/1/datasets/') return catalog(url);
  const dataset = /^\/api\/1\/datasets\/([^/]+)\/$/.exec(url.pathname);
  if (dataset) {
    const id = decodeURIComponent(dataset[1] as string);
    const found = datasets.find((item) => item.id === id || item.slug === id);
    return found ? json(found) : json({ message: 'Not found' }, 404);
  }
  const data = /^\/api\/resources\/([^/]+)\/data\/$/.exec(url.pathname);
  if (data) return tabular(url, decodeURIComponent(data[1] as string));
  return new Response('<!doctype html><title>404</title>', { status: 404, headers: { 'content-type': 'text/html' } });
}
