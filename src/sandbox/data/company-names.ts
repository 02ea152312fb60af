import type { Random } from './random.js';

/** Characters used in trade names (字号); two of them make names like 云帆, 瑞丰, 鑫达. */
const TRADE_NAME = '云帆瑞丰鑫华创智远博恒泰嘉宏盛达信诚明昌海天东润佳荣宇豪安康睿锦德隆源新美通汇聚凯越和景甬浙';

/** An industry with the words used in company names and the scope text of its licences. */
export interface Industry {
  readonly word: string;
  readonly weight: number;
  readonly scope: string;
}

/** Industries of generated companies, weighted by how common they are in a city's register. */
export const INDUSTRIES: readonly Industry[] = [
  { word: '餐饮', weight: 12, scope: '餐饮服务；食品经营；食品互联网销售' },
  { word: '贸易', weight: 16, scope: '货物进出口；技术进出口；日用百货销售；五金产品批发；服装服饰零售' },
  { word: '科技', weight: 14, scope: '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务' },
  { word: '电子商务', weight: 6, scope: '互联网销售（除销售需要许可的商品）；日用百货销售；供应链管理服务' },
  { word: '建筑工程', weight: 6, scope: '建设工程施工；住宅室内装饰装修；建筑材料销售' },
  { word: '机械', weight: 7, scope: '通用设备制造（不含特种设备制造）；机械零件、零部件加工；机械设备销售' },
  { word: '模具', weight: 4, scope: '模具制造；模具销售；塑料制品制造' },
  { word: '服饰', weight: 5, scope: '服装制造；服饰研发；服装服饰批发；针纺织品销售' },
  { word: '文化传媒', weight: 5, scope: '组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务' },
  { word: '物流', weight: 5, scope: '普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内货物运输代理；道路货物运输（不含危险货物）' },
  { word: '电器', weight: 5, scope: '家用电器制造；家用电器销售；电子元器件制造' },
  { word: '水产', weight: 3, scope: '水产品批发；水产品零售；食用农产品批发' },
  { word: '物业管理', weight: 3, scope: '物业管理；停车场服务；家政服务' },
  { word: '汽车服务', weight: 3, scope: '机动车修理和维护；汽车零配件零售；洗车服务' },
  { word: '健康管理', weight: 2, scope: '健康咨询服务（不含诊疗服务）；养生保健服务（非医疗）' },
];

/** A two-character trade name. */
export function tradeName(random: Random): string {
  const first = TRADE_NAME[random.int(0, TRADE_NAME.length - 1)] as string;
  let second = TRADE_NAME[random.int(0, TRADE_NAME.length - 1)] as string;
  if (second === first) second = TRADE_NAME[(TRADE_NAME.indexOf(first) + 7) % TRADE_NAME.length] as string;
  return first + second;
}
