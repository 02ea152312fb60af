// Section A2 of the zhejiang wire format: the business parameters (`biz_content`) of one call.
// Which names an interface reads is shown on its page, never in an answer: unless told, every
// secret and paging value goes under every name the platform is known to use, since interfaces
// ignore names they do not read. Numbers travel as strings, as the platform's own clients send them.

/** The secrets an app holds for the gateway's business parameters. */
export interface BusinessSecrets {
  readonly appSecret: string | undefined;
  readonly userSecret: string | undefined;
}

/** What the caller said of an interface's parameters (see `GatewayInterfaceIds`). */
export interface BusinessParamNames {
  readonly params?: readonly string[] | undefined;
  readonly extraParams?: Readonly<Record<string, string>> | undefined;
}

/** A page to ask for; absent for count and update-date calls. */
export interface PageParams {
  readonly pageNumber: number;
  readonly pageSize: number;
}

/**
 * The business parameters of one call: secrets and paging under every known name (or under the
 * names the caller listed), then the caller's extra parameters.
 */
export function businessParams(secrets: BusinessSecrets, names: BusinessParamNames, page?: PageParams): Record<string, string> {
  const values: Record<string, string | undefined> = {
    appsecret: secrets.appSecret,
    appSecret: secrets.appSecret,
    userSecret: secrets.userSecret,
    pageNum: page && String(page.pageNumber),
    pageNumber: page && String(page.pageNumber),
    pageSize: page && String(page.pageSize),
  };
  const wanted = names.params ? new Set(names.params) : undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && (wanted === undefined || wanted.has(name))) params[name] = value;
  }
  return { ...params, ...names.extraParams };
}
