// Identity document numbers and Unified Social Credit Codes, checked by their published check
// digits where a standard gives one, and by format where none is published. Shared by the server
// (validation at the edge, `opencourt check`) and the web app (checks as the user types).

export type IdKind =
  /** 居民身份证 (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check. Also 港澳台居民居住证 (810000/820000/830000). */
  | 'mainland-resident'
  /** 香港身份证: one or two letters, six digits, a check digit (0–9 or A), MOD 11. */
  | 'hong-kong'
  /** 澳门身份证: 1, 5 or 7, six digits and a check digit; no check algorithm is published, so format only. */
  | 'macau'
  /** 港澳居民来往内地通行证 (回乡证): H or M and 8 digits (10 on older cards); format only. */
  | 'home-return-permit'
  /** 台湾居民来往大陆通行证 (台胞证): 8 digits; format only. */
  | 'taiwan-permit'
  /** A passport number: 5–17 letters and digits; format only (a passport's number has no check digit of its own). */
  | 'passport';

export type IdCheck = {
  valid: boolean;
  kind: IdKind | null;
  /** The number in its canonical form (upper case, no spaces or brackets). */
  normalised: string;
  /** Whether a check digit was verified (false where the format is all there is to check). */
  checkDigit: boolean;
  /** For a mainland ID: the birth date and the sex it encodes. */
  birthDate?: string;
  sex?: 'male' | 'female';
  /** Why it is not valid, in Chinese. */
  reason?: string;
};

