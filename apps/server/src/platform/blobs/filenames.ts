// File names as users gave them, made safe to store and to send back in a header.

/** The last path segment, without control characters, at most 200 characters; 'file' if nothing is left. */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().replace(/^\.+$/, '');
  const chars = [...clean];
  if (chars.length <= 200) return clean || 'file';
  const ext = clean.slice(clean.lastIndexOf('.'));
  return [...chars.slice(0, 200 - [...ext].length)].join('') + (ext.length < 20 ? ext : '');
}

const ATTR_CHAR = /[A-Za-z0-9!#$&+.^_`|~-]/;

/** RFC 5987 ext-value: UTF-8, percent-encoding every byte outside attr-char. */
function extValue(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A Content-Disposition header (RFC 6266): an ASCII fallback `filename` for old clients and the exact
 * name in `filename*`.
 */
export function contentDisposition(filename: string, type: 'inline' | 'attachment' = 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return `${type}; filename="${fallback}"; filename*=UTF-8''${extValue(filename)}`;
}
