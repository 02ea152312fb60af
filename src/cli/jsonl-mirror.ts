import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RawRecord } from '../portals/portal-adapter.js';

/** A row's key as the sync engine spells it, so mirror rows and removed keys match. */
export function mirrorKey(row: RawRecord, key: string): string | undefined {
  const value = row[key];
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/**
 * Reads a JSON Lines mirror into rows by key; `undefined` when the file does not exist.
 * @throws {Error} naming the file and line of a line that is not a JSON object with the key.
 */
export async function readMirror(path: string, key: string): Promise<Map<string, RawRecord> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const rows = new Map<string, RawRecord>();
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      row = undefined;
    }
    const rowKey = row && typeof row === 'object' && !Array.isArray(row) ? mirrorKey(row as RawRecord, key) : undefined;
    if (rowKey === undefined) throw new Error(`${path} line ${index + 1} is not a JSON object with a "${key}" value: is it a mirror of this dataset and key? Move it away to start afresh`);
    rows.set(rowKey, row as RawRecord);
  }
  return rows;
}

/** Writes the mirror atomically: a temp file next to it, renamed over it. */
export async function writeMirror(path: string, rows: Iterable<RawRecord>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  const lines: string[] = [];
  for (const row of rows) lines.push(JSON.stringify(row));
  try {
    await writeFile(temp, lines.length ? `${lines.join('\n')}\n` : '');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
