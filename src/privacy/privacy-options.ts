/**
 * The client's `privacy` option.
 *
 * **Note:** masking is on by default because personal information is protected by law where this
 * SDK's portals live: China's Personal Information Protection Law (PIPL) requires a lawful basis
 * and minimal processing, and the Zhejiang public-data rules forbid mining personal information
 * from open data. Turn it off only when your own data-use approval covers the full values and
 * your logs are as protected as the data.
 */
export interface PrivacyOptions {
  /**
   * Mask resident ID numbers, mobile numbers and personal names in every error message, hook
   * event and CLI output. `false` shows them as the portal sent them.
   * @default true
   * @example createClient({ portal, privacy: { mask: false } })
   */
  readonly mask?: boolean | undefined;
}

/** Whether personal data is masked under these options. */
export const masksPersonalData = (options: PrivacyOptions | undefined): boolean => options?.mask !== false;
