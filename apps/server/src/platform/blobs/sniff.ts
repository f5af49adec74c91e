// What a file really is, judged by its bytes (magic numbers, container structure, text encoding),
// never by its name or declared Content-Type. Pure: fed chunk by chunk while an upload streams, with
// bounded memory (the first HEAD_BYTES and, for ZIP containers, the last TAIL_BYTES).
export type FileKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx' | 'text' | 'webm' | 'matroska' | 'mp4' | 'ogg' | 'wav' | 'mp3';

type KindSpec = {
  mediaType: string;
  /** How users see it in messages (Chinese first). */
  label: string;
  /** File name extensions that may carry this content. */
  extensions: readonly string[];
  /** Kinds a declared Content-Type may name for this content without contradicting it. */
  family: string;
};

export const FILE_KINDS: Record<FileKind, KindSpec> = {
  pdf: { mediaType: 'application/pdf', label: 'PDF 文档', extensions: ['pdf'], family: 'pdf' },
  png: { mediaType: 'image/png', label: 'PNG 图片', extensions: ['png'], family: 'png' },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG 图片', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], family: 'jpeg' },
  gif: { mediaType: 'image/gif', label: 'GIF 图片', extensions: ['gif'], family: 'gif' },
  webp: { mediaType: 'image/webp', label: 'WebP 图片', extensions: ['webp'], family: 'webp' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档（.docx）', extensions: ['docx'], family: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格（.xlsx）', extensions: ['xlsx'], family: 'xlsx' },
  text: { mediaType: 'text/plain', label: '纯文本', extensions: ['txt', 'text', 'md', 'csv', 'tsv', 'log', 'json'], family: 'text' },
  webm: { mediaType: 'video/webm', label: 'WebM 音视频', extensions: ['webm'], family: 'matroska' },
  matroska: { mediaType: 'video/x-matroska', label: 'Matroska 音视频', extensions: ['mkv', 'mka'], family: 'matroska' },
  mp4: { mediaType: 'video/mp4', label: 'MP4 音视频', extensions: ['mp4', 'm4v', 'm4a'], family: 'mp4' },
  ogg: { mediaType: 'audio/ogg', label: 'Ogg 音频', extensions: ['ogg', 'oga', 'ogv', 'opus'], family: 'ogg' },
  wav: { mediaType: 'audio/wav', label: 'WAV 音频', extensions: ['wav'], family: 'wav' },
  mp3: { mediaType: 'audio/mpeg', label: 'MP3 音频', extensions: ['mp3'], family: 'mp3' },
};

/** Declared Content-Types we recognise, by family; any other declared type is ignored (browsers vary). */
const DECLARED_FAMILY: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/csv': 'text',
  'application/json': 'text',
  'video/webm': 'matroska',
  'audio/webm': 'matroska',
  'video/x-matroska': 'matroska',
  'audio/x-matroska': 'matroska',
  'video/mp4': 'mp4',
  'audio/mp4': 'mp4',
  'audio/x-m4a': 'mp4',
  'audio/ogg': 'ogg',
  'video/ogg': 'ogg',
  'application/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
};

export type SniffOutcome = { ok: true; kind: FileKind; mediaType: string } | { ok: false; reason: string };

const HEAD_BYTES = 4096;
const TAIL_BYTES = 1024 * 1024;

const startsWith = (buf: Buffer, sig: readonly number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return buf.length >= at + bytes.length && buf.subarray(at, at + bytes.length).equals(bytes);
};

