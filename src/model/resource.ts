import { z } from 'zod';

/** A file or API endpoint of a dataset, the same shape on every portal. */
export const ResourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Upper-case format as the portal names it: `CSV`, `JSON`, `XLSX`, `API`, … */
  format: z.string(),
  url: z.string().nullable(),
  /** Whether records can be queried through the portal's API (CKAN DataStore, a zhejiang interface). */
  queryable: z.boolean(),
  size: z.number().nullable(),
  hash: z.string().nullable(),
  updatedAt: z.date().nullable(),
});

export type Resource = z.infer<typeof ResourceSchema>;
