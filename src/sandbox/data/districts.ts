/** A county-level division of Ningbo or Hangzhou, with real roads and its approximate centre. */
export interface District {
  readonly code: string;
  readonly name: string;
  readonly city: '宁波市' | '杭州市';
  readonly lng: number;
  readonly lat: number;
  /** Relative share of generated rows (bigger urban districts get more). */
  readonly weight: number;
  readonly roads: readonly string[];
}

/** The ten county-level divisions of Ningbo (宁波). */
export const NINGBO_DISTRICTS: readonly District[] = [
  { code: '330203', name: '海曙区', city: '宁波市', lng: 121.55, lat: 29.87, weight: 14, roads: ['中山西路', '解放南路', '药行街', '望春路', '环城西路', '柳汀街', '灵桥路', '机场路'] },
  { code: '330205', name: '江北区', city: '宁波市', lng: 121.55, lat: 29.93, weight: 8, roads: ['人民路', '大庆南路', '洪塘中路', '康庄南路', '环城北路', '北环西路'] },
  { code: '330206', name: '北仑区', city: '宁波市', lng: 121.84, lat: 29.9, weight: 10, roads: ['明州路', '长江路', '太河路', '岷山路', '新大路', '泰山路'] },
  { code: '330211', name: '镇海区', city: '宁波市', lng: 121.6, lat: 29.95, weight: 6, roads: ['民和路', '庄市大道', '城河西路', '车站路', '胜利路'] },
  { code: '330212', name: '鄞州区', city: '宁波市', lng: 121.55, lat: 29.82, weight: 20, roads: ['天童南路', '四明中路', '钱湖北路', '中河路', '首南西路', '宁南南路', '百丈东路', '贸城中路'] },
  { code: '330213', name: '奉化区', city: '宁波市', lng: 121.41, lat: 29.66, weight: 6, roads: ['南山路', '大成东路', '岳林东路', '中山路', '金海路'] },
  { code: '330281', name: '余姚市', city: '宁波市', lng: 121.15, lat: 30.04, weight: 12, roads: ['阳明西路', '南雷南路', '新建北路', '舜水南路', '谭家岭东路'] },
  { code: '330282', name: '慈溪市', city: '宁波市', lng: 121.27, lat: 30.17, weight: 14, roads: ['新城大道', '孙塘南路', '三北大街', '北三环东路', '青少年宫路'] },
  { code: '330226', name: '宁海县', city: '宁波市', lng: 121.43, lat: 29.29, weight: 5, roads: ['桃源中路', '兴海中路', '跃龙路', '气象北路', '金水路'] },
  { code: '330225', name: '象山县', city: '宁波市', lng: 121.87, lat: 29.48, weight: 5, roads: ['丹河路', '天安路', '靖南大街', '象山港路', '丹阳路'] },
];

/** The thirteen county-level divisions of Hangzhou (杭州). */
export const HANGZHOU_DISTRICTS: readonly District[] = [
  { code: '330102', name: '上城区', city: '杭州市', lng: 120.17, lat: 30.25, weight: 12, roads: ['解放路', '延安路', '庆春路', '望江路', '秋涛路', '之江路', '凯旋路'] },
  { code: '330105', name: '拱墅区', city: '杭州市', lng: 120.15, lat: 30.32, weight: 11, roads: ['莫干山路', '湖墅南路', '上塘路', '丽水路', '体育场路', '大关路'] },
  { code: '330106', name: '西湖区', city: '杭州市', lng: 120.13, lat: 30.27, weight: 13, roads: ['文三路', '文二路', '教工路', '天目山路', '古墩路', '西溪路', '曙光路'] },
  { code: '330108', name: '滨江区', city: '杭州市', lng: 120.21, lat: 30.21, weight: 8, roads: ['江南大道', '滨盛路', '网商路', '长河路', '江陵路', '滨安路'] },
  { code: '330109', name: '萧山区', city: '杭州市', lng: 120.26, lat: 30.18, weight: 14, roads: ['市心中路', '金城路', '通惠路', '人民路', '北干山南路', '育才路'] },
  { code: '330110', name: '余杭区', city: '杭州市', lng: 119.99, lat: 30.28, weight: 12, roads: ['文一西路', '五常大道', '余杭塘路', '仓前街', '良睦路', '闲林街'] },
  { code: '330113', name: '临平区', city: '杭州市', lng: 120.3, lat: 30.42, weight: 7, roads: ['迎宾路', '世纪大道', '南苑街', '望梅路', '星光街'] },
  { code: '330114', name: '钱塘区', city: '杭州市', lng: 120.49, lat: 30.3, weight: 6, roads: ['学源街', '文渊路', '义蓬街', '2号大街', '文泽路'] },
  { code: '330111', name: '富阳区', city: '杭州市', lng: 119.96, lat: 30.05, weight: 5, roads: ['金桥路', '桂花路', '江滨西大道', '富春街', '恩波大道'] },
  { code: '330112', name: '临安区', city: '杭州市', lng: 119.72, lat: 30.23, weight: 4, roads: ['钱王街', '衣锦街', '锦城路', '石镜街', '城中街'] },
  { code: '330122', name: '桐庐县', city: '杭州市', lng: 119.69, lat: 29.8, weight: 3, roads: ['迎春南路', '白云源路', '学圣路', '春江路'] },
  { code: '330127', name: '淳安县', city: '杭州市', lng: 119.04, lat: 29.61, weight: 2, roads: ['新安大街', '环湖北路', '开化路', '梦姑路'] },
  { code: '330182', name: '建德市', city: '杭州市', lng: 119.28, lat: 29.47, weight: 3, roads: ['新安江路', '严州大道', '府前路', '洋安大道'] },
];

/** `[district, weight]` pairs for `Random.weighted`. */
export function weightedDistricts(districts: readonly District[]): readonly (readonly [District, number])[] {
  return districts.map((district) => [district, district.weight] as const);
}

/**
 * The name local organisations carry: districts keep the city (`宁波市鄞州区`), county-level
 * cities and counties stand alone (`余姚市`, `宁海县`), as in `余姚市市场监督管理局`.
 */
export function localName(district: District): string {
  return district.name.endsWith('区') ? `${district.city}${district.name}` : district.name;
}
