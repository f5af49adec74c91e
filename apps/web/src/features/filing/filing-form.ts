// The wizard's form values and their conversion to and from the API's complaint. Amounts are typed in
// yuan and sent as integer fen (read from the digits, never through a float).
import type { TFiling, TFilingSubmitInput } from '@opencourt/contracts';
import { formatFen, parseYuanToFen } from '../fees/fee-format.ts';

export type PartyValues = {
  kind: 'person' | 'organisation';
  side: 'plaintiff' | 'defendant' | 'third-party';
  name?: string;
  sex?: 'male' | 'female';
  idKind?: string;
  idNumber?: string;
  uscc?: string;
  representative?: string;
  address?: string;
  phone?: string;
};
export type FilingValues = {
  courtId?: string;
  cause?: string;
  parties: PartyValues[];
  claims: { description?: string; amount?: string }[];
  facts?: string;
  evidence?: string;
};
export type Material = { id: string; filename: string };

export const emptyFiling = (): FilingValues => ({
  parties: [
    { kind: 'person', side: 'plaintiff', idKind: 'mainland-resident' },
    { kind: 'person', side: 'defendant', idKind: 'mainland-resident' },
  ],
  claims: [{}],
});

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** Yuan as typed to fen; undefined when empty; NaN when not an amount (the server then says why). */
export function amountFen(text: string | undefined): number | undefined {
  if (!clean(text)) return undefined;
  const fen = parseYuanToFen(text!);
  return fen === undefined ? Number.NaN : Number(fen);
}

export function toSubmit(v: FilingValues, materials: Material[]): TFilingSubmitInput {
  return {
    courtId: v.courtId ?? '',
    cause: v.cause ?? '',
    parties: v.parties.map((p) =>
      p.kind === 'person'
        ? { kind: 'person', side: p.side, name: p.name ?? '', sex: p.sex, idKind: clean(p.idNumber) ? (p.idKind as never) : undefined, idNumber: clean(p.idNumber), address: p.address ?? '', phone: clean(p.phone) }
        : { kind: 'organisation', side: p.side, name: p.name ?? '', uscc: clean(p.uscc), representative: clean(p.representative), address: p.address ?? '', phone: clean(p.phone) },
    ),
    claims: v.claims.map((c) => ({ description: c.description ?? '', amountFen: amountFen(c.amount) })),
    facts: v.facts ?? '',
    evidence: v.evidence ?? '',
    materialFileIds: materials.map((m) => m.id),
  };
}

/** A filing as the form edits it (a correction starts from what was submitted). */
export function fromFiling(f: TFiling): { values: FilingValues; materials: Material[] } {
  return {
    values: {
      courtId: f.courtId,
      cause: f.cause,
      parties: f.parties.map((p) => ({
        kind: p.kind,
        side: p.side,
        name: p.name,
        idKind: p.kind === 'person' ? (p.idKind ?? 'mainland-resident') : undefined,
        idNumber: p.idNumber ?? undefined,
        uscc: p.uscc ?? undefined,
        representative: p.representative ?? undefined,
        address: p.address ?? undefined,
        phone: p.phone ?? undefined,
      })),
      claims: f.claims.map((c) => ({ description: c.description, amount: c.amountFen ? formatFen(c.amountFen, 'en').replace(/,/g, '') : undefined })),
      facts: f.facts,
      evidence: f.evidence,
    },
    materials: f.materials.map((m) => ({ id: m.fileId, filename: m.filename })),
  };
}

/** Which wizard step holds the field a server error points at (/body/parties/0/idNumber → parties). */
export function stepOfPointer(pointer: string): number {
  const field = pointer.replace(/^\/body\/(filing\/)?/, '').split('/')[0];
  if (field === 'courtId' || field === 'cause') return 0;
  if (field === 'parties') return 1;
  if (field === 'claims') return 2;
  return 3;
}
