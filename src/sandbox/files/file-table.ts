/** A dataset as a flavor serves it in files: column names and rows of text, read by position. */
export interface FileTable {
  readonly columns: readonly string[];
  readonly count: number;
  /** The row's cells in column order, or `undefined` past the end. */
  row(position: number): readonly string[] | undefined;
}
