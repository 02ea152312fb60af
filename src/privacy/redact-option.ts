/** The `redact` option of `datasets.records`. */
export interface RedactOption {
  /**
   * Mask personal data in every row: names under personal columns (姓名, XM, FDDBR, `name` when it
   * holds a person's name), resident ID and mobile numbers anywhere. Applied before `schema`.
   * @default false
   */
  readonly redact?: boolean | undefined;
}