/** Content we recognise and refuse, with the reason users are told. */
const REFUSED_SIGNATURES: { test: (head: Buffer) => boolean; reason: string }[] = [
  { test: (h) => startsWith(h, [0x7f, 0x45, 0x4c, 0x46]), reason: '文件内容是可执行程序（ELF），不允许上传' },
  { test: (h) => startsWith(h, 'MZ'), reason: '文件内容是 Windows 可执行程序（EXE/DLL），不允许上传' },
  {
    test: (h) => [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => startsWith(h, s)),
    reason: '文件内容是可执行程序（Mach-O），不允许上传',
  },
  { test: (h) => startsWith(h, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), reason: '不支持旧版 Office 格式（.doc/.xls），请另存为 .docx 或 .xlsx 后上传' },
  { test: (h) => startsWith(h, 'Rar!\x1a\x07'), reason: '不支持上传压缩包（RAR），请上传其中的文件' },
  { test: (h) => startsWith(h, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), reason: '不支持上传压缩包（7z），请上传其中的文件' },
  { test: (h) => startsWith(h, [0x1f, 0x8b]), reason: '不支持上传压缩包（gzip），请上传其中的文件' },
];

/**
 * Markup that a browser would render as a page (WHATWG MIME Sniffing §7.1 "HTML" patterns, plus XML
 * and SVG): refused even though it is valid text, since it could carry script.
 */
const MARKUP_PREFIXES = ['<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<a', '<style', '<title', '<b', '<body', '<br', '<p', '<!--', '<?xml', '<svg', '<meta', '<link', '<object', '<embed', '<form', '<img'];

function looksLikeMarkup(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 32).toLowerCase();
  return MARKUP_PREFIXES.some((p) => start.startsWith(p) && (p === '<!--' || /^[\s>/]/.test(start.slice(p.length, p.length + 1)) || start.length === p.length));
}

/** Bytes that never occur in plain text: C0 controls other than TAB, LF, FF, CR and ESC, and DEL. */
function hasBinaryControl(chunk: Buffer): boolean {
  for (const b of chunk) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) return true;
  }
  return false;
}

/** The names in a ZIP's central directory, read from the archive's last bytes; null if it is not a sound ZIP. */
export function zipEntryNames(tail: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 0xffff); at--) {
    if (tail.readUInt32LE(at) !== EOCD) continue;
    const entries = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    let p = at - cdSize;
    if (p < 0) return null; // the central directory does not fit in what we kept
    const names: string[] = [];
    for (let i = 0; i < entries; i++) {
      if (p + 46 > at || tail.readUInt32LE(p) !== CDH) return null;
      const nameLength = tail.readUInt16LE(p + 28);
      const extraLength = tail.readUInt16LE(p + 30);
      const commentLength = tail.readUInt16LE(p + 32);
      names.push(tail.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

function classifyZip(tail: Buffer): SniffOutcome {
  const names = zipEntryNames(tail);
  if (!names) return { ok: false, reason: '文件不是完整的 ZIP/Office 文档，可能已损坏' };
  if (!names.includes('[Content_Types].xml')) return { ok: false, reason: '不支持上传压缩包（ZIP），请上传其中的文件' };
  if (names.includes('word/document.xml')) return accept('docx');
  if (names.includes('xl/workbook.xml')) return accept('xlsx');
  return { ok: false, reason: '只支持 Word（.docx）和 Excel（.xlsx）两种 Office 文档' };
}

const accept = (kind: FileKind): SniffOutcome => ({ ok: true, kind, mediaType: FILE_KINDS[kind].mediaType });

function classifyBinary(head: Buffer): FileKind | 'zip' | undefined {
  if (startsWith(head, '%PDF-')) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WAVE', 8)) return 'wav';
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) return 'zip';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The EBML header names its DocType: "webm" or "matroska".
    return head.subarray(0, 64).includes(Buffer.from('webm')) ? 'webm' : 'matroska';
  }
  if (startsWith(head, 'ftyp', 4) && !startsWith(head, 'qt  ', 8)) return 'mp4';
  if (startsWith(head, 'OggS')) return 'ogg';
  if (startsWith(head, 'ID3')) return 'mp3';
  // An MPEG audio frame: 11 sync bits, then MPEG version and layer III.
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && ((head[1]! >> 1) & 0x03) === 0x01 && ((head[1]! >> 3) & 0x03) !== 0x01) return 'mp3';
  return undefined;
}

