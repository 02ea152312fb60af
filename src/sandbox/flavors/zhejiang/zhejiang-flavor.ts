import type { Flavor, SandboxContext } from '../../flavor.js';
import { answerCatalogueEntry, answerCatalogueSearch } from './catalogue.js';
import { answerCreateSign } from './create-sign.js';
import { answerDataGateway } from './data-gateway.js';
import { describeDataGateway } from './data-gateway-interfaces.js';
import { answerFileDownload } from './file-download.js';
import { answerGatewayInterface, answerRefreshByKey, answerRefreshBySecret } from './gateway.js';
import { gatewayPage } from './gateway-page.js';
import { openDataFailure } from './open-data-answer.js';
import { answerOpenData, type OpenDataInterface } from './open-data-interfaces.js';
import { RequestParams } from './request-params.js';
import { zhejiangSamples } from './samples.js';

// Routes match the end of the path, so a base URL with a path prefix works too.
const OPEN_DATA = /\/jdop_front\/interfaces\/cata_([^/]+)\/(get_data|get_total|get_dataupdate_date)\.do$/;
const DOWNLOAD = /\/jdop_front\/download\/cata_([^/]+)\.([A-Za-z]+)$/;
const CATALOGUE_SEARCH = /\/dopServer\/rest\/catalog\/search$/;
const CATALOGUE_ENTRY = /\/dopServer\/rest\/catalog\/([^/]+)$/;
const REFRESH_BY_KEY = /\/gateway\/app\/refreshTokenByKey\.htm$/;
const REFRESH_BY_SECRET = /\/gateway\/app\/refreshTokenBySec\.htm$/;
const GATEWAY_INTERFACE = /\/gateway\/api\/([^/]+)\/dataSharing\/([^/]+)\.htm$/;
const CREATE_SIGN = /\/jimp\/sign\/createsign\.do$/;
const DATA_GATEWAY = /\/interface\/gateway\.do$/;

function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function route(request: Request, context: SandboxContext): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname;
  const method = request.method.toUpperCase();
  const params = await RequestParams.read(request, url);

  const openData = OPEN_DATA.exec(path);
  if (openData) return answerOpenData(segment(openData[1] as string), openData[2] as OpenDataInterface, method, params, context);

  const download = DOWNLOAD.exec(path);
  if (download) return answerFileDownload(request, segment(download[1] as string), download[2] as string, params, context);

  if (CATALOGUE_SEARCH.test(path) || CATALOGUE_ENTRY.test(path)) {
    if (method !== 'GET' && method !== 'POST') return openDataFailure('请求方式不支持');
    if (CATALOGUE_SEARCH.test(path)) return answerCatalogueSearch(params, context);
    return answerCatalogueEntry(segment((CATALOGUE_ENTRY.exec(path) as RegExpExecArray)[1] as string), context);
  }

  if (REFRESH_BY_KEY.test(path)) return answerRefreshByKey(method, params, context);
  if (REFRESH_BY_SECRET.test(path)) return answerRefreshBySecret(method, params, context);
  const gateway = GATEWAY_INTERFACE.exec(path);
  if (gateway) return answerGatewayInterface(segment(gateway[1] as string), segment(gateway[2] as string), method, params, context);

  if (CREATE_SIGN.test(path)) return answerCreateSign(method, params, context);
  if (DATA_GATEWAY.test(path)) return answerDataGateway(method, params, context);

  return gatewayPage(404);
}

/**
 * The `zhejiang` flavor: a provincial public-data platform in the style of Zhejiang's, serving
 * the open-data interfaces (section A), the unified data gateway (section A2), the catalogue
 * (section B) and the signed gateway (section C) of `shared/portals/zhejiang.md`. Routes by path
 * only; the host is ignored.
 */
export const zhejiangFlavor: Flavor = {
  name: 'zhejiang',
  drift: { from: 'data', to: 'dataList' },
  async handle(request, context) {
    try {
      return await route(request, context);
    } catch {
      // Only a defect can land here; answer as the platform's gateway does when its backend fails.
      return gatewayPage(500);
    }
  },
  samples: zhejiangSamples,
  dataGateway: describeDataGateway,
};
