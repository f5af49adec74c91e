// Citations of the rules a fee rests on, written the way Chinese legal texts cite them:
// 《诉讼费用交纳办法》第十三条第一项, …第十三条第二项第一目.
import { chineseNumber, type TFeeRef } from '@opencourt/contracts';

export { chineseNumber };

export const LAW_TITLES: Record<TFeeRef['law'], string> = {
  decree: '诉讼费用交纳办法',
  'civil-procedure-interpretation': '最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释',
};

export function citation(ref: TFeeRef): string {
  let text = `《${LAW_TITLES[ref.law]}》第${chineseNumber(ref.article)}条`;
  if (ref.item) text += `第${chineseNumber(ref.item)}项`;
  if (ref.point) text += `第${chineseNumber(ref.point)}目`;
  return text;
}

/** A rule of the Decree: article, and where it has them, item (项) and point (目). */
export const decree = (article: number, item?: number, point?: number): TFeeRef => ({
  law: 'decree',
  article,
  ...(item ? { item } : {}),
  ...(point ? { point } : {}),
});