export type Sniffer = { update(chunk: Buffer): void; finish(): SniffOutcome };

export function createSniffer(): Sniffer {
  const headParts: Buffer[] = [];
  let headLength = 0;
  // The last TAIL_BYTES, kept as chunks (no copying) and only for what may be a ZIP container.
  const tail: Buffer[] = [];
  let tailLength = 0;
  let maybeZip: boolean | undefined;
  let total = 0;
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let textSoFar = true;
  /** The text's opening, past leading white space, to spot markup and scripts. */
  let textStart = '';

  const decodes = (chunk: Buffer | undefined) => {
    try {
      const decoded = chunk ? utf8.decode(chunk, { stream: true }) : utf8.decode();
      if (textStart.trimStart().length < 64 && textStart.length < 64 * 1024) textStart += decoded.slice(0, 64 * 1024);
      return true;
    } catch {
      return false; // not valid UTF-8
    }
  };

  return {
    update(chunk) {
      total += chunk.length;
      if (headLength < HEAD_BYTES) {
        const take = chunk.subarray(0, HEAD_BYTES - headLength);
        headParts.push(take);
        headLength += take.length;
      }
      if (maybeZip === undefined && headLength >= 2) maybeZip = startsWith(Buffer.concat(headParts), 'PK');
      if (maybeZip !== false) {
        tail.push(chunk);
        tailLength += chunk.length;
        while (tailLength - tail[0]!.length >= TAIL_BYTES) tailLength -= tail.shift()!.length;
      }
      if (textSoFar && (hasBinaryControl(chunk) || !decodes(chunk))) textSoFar = false;
    },
    finish() {
      if (total === 0) return { ok: false, reason: '文件是空的' };
      const head = Buffer.concat(headParts);
      const refused = REFUSED_SIGNATURES.find((r) => r.test(head));
      if (refused) return { ok: false, reason: refused.reason };
      const binary = classifyBinary(head);
      if (binary === 'zip') return classifyZip(Buffer.concat(tail).subarray(-TAIL_BYTES));
      if (binary) return accept(binary);
      if (textSoFar && decodes(undefined)) {
        if (looksLikeMarkup(textStart)) return { ok: false, reason: '文件内容是网页或 XML/SVG 标记，不允许上传' };
        if (textStart.replace(/^\uFEFF/, '').startsWith('#!')) return { ok: false, reason: '文件内容是脚本程序，不允许上传' };
        return accept('text');
      }
      return { ok: false, reason: '不支持的文件类型：只接受 PDF、图片（PNG/JPEG/GIF/WebP）、Word/Excel（.docx/.xlsx）、UTF-8 纯文本和常见音视频（WebM/MKV/MP4/Ogg/WAV/MP3）' };
    },
  };
}

export function sniffBuffer(bytes: Buffer): SniffOutcome {
  const sniffer = createSniffer();
  sniffer.update(bytes);
  return sniffer.finish();
}

/** The file name's extension, lower-cased, without the dot ('' when none). */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Refuses content whose name or declared type says it is something else (a PNG named .pdf, a text
 * file named .exe). A name without an extension, or a declared type we do not know, says nothing.
 */
export function checkDeclared(kind: FileKind, declared: { filename: string; mediaType?: string }): string | undefined {
  const spec = FILE_KINDS[kind];
  const ext = extensionOf(declared.filename);
  if (ext && !spec.extensions.includes(ext)) return `文件内容与扩展名（.${ext}）不符：实际为${spec.label}`;
  const declaredType = declared.mediaType?.split(';')[0]?.trim().toLowerCase();
  const family = declaredType ? DECLARED_FAMILY[declaredType] : undefined;
  if (family && family !== spec.family) return `文件内容与声明的类型（${declaredType}）不符：实际为${spec.label}`;
  return undefined;
}
