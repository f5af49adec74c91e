import { describe, expect, it } from 'vitest';
import { cleanFilename, contentDisposition } from './filenames.ts';

describe('file names', () => {
  it.each([
    ['起诉状.pdf', '起诉状.pdf'],
    ['C:\\Users\\li\\证据 1.png', '证据 1.png'],
    ['../../etc/passwd', 'passwd'],
    ['bad\u0000name\r\n.txt', 'badname.txt'],
    ['..', 'file'],
    [undefined, 'file'],
  ])('cleans %j to %j', (raw, clean) => {
    expect(cleanFilename(raw)).toBe(clean);
  });

  it('keeps long names under 200 characters, with their extension', () => {
    const clean = cleanFilename(`${'长'.repeat(300)}.docx`);
    expect([...clean].length).toBe(200);
    expect(clean.endsWith('.docx')).toBe(true);
  });

  it('writes RFC 6266 headers with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('起诉状 (final).pdf')).toBe(`attachment; filename="___ (final).pdf"; filename*=UTF-8''%E8%B5%B7%E8%AF%89%E7%8A%B6%20%28final%29.pdf`);
    expect(contentDisposition('a"b\\c.txt', 'inline')).toBe(`inline; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });
});
