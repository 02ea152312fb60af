import type { Random } from './random.js';

/** Common surnames, weighted roughly by their frequency in Zhejiang. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 30], ['王', 28], ['张', 18], ['李', 18], ['吴', 14], ['徐', 13], ['周', 12], ['金', 9], ['林', 9], ['朱', 9],
  ['胡', 8], ['杨', 8], ['黄', 8], ['刘', 8], ['叶', 7], ['郑', 7], ['沈', 6], ['何', 6], ['赵', 6], ['方', 5],
  ['孙', 5], ['俞', 5], ['钱', 4], ['蒋', 4], ['邵', 4], ['汪', 4], ['应', 4], ['孔', 3], ['潘', 3], ['鲍', 2],
  ['傅', 3], ['马', 3], ['宋', 3], ['许', 3], ['卢', 3], ['丁', 2], ['姚', 2], ['施', 2], ['虞', 2], ['楼', 2],
  ['欧阳', 1], ['诸葛', 1], ['司马', 1],
];

const MALE = '伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆博晨航峰建国志文海龙东成';
const FEMALE = '芳娜敏静丽艳娟霞秀英玲萍红燕琳颖婷雪慧倩洁佳怡欣悦晓梦雅蕾薇琪瑶';
const MIDDLE = '子一嘉思梓雨晓宇俊佳天浩文欣可新家明永立海若';

/** A realistic full Chinese name: surname plus one or two given-name characters. */
export function personName(random: Random): string {
  const surname = random.weighted(SURNAMES);
  const pool = random.chance(0.5) ? MALE : FEMALE;
  const last = pool[random.int(0, pool.length - 1)] as string;
  if (random.chance(0.3)) return surname + last;
  return surname + (MIDDLE[random.int(0, MIDDLE.length - 1)] as string) + last;
}
