/** The 11 prefecture-level cities of Zhejiang, with a few county-level divisions each. */
export interface ZhejiangCity {
  readonly code: string;
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
  readonly counties: readonly { readonly code: string; readonly name: string }[];
  readonly roads: readonly string[];
}

/** 杭州, 宁波, 温州, 嘉兴, 湖州, 绍兴, 金华, 衢州, 舟山, 台州 and 丽水, with approximate centres. */
export const ZHEJIANG_CITIES: readonly ZhejiangCity[] = [
  { code: '330100', name: '杭州市', lng: 120.16, lat: 30.27, counties: [{ code: '330102', name: '上城区' }, { code: '330105', name: '拱墅区' }, { code: '330106', name: '西湖区' }, { code: '330108', name: '滨江区' }, { code: '330109', name: '萧山区' }, { code: '330110', name: '余杭区' }], roads: ['延安路', '文三路', '莫干山路', '江南大道', '市心中路', '文一西路'] },
  { code: '330200', name: '宁波市', lng: 121.55, lat: 29.87, counties: [{ code: '330203', name: '海曙区' }, { code: '330205', name: '江北区' }, { code: '330206', name: '北仑区' }, { code: '330211', name: '镇海区' }, { code: '330212', name: '鄞州区' }], roads: ['中山西路', '人民路', '明州路', '庄市大道', '天童南路'] },
  { code: '330300', name: '温州市', lng: 120.7, lat: 28.0, counties: [{ code: '330302', name: '鹿城区' }, { code: '330303', name: '龙湾区' }, { code: '330304', name: '瓯海区' }, { code: '330381', name: '瑞安市' }, { code: '330382', name: '乐清市' }], roads: ['车站大道', '学院中路', '温州大道', '府东路', '飞霞南路'] },
  { code: '330400', name: '嘉兴市', lng: 120.76, lat: 30.75, counties: [{ code: '330402', name: '南湖区' }, { code: '330411', name: '秀洲区' }, { code: '330481', name: '海宁市' }, { code: '330482', name: '平湖市' }, { code: '330483', name: '桐乡市' }], roads: ['中山东路', '禾兴南路', '洪兴西路', '南湖大道', '庆丰路'] },
  { code: '330500', name: '湖州市', lng: 120.09, lat: 30.89, counties: [{ code: '330502', name: '吴兴区' }, { code: '330503', name: '南浔区' }, { code: '330521', name: '德清县' }, { code: '330522', name: '长兴县' }, { code: '330523', name: '安吉县' }], roads: ['人民路', '红旗路', '环城西路', '仁皇山路', '凤凰路'] },
  { code: '330600', name: '绍兴市', lng: 120.58, lat: 30.03, counties: [{ code: '330602', name: '越城区' }, { code: '330603', name: '柯桥区' }, { code: '330604', name: '上虞区' }, { code: '330681', name: '诸暨市' }, { code: '330683', name: '嵊州市' }], roads: ['解放北路', '中兴中路', '胜利西路', '笛扬路', '群贤路'] },
  { code: '330700', name: '金华市', lng: 119.65, lat: 29.08, counties: [{ code: '330702', name: '婺城区' }, { code: '330703', name: '金东区' }, { code: '330782', name: '义乌市' }, { code: '330783', name: '东阳市' }, { code: '330784', name: '永康市' }], roads: ['八一南街', '宾虹路', '李渔路', '双龙南街', '婺州街'] },
  { code: '330800', name: '衢州市', lng: 118.87, lat: 28.94, counties: [{ code: '330802', name: '柯城区' }, { code: '330803', name: '衢江区' }, { code: '330825', name: '龙游县' }, { code: '330881', name: '江山市' }], roads: ['荷花中路', '三衢路', '新桥街', '花园东大道'] },
  { code: '330900', name: '舟山市', lng: 122.21, lat: 29.99, counties: [{ code: '330902', name: '定海区' }, { code: '330903', name: '普陀区' }, { code: '330921', name: '岱山县' }, { code: '330922', name: '嵊泗县' }], roads: ['人民北路', '解放西路', '海天大道', '东海中路'] },
  { code: '331000', name: '台州市', lng: 121.42, lat: 28.66, counties: [{ code: '331002', name: '椒江区' }, { code: '331003', name: '黄岩区' }, { code: '331004', name: '路桥区' }, { code: '331081', name: '温岭市' }, { code: '331082', name: '临海市' }], roads: ['市府大道', '中山路', '东环大道', '银座街', '劳动路'] },
  { code: '331100', name: '丽水市', lng: 119.92, lat: 28.45, counties: [{ code: '331102', name: '莲都区' }, { code: '331121', name: '青田县' }, { code: '331122', name: '缙云县' }, { code: '331181', name: '龙泉市' }], roads: ['中山街', '人民街', '丽阳街', '花园路'] },
];
