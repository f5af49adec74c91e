import { z } from 'zod';
import { ZId } from './common.ts';

/** A stored file as the API shows it: what was uploaded, never where or how it is kept. */
export const ZStoredFile = z.object({
  id: ZId,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  matterId: ZId.nullable(),
  createdAt: z.string(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;

/** The non-file field of an upload (multipart/form-data, beside the `file` part). */
export const ZFileUploadFields = z.strictObject({ matterId: ZId.optional() });
export type TFileUploadFields = z.infer<typeof ZFileUploadFields>;

export const ZFileContentQuery = z.strictObject({
  /** `attachment` asks the browser to save the file rather than show it. */
  disposition: z.enum(['inline', 'attachment']).default('inline'),
});
