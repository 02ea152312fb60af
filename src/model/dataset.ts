import { z } from 'zod';
import { ResourceSchema } from './resource.js';

/** The portal families kaifang ships adapters for. */
export const portalFamilies = ['zhejiang', 'ckan', 'socrata', 'opendatasoft'] as const;
export type BuiltInPortalFamily = (typeof portalFamilies)[number];
/**
 * A portal family: one kaifang ships, or the name an adapter of your own gives itself (see
 * `kaifang/adapter`). The `string & {}` keeps the built-in names offered by editors.
 */
export type PortalFamily = BuiltInPortalFamily | (string & {});

/** The open classes of public data: 无条件开放, 受限开放, 禁止开放, or not stated by the portal. */
export const OpenClassSchema = z.enum(['unconditional', 'restricted', 'forbidden', 'unknown']);
export type OpenClass = z.infer<typeof OpenClassSchema>;

export const LicenseSchema = z.object({
  id: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
});
export type License = z.infer<typeof LicenseSchema>;

export const PublisherSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
});
export type Publisher = z.infer<typeof PublisherSchema>;

/** A column as the portal declares it: its name in rows, a human label and the portal's type name. */
export const FieldSchema = z.object({
  name: z.string(),
  label: z.string().nullable(),
  type: z.string().nullable(),
});
export type Field = z.infer<typeof FieldSchema>;

/** One dataset of any portal, normalised. `raw` keeps the portal's own answer for anything not mapped. */
export const DatasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  publisher: PublisherSchema.nullable(),
  themes: z.array(z.string()),
  tags: z.array(z.string()),
  openClass: OpenClassSchema,
  license: LicenseSchema,
  formats: z.array(z.string()),
  fields: z.array(FieldSchema),
  createdAt: z.date().nullable(),
  updatedAt: z.date().nullable(),
  updateFrequency: z.string().optional(),
  recordCount: z.number().optional(),
  resources: z.array(ResourceSchema),
  portal: z.object({ family: z.string().min(1) as z.ZodType<PortalFamily>, baseUrl: z.string() }),
  raw: z.unknown(),
});

export type Dataset = z.infer<typeof DatasetSchema>;
