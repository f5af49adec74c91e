import { describe, expect, it } from 'vitest';
import { REFUSED, SAMPLES } from './sample-files.ts';
import { checkDeclared, createSniffer, extensionOf, sniffBuffer, zipEntryNames, type FileKind } from './sniff.ts';

describe('sniffing accepted kinds by content', () => {
  const cases: [keyof typeof SAMPLES, FileKind, string][] = [
    ['pdf', 'pdf', 'application/pdf'],
    ['png', 'png', 'image/png'],
    ['jpeg', 'jpeg', 'image/jpeg'],
    ['gif', 'gif', 'image/gif'],
    ['webp', 'webp', 'image/webp'],
    ['docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['text', 'text', 'text/plain'],
    ['webm', 'webm', 'video/webm'],
    ['matroska', 'matroska', 'video/x-matroska'],
    ['mp4', 'mp4', 'video/mp4'],
    ['ogg', 'ogg', 'audio/ogg'],
    ['wav', 'wav', 'audio/wav'],
    ['mp3', 'mp3', 'audio/mpeg'],
    ['mp3Frame', 'mp3', 'audio/mpeg'],
  ];
  it.each(cases)('%s → %s', (sample, kind, mediaType) => {
    expect(sniffBuffer(SAMPLES[sample])).toEqual({ ok: true, kind, mediaType });
  });

  it('gives the same answer however the bytes are split into chunks', () => {
    for (const [sample, kind] of cases) {
      const bytes = SAMPLES[sample];
      const sniffer = createSniffer();
      for (let i = 0; i < bytes.length; i += 3) sniffer.update(bytes.subarray(i, i + 3));
      expect(sniffer.finish(), sample).toMatchObject({ ok: true, kind });
    }
  });

  it('accepts UTF-8 text whose multi-byte characters straddle chunks', () => {
    const bytes = Buffer.from('中文'.repeat(1000), 'utf8');
    const sniffer = createSniffer();
    for (let i = 0; i < bytes.length; i += 7) sniffer.update(bytes.subarray(i, i + 7));
    expect(sniffer.finish()).toMatchObject({ ok: true, kind: 'text' });
  });

  it('finds a ZIP entry list only through the central directory', () => {
    expect(zipEntryNames(SAMPLES.xlsx)).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml']);
    expect(zipEntryNames(SAMPLES.xlsx.subarray(0, SAMPLES.xlsx.length - 30))).toBeNull();
  });
});

describe('refusing content outside the allow-list', () => {
  const cases: [keyof typeof REFUSED, RegExp][] = [
    ['elf', /可执行程序（ELF）/],
    ['exe', /Windows 可执行程序/],
    ['html', /网页/],
    ['paddedHtml', /网页/],
    ['svg', /网页或 XML\/SVG/],
    ['script', /脚本/],
    ['zip', /压缩包（ZIP）/],
    ['pptx', /只支持 Word/],
    ['ole', /旧版 Office/],
    ['gzip', /压缩包（gzip）/],
    ['latin1', /不支持的文件类型/],
    ['binary', /不支持的文件类型/],
    ['empty', /空的/],
  ];
  it.each(cases)('%s is refused', (sample, reason) => {
    const outcome = sniffBuffer(REFUSED[sample]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(reason);
  });

  it('refuses a truncated ZIP (no central directory)', () => {
    expect(sniffBuffer(SAMPLES.docx.subarray(0, 60))).toMatchObject({ ok: false });
  });
});

describe('names and declared types must agree with the content', () => {
  const cases: [FileKind, string, string | undefined, RegExp | undefined][] = [
    ['pdf', '起诉状.pdf', 'application/pdf', undefined],
    ['pdf', '起诉状.PDF', undefined, undefined],
    ['pdf', 'no-extension', 'application/octet-stream', undefined],
    ['jpeg', 'photo.JPG', 'image/jpeg', undefined],
    ['text', 'data.csv', 'application/vnd.ms-excel', undefined],
    ['webm', 'hearing.webm', 'audio/webm', undefined],
    ['png', 'contract.pdf', 'application/pdf', /扩展名（\.pdf）不符：实际为PNG 图片/],
    ['png', 'contract', 'application/pdf', /声明的类型（application\/pdf）不符/],
    ['text', 'setup.exe', undefined, /扩展名（\.exe）不符/],
    ['pdf', 'scan.pdf', 'image/png', /声明的类型/],
  ];
  it.each(cases)('%s named %s declared %s', (kind, filename, mediaType, refusal) => {
    const verdict = checkDeclared(kind, { filename, mediaType });
    if (refusal) expect(verdict).toMatch(refusal);
    else expect(verdict).toBeUndefined();
  });

  it('reads extensions from the last path segment only', () => {
    expect(extensionOf('C:\\docs.v2\\file')).toBe('');
    expect(extensionOf('a/b.tar.GZ')).toBe('gz');
    expect(extensionOf('.bashrc')).toBe('');
  });
});
