// Reference data: the administrative areas the network serves, by GB/T 2260 county code plus the
// 3-digit town/street code of the statistical division code (统计用区划代码, digits 7–9).
// Source: National Bureau of Statistics division codes; revision noted below. 马巷街道 350213002 was
// checked against a published copy of the code list; the other town codes follow the same list as
// recalled and should be checked against the current edition before production use.
export const AREAS_REVISION = '2023-statistical-division-codes';

export const AREAS: Readonly<Record<string, string>> = {
  '350200': '厦门市',
  '350203': '思明区',
  '350205': '海沧区',
  '350206': '湖里区',
  '350211': '集美区',
  '350212': '同安区',
  '350213': '翔安区',
  // The five towns the district was formed from in 2003, each a sub-centre of the "1+5+N" network.
  '350213001': '大嶝街道',
  '350213002': '马巷街道',
  '350213003': '新店街道',
  '350213103': '新圩镇',
  '350213104': '内厝镇',
};

export const isKnownArea = (code: string) => code in AREAS;
export const areaName = (code: string) => AREAS[code] ?? code;
/** Whether `code` lies inside `prefix` (a district covers its towns). */
export const within = (code: string, prefix: string) => code.startsWith(prefix);
/** A rule's area prefix: province (2), city (4), county (6) or town (9) digits of an area we know. */
export const knownPrefix = (prefix: string) => Object.keys(AREAS).some((code) => code.startsWith(prefix));
