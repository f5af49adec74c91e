// Administrative area codes (GB/T 2260): format, province prefix, and the name path where the row is known.
import { PREFECTURES_AND_COUNTIES, PROVINCES } from './areas.data.ts';

export type AreaCheck = { valid: true; code: string; name: string; path: string[] } | { valid: false; reason: string };

export function checkAreaCode(code: string): AreaCheck {
  if (!/^\d{6}$/.test(code)) return { valid: false, reason: '行政区划代码应为 6 位数字' };
  const province = PROVINCES[`${code.slice(0, 2)}0000`];
  if (!province) return { valid: false, reason: '行政区划代码的省级代码不存在' };
  if (code.slice(2) === '0000') return { valid: true, code, name: province, path: [province] };
  const prefectureCode = `${code.slice(0, 4)}00`;
  const prefecture = PREFECTURES_AND_COUNTIES[prefectureCode];
  if (code.slice(4) === '00') return { valid: true, code, name: prefecture ?? province, path: prefecture ? [province, prefecture] : [province] };
  const county = PREFECTURES_AND_COUNTIES[code];
  // Within a prefecture whose rows we ship, an unknown county code does not exist.
  if (prefecture && !county) return { valid: false, reason: `${prefecture}没有该区县代码` };
  return { valid: true, code, name: county ?? province, path: [province, ...(prefecture ? [prefecture] : []), ...(county ? [county] : [])] };
}
