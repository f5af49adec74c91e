// Small but structurally real files of every accepted kind (and some refused ones), built in code, for
// tests of the sniffer, the upload routes and backups.
import zlib from 'node:zlib';

/** A ZIP archive (stored, no compression) with the given entries. */
export function zipOf(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A tiny real PNG (1×1, one grey pixel). */
export const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a4944415478da6360000000020001e221bc330000000049454e44ae426082',
  'hex',
);

const riff = (form: string, body: Buffer) => {
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write(form, 8, 'latin1');
  return Buffer.concat([header, body]);
};

export const SAMPLES = {
  pdf: Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  png: PNG_1X1,
  jpeg: Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 0x11), Buffer.from('ffd9', 'hex')]),
  gif: Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from('010001000000002c00000000010001000002024401003b', 'hex')]),
  webp: riff('WEBP', Buffer.concat([Buffer.from('VP8L', 'latin1'), Buffer.from('0a0000002f00000000000000', 'hex')])),
  docx: zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }),
  // openpyxl writes [Content_Types].xml last: only the central directory tells.
  xlsx: zipOf({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>', '[Content_Types].xml': CONTENT_TYPES }),
  text: Buffer.from('调解协议草稿\n第一条：双方同意分期还款。\r\nTotal: 12,000 元\t(含利息)\n', 'utf8'),
  webm: Buffer.concat([Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d', 'hex'), Buffer.alloc(32)]),
  matroska: Buffer.concat([Buffer.from('1a45dfa3a34286810142f7810142f2810442f38108428288' + '6d6174726f736b61', 'hex'), Buffer.alloc(32)]),
  mp4: Buffer.concat([Buffer.from('00000020667479706973666f0000020069736f6d69736f32617663316d703431', 'hex'), Buffer.alloc(32)]),
  ogg: Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.from('0002000000000000000000000000000000000000000000', 'hex'), Buffer.from('OpusHead', 'latin1')]),
  wav: riff('WAVE', Buffer.concat([Buffer.from('fmt ', 'latin1'), Buffer.from('10000000010001004' + '01f0000803e00000200100064617461' + '00000000', 'hex')])),
  mp3: Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from('04000000000000', 'hex'), Buffer.from('fffb9064', 'hex'), Buffer.alloc(64)]),
  mp3Frame: Buffer.concat([Buffer.from('fffb9064', 'hex'), Buffer.alloc(64)]),
} as const;

export const REFUSED = {
  elf: Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(48)]),
  exe: Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62), Buffer.from('PE\0\0', 'latin1')]),
  html: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'utf8'),
  paddedHtml: Buffer.from(`${' '.repeat(300)}\n<html><script>alert(1)</script>`, 'utf8'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'utf8'),
  script: Buffer.from('#!/bin/sh\nrm -rf /\n', 'utf8'),
  zip: zipOf({ 'notes.txt': 'hello' }),
  pptx: zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'ppt/presentation.xml': '<p/>' }),
  ole: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64)]),
  gzip: Buffer.from('1f8b0800000000000003', 'hex'),
  latin1: Buffer.from('caf\xe9 cr\xe8me', 'latin1'),
  binary: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]),
  empty: Buffer.alloc(0),
} as const;
