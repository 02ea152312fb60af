import { KaifangError, type KaifangErrorJSON, type KaifangErrorOptions } from './kaifang-error.js';

/**
 * The portal refused the request with its own error code, often under HTTP 200: e.g. a
 * Zhejiang-style `{"status": 0, "msg": "pageSize不能超过200"}` or gateway code `99`.
 *
 * @example
 * ```ts
 * throw new PortalError('0', 'pageSize不能超过200'); // message: 'portal error 0: pageSize不能超过200'
 * ```
 */
export class PortalError extends KaifangError {
  static {
    this.prototype.name = 'PortalError';
  }

  /** The portal's own error code, as text. */
  readonly portalCode: string;
  /** The portal's own message. */
  readonly portalMessage: string;

  constructor(portalCode: string | number, portalMessage: string, options: KaifangErrorOptions = {}) {
    super(`portal error ${portalCode}: ${portalMessage}`, 'PORTAL_ERROR', options);
    this.portalCode = String(portalCode);
    this.portalMessage = portalMessage;
  }

  override toJSON(): KaifangErrorJSON {
    return { ...super.toJSON(), portalCode: this.portalCode, portalMessage: this.portalMessage };
  }
}
