// Section A2 of the zhejiang wire format: the common fields of `createsign.do` and `gateway.do`.

/** The fields both steps of one call send, the same in each (`sign` is added for `gateway.do`). */
export interface GatewayCallFields {
  readonly app_id: string;
  readonly interface_id: string;
  readonly version: string;
  readonly charset: string;
  /** Epoch milliseconds, as a string: the one timestamp of both steps. */
  readonly timestamp: string;
  /** `"0"` for a PC client, `"1"` for an app. */
  readonly origin: string;
  /** The business parameters as a JSON string. */
  readonly biz_content: string;
  readonly [name: string]: string;
}

/** The fields of one call, stamped with the current time. */
export function gatewayCallFields(appId: string, interfaceId: string, business: Readonly<Record<string, string>>): GatewayCallFields {
  return {
    app_id: appId,
    interface_id: interfaceId,
    version: '1.0.0',
    charset: 'utf-8',
    timestamp: String(Date.now()),
    origin: '0',
    biz_content: JSON.stringify(business),
  };
}
