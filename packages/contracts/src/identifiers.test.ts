import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkUscc } from './identifiers.ts';

const today = new Date('2026-11-25T00:00:00Z');

describe('checkIdNumber', () => {
  it('accepts the GB 11643-1999 example and reads its birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X', undefined, today)).toMatchObject({ valid: true, kind: 'mainland-resident', checkDigit: true, birthDate: '1949-12-31', sex: 'female' });
    expect(checkIdNumber('11010519491231002x', undefined, today).normalised).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', '校验码不符'], // one check digit off
    ['110105194913310025', '出生日期不存在'], // month 13
    ['110105203012310028', '出生日期不存在'], // born in the future
    ['990105194912310021', '地址码不存在'],
    ['11010519491231002', '17 位数字'],
  ])('refuses %s (%s)', (n, reason) => {
    const r = checkIdNumber(n, 'mainland-resident', today);
    expect(r.valid).toBe(false);
    expect(r.reason).toContain(reason);
  });

  it('checks Hong Kong identity cards with one or two letters and an A check digit', () => {
    expect(checkIdNumber('A123456(3)')).toMatchObject({ valid: true, kind: 'hong-kong', normalised: 'A1234563' });
    expect(checkIdNumber('G123456(A)')).toMatchObject({ valid: true, kind: 'hong-kong' });
    expect(checkIdNumber('AB987654(3)')).toMatchObject({ valid: true, kind: 'hong-kong' });
    expect(checkIdNumber('A123456(4)')).toMatchObject({ valid: false, kind: 'hong-kong' });
  });

  it('checks the other documents by their format, and says so', () => {
    expect(checkIdNumber('1234567(8)')).toMatchObject({ valid: true, kind: 'macau', checkDigit: false });
    expect(checkIdNumber('H12345678')).toMatchObject({ valid: true, kind: 'home-return-permit', checkDigit: false });
    expect(checkIdNumber('M1234567801')).toMatchObject({ valid: true, kind: 'home-return-permit' });
    expect(checkIdNumber('02345678')).toMatchObject({ valid: true, kind: 'taiwan-permit' });
    // Eight digits from 1, 5 or 7 fit both a Macau card and a Taiwan permit: the caller names the kind.
    expect(checkIdNumber('12345678', 'taiwan-permit')).toMatchObject({ valid: true, kind: 'taiwan-permit' });
    expect(checkIdNumber('EA1234567', 'passport')).toMatchObject({ valid: true, kind: 'passport', checkDigit: false });
    expect(checkIdNumber('H1234', 'home-return-permit')).toMatchObject({ valid: false });
    expect(checkIdNumber('!!')).toMatchObject({ valid: false, kind: null });
  });
});

describe('checkUscc (GB 32100-2015)', () => {
  it.each(['91110000100017707H', '914403001922038216', '9144030071526726XG', '91330100716105852F'])('accepts the published code %s', (code) => {
    expect(checkUscc(code)).toMatchObject({ valid: true, kind: 'uscc', registrar: '工商', category: '企业' });
  });

  it('reads the registering authority, the category and the area', () => {
    expect(checkUscc('31350000MD0123454U')).toMatchObject({ valid: true, registrar: '司法行政', category: '律师执业机构', areaCode: '350000' });
  });

  it.each([
    ['91110000100017707J', '校验码不符'],
    ['91110000100017708H', '组织机构代码校验码不符'],
    ['9111000010001770', '18 位'],
    ['91110000I00017707H', '大写字母'],
    ['Z1110000100017707H', '大写字母'],
    ['B1110000100017707H', '登记管理部门'],
    ['95110000100017707H', '机构类别'],
  ])('refuses %s (%s)', (code, reason) => {
    const r = checkUscc(code);
    expect(r.valid).toBe(false);
    expect(r.reason).toContain(reason);
  });
});
