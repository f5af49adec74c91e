import { z } from 'zod';
import { CommonErrors } from './errors.ts';

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.output<T> | undefined {
  if (!cursor) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw CommonErrors.VALIDATION_FAILED(undefined, { fields: [{ pointer: '/querystring/cursor', detail: '分页游标无效' }] });
  }
}

/** Fetch limit+1 rows, return limit and the next cursor if there were more. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => Record<string, string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