const MAINLAND_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MAINLAND_CHECK = '10X98765432';
/** The first two digits of GB/T 2260 province-level codes, plus 81/82/83 of the residence permits for Hong Kong, Macau and Taiwan residents. */
const PROVINCE_PREFIXES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkMainland(n: string, today: Date): IdCheck {
  const base: IdCheck = { valid: false, kind: 'mainland-resident', normalised: n, checkDigit: true };
  if (!/^\d{17}[\dX]$/.test(n)) return { ...base, reason: '居民身份证号码应为 17 位数字加 1 位数字或 X' };
  if (!PROVINCE_PREFIXES.has(Number(n.slice(0, 2)))) return { ...base, reason: '居民身份证号码的地址码不存在' };
  const [y, m, d] = [Number(n.slice(6, 10)), Number(n.slice(10, 12)), Number(n.slice(12, 14))];
  const birthDate = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (!validDate(y, m, d) || y < 1900 || Date.UTC(y, m - 1, d) > today.getTime()) return { ...base, reason: '居民身份证号码中的出生日期不存在' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(n[i]) * MAINLAND_WEIGHTS[i]!;
  if (MAINLAND_CHECK[sum % 11] !== n[17]) return { ...base, reason: '居民身份证号码校验码不符，请检查是否输错' };
  return { ...base, valid: true, birthDate, sex: Number(n[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Letter values of the Hong Kong identity card check: A=10 … Z=35, and a space (single-letter prefix) = 36. */
const hkValue = (c: string) => (c === ' ' ? 36 : c.charCodeAt(0) - 55);

function checkHongKong(n: string): IdCheck {
  const m = /^([A-Z]{1,2})(\d{6})([\dA])$/.exec(n);
  const base: IdCheck = { valid: false, kind: 'hong-kong', normalised: n, checkDigit: true };
  if (!m) return { ...base, reason: '香港身份证号码应为 1–2 个字母、6 位数字和 1 位校验码' };
  const chars = (m[1]!.length === 1 ? ` ${m[1]}` : m[1]!) + m[2]!;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (i < 2 ? hkValue(chars[i]!) : Number(chars[i])) * (9 - i);
  const check = (11 - (sum % 11)) % 11;
  if ((check === 10 ? 'A' : String(check)) !== m[3]) return { ...base, reason: '香港身份证号码校验码不符，请检查是否输错' };
  return { ...base, valid: true };
}

/** Which kind a number looks like, by its shape. Ambiguous shapes (8 digits from 1, 5 or 7: Macau or Taiwan) take the first; callers that know the kind say it. */
function guessKind(n: string): IdKind | null {
  if (/^\d{17}[\dX]$/.test(n) || /^\d{15,18}$/.test(n)) return 'mainland-resident';
  if (/^[A-Z]{1,2}\d{6}[\dA]$/.test(n)) return 'hong-kong';
  if (/^[157]\d{7}$/.test(n)) return 'macau';
  if (/^[HM]\d{8}(\d{2})?$/.test(n)) return 'home-return-permit';
  if (/^\d{8}$/.test(n)) return 'taiwan-permit';
  if (/^[A-Z0-9]{5,17}$/.test(n) && /[A-Z]/.test(n)) return 'passport';
  return null;
}

export const normaliseIdNumber = (raw: string) => raw.toUpperCase().replace(/[\s()（）-]/g, '');

export function checkIdNumber(raw: string, kind?: IdKind, today: Date = new Date()): IdCheck {
  const n = normaliseIdNumber(raw);
  const k = kind ?? guessKind(n);
  const formatOnly = (ok: boolean, reason: string): IdCheck => ({ valid: ok, kind: k, normalised: n, checkDigit: false, ...(ok ? {} : { reason }) });
  switch (k) {
    case 'mainland-resident':
      return checkMainland(n, today);
    case 'hong-kong':
      return checkHongKong(n);
    case 'macau':
      return formatOnly(/^[157]\d{7}$/.test(n), '澳门身份证号码应为 1、5 或 7 开头的 8 位数字');
    case 'home-return-permit':
      return formatOnly(/^[HM]\d{8}(\d{2})?$/.test(n), '港澳居民来往内地通行证号码应为 H 或 M 加 8 位（旧证 10 位）数字');
    case 'taiwan-permit':
      return formatOnly(/^\d{8}$/.test(n), '台湾居民来往大陆通行证号码应为 8 位数字');
    case 'passport':
      return formatOnly(/^[A-Z0-9]{5,17}$/.test(n), '护照号码应为 5–17 位字母和数字');
    default:
      return { valid: false, kind: null, normalised: n, checkDigit: false, reason: '无法识别的证件号码' };
  }
}

// ---- 统一社会信用代码 (GB 32100-2015) ----

export type UsccCheck = {
  valid: boolean;
  kind: 'uscc';
  normalised: string;
  /** 登记管理部门 and 机构类别 from the first two characters, when known. */
  registrar?: string;
  category?: string;
  /** GB/T 2260 administrative area code of the registering authority (characters 3–8). */
  areaCode?: string;
  reason?: string;
};

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const REGISTRARS: Record<string, { name: string; categories: Record<string, string> }> = {
  '1': { name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': { name: '司法行政', categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', categories: {} },
};

/** GB 11714 character values: digits as themselves, letters A=10 … Z=35. */
const gb11714Value = (c: string) => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55);

export const normaliseUscc = (raw: string) => raw.toUpperCase().replace(/\s/g, '');

export function checkUscc(raw: string): UsccCheck {
  const n = normaliseUscc(raw);
  const base: UsccCheck = { valid: false, kind: 'uscc', normalised: n };
  if (n.length !== 18) return { ...base, reason: '统一社会信用代码应为 18 位' };
  if ([...n].some((c) => !USCC_CHARS.includes(c))) return { ...base, reason: '统一社会信用代码只含数字和除 I、O、Z、S、V 以外的大写字母' };
  const registrar = REGISTRARS[n[0]!];
  if (!registrar) return { ...base, reason: '统一社会信用代码的登记管理部门代码不存在' };
  const category = registrar.categories[n[1]!];
  if (n[0] !== 'Y' && !category) return { ...base, reason: '统一社会信用代码的机构类别代码不存在' };
  // Characters 9–17 are the organisation code (GB 11714), whose ninth character checks the first eight.
  const org = n.slice(8, 17);
  let orgSum = 0;
  for (let i = 0; i < 8; i++) orgSum += gb11714Value(org[i]!) * ORG_CODE_WEIGHTS[i]!;
  const orgCheck = 11 - (orgSum % 11);
  if ((orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)) !== org[8]) return { ...base, reason: '统一社会信用代码中的组织机构代码校验码不符' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(n[i]!) * USCC_WEIGHTS[i]!;
  const check = USCC_CHARS[(31 - (sum % 31)) % 31];
  if (check !== n[17]) return { ...base, reason: '统一社会信用代码校验码不符，请检查是否输错' };
  return { ...base, valid: true, registrar: registrar.name, ...(category ? { category } : {}), areaCode: n.slice(2, 8) };
}
