// Case numbers in the courts' format (最高人民法院《关于人民法院案件案号的若干规定》, 法〔2015〕137号, as
// amended): （收案年度）+ 法院代字 + 类型代字 + 案件编号 + 号, e.g. （2026）闽0213民初45号. The number counts
// from 1 per court, per type code and per year. Type codes are data a court may adjust, since courts
// differ in practice; these are the defaults the platform uses.

export type CaseType = { code: string; name: string };

/** Type codes (类型代字) the platform's flows use, from 《人民法院案件类型及其代字标准》 and common practice. */
export const DEFAULT_CASE_TYPES: readonly CaseType[] = [
  { code: '民诉前调', name: '民事诉前调解案件' },
  { code: '诉前调确', name: '诉前调解协议司法确认案件' },
  { code: '民特', name: '民事特别程序案件（含其他司法确认申请）' },
  { code: '民初', name: '民事一审案件' },
  { code: '民终', name: '民事二审案件' },
  { code: '民申', name: '民事申请再审审查案件' },
  { code: '民再', name: '民事再审案件' },
  { code: '民辖', name: '民事管辖案件' },
  { code: '民督', name: '申请支付令审查案件' },
  { code: '民催', name: '公示催告案件' },
  { code: '财保', name: '非诉财产保全审查案件' },
  { code: '执', name: '首次执行案件' },
  { code: '执保', name: '财产保全执行案件' },
  { code: '执异', name: '执行异议案件' },
  { code: '行初', name: '行政一审案件' },
  { code: '司救民', name: '民事司法救助案件' },
];

export type CaseNumber = { year: number; courtCode: string; typeCode: string; seq: number };

/** Court codes (法院代字): a province's one-character abbreviation and four digits for a basic court, e.g. 闽0213; 闽02 for an intermediate court; 闽 alone for a high court. */
const COURT_CODE = /^[\u4e00-\u9fa5](\d{2}(\d{2})?)?$/;
const TYPE_CODE = /^[\u4e00-\u9fa5]{1,6}$/;

export function formatCaseNumber(n: CaseNumber): string {
  if (!Number.isInteger(n.year) || n.year < 1949 || n.year > 9999) throw new RangeError(`case year out of range: ${n.year}`);
  if (!COURT_CODE.test(n.courtCode)) throw new RangeError(`not a court code: ${n.courtCode}`);
  if (!TYPE_CODE.test(n.typeCode)) throw new RangeError(`not a case type code: ${n.typeCode}`);
  if (!Number.isSafeInteger(n.seq) || n.seq < 1) throw new RangeError(`case sequence must count from 1: ${n.seq}`);
  return `（${n.year}）${n.courtCode}${n.typeCode}${n.seq}号`;
}

const CASE_NUMBER = /^[（(](\d{4})[）)]([\u4e00-\u9fa5](?:\d{2}(?:\d{2})?)?)([\u4e00-\u9fa5]{1,6}?)(\d+)号$/;

/** Reads a case number as people type it (half-width brackets too); undefined when it is not one. */
export function parseCaseNumber(text: string): CaseNumber | undefined {
  const m = CASE_NUMBER.exec(text.trim().replace(/\s/g, ''));
  if (!m) return undefined;
  const n = { year: Number(m[1]), courtCode: m[2]!, typeCode: m[3]!, seq: Number(m[4]) };
  return n.seq >= 1 && Number.isSafeInteger(n.seq) && !/^0/.test(m[4]!) ? n : undefined;
}
