// Fields of a table's COPY text file (one row a line, fields split by tabs; tabs, newlines and
// backslashes inside values are escaped, so both split safely), read or rewritten as a stream.
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const NULL = '\\N';

/** Splits a stream of chunks into complete lines (without their newline). */
function lineSplitter(onLines: (lines: string[]) => void) {
  let rest = '';
  return {
    push(chunk: string) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      onLines(lines);
    },
    end() {
      if (rest) onLines([rest]);
      rest = '';
    },
  };
}

/** Calls `visit` with the value of each given field (by position) of every row that is not NULL. */
export async function scanCopyFields(file: string, positions: readonly number[], visit: (value: string, position: number) => void): Promise<void> {
  const lines = lineSplitter((batch) => {
    for (const line of batch) {
      const fields = line.split('\t');
      for (const p of positions) if (fields[p] !== NULL) visit(fields[p]!, p);
    }
  });
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8' })) lines.push(chunk as string);
  lines.end();
}

/** A stream that replaces the given fields of every row with `rewrite(value)`; NULLs are left alone. */
export function rewriteCopyFields(positions: readonly number[], rewrite: (value: string) => string): Transform {
  const decoder = new StringDecoder('utf8');
  let out: string[] = [];
  const lines = lineSplitter((batch) => {
    for (const line of batch) {
      const fields = line.split('\t');
      for (const p of positions) if (fields[p] !== NULL) fields[p] = rewrite(fields[p]!);
      out.push(`${fields.join('\t')}\n`);
    }
  });
  const flush = (t: Transform) => {
    if (out.length) t.push(out.join(''));
    out = [];
  };
  return new Transform({
    decodeStrings: false,
    transform(chunk: Buffer | string, _encoding, done) {
      lines.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      flush(this);
      done();
    },
    flush(done) {
      lines.push(decoder.end());
      lines.end();
      flush(this);
      done();
    },
  });
}
