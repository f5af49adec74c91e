// Judicial confirmation (司法确认) of a signed mediation agreement: both parties apply with one click
// within thirty days of it taking effect (民事诉讼法 art. 205); once both have, the application goes to
// the court for review.
import { z } from 'zod';

export const CONFIRMATION_STATUSES = ['applying', 'submitted', 'confirmed', 'dismissed', 'withdrawn'] as const;
export const ZConfirmationStatus = z.enum(CONFIRMATION_STATUSES);

export const ZConfirmation = z.object({
  id: z.uuid(),
  matterId: z.uuid(),
  agreementId: z.uuid(),
  status: ZConfirmationStatus,
  version: z.number().int(),
  /** Every party of the agreement, and when each applied (null: not yet). */
  applicants: z.array(z.object({ userId: z.uuid(), appliedAt: z.string().nullable() })),
  /** The last day the parties may apply (YYYY-MM-DD, Beijing). */
  lastDay: z.string(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TConfirmation = z.infer<typeof ZConfirmation>;
