// The e-dossier: catalogue entries (category, title, source, date, pages) over files stored by platform/blobs.
import type { TDossierDocument } from '@opencourt/contracts';
import { ZDocumentAdd } from '@opencourt/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import type { z } from 'zod';
import { can, type Actor, type MatterFacts } from '../../platform/auth/index.ts';
import type { FileService } from '../../platform/blobs/index.ts';
import type { Clock, IdGenerator } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { appendEvent } from '../../platform/events/index.ts';
import { MatterErrors, MatterRecordErrors } from './matters.errors.ts';
import { matterDocument } from './matters.tables.ts';

type DocumentRow = typeof matterDocument.$inferSelect;
type Files = Pick<FileService, 'getFile' | 'openContent'>;

/** Pages of a PDF, or null when the bytes are not a PDF pdf-lib can read (a scan saved oddly still gets catalogued). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    return (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
  } catch {
    return null;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function createDossier(deps: { db: Db; clock: Clock; id: IdGenerator; factsOf: (matterId: string, tx?: Executor) => Promise<MatterFacts | undefined>; files: () => Files | undefined; log?: FastifyBaseLogger }) {
  const { db, clock, id } = deps;
  const files = () => {
    const f = deps.files();
    if (!f) throw new Error('the file service is not set up');
    return f;
  };
  return {
    async addDocument(actor: Actor, matterId: string, input: z.infer<typeof ZDocumentAdd>, tx: Executor): Promise<TDossierDocument> {
      const facts = await deps.factsOf(matterId, tx);
      if (!facts || !can(actor, 'matter.read', facts)) throw MatterErrors.MATTER_NOT_FOUND();
      if (!can(actor, 'matter.update', facts)) throw MatterRecordErrors.MATTER_UPDATE_FORBIDDEN();
      // The file must be readable by the actor and filed under this matter.
      const file = await files().getFile(actor, input.fileId).catch(() => undefined);
      if (!file || file.matterId !== matterId) throw MatterRecordErrors.DOSSIER_FILE_INVALID(undefined, { fields: [{ pointer: '/body/fileId', detail: '文件不存在或不属于本案' }] });
      let pages: number | null = null;
      if (file.mediaType === 'application/pdf') {
        const { content } = await files().openContent(actor, file.id, deps.log ?? console);
        pages = await pdfPageCount(await readAll(content));
      }
      const row: DocumentRow = { id: id(), matterId, fileId: file.id, category: input.category, title: input.title, source: input.source, documentDate: input.documentDate, pages, visibility: input.visibility, addedBy: actor.userId, createdAt: clock.now() };
      const inserted = await tx.insert(matterDocument).values(row).onConflictDoNothing().returning({ id: matterDocument.id });
      if (!inserted.length) throw MatterRecordErrors.DOSSIER_FILE_INVALID(undefined, { fields: [{ pointer: '/body/fileId', detail: '该文件已在卷宗中' }] });
      await appendEvent(tx, { type: 'matter.document_added', aggregateType: 'matter', aggregateId: matterId, actorId: actor.userId, payload: { documentId: row.id, category: row.category, visibility: row.visibility } });
      return view(row, file);
    },

    /** The catalogue as the viewer may see it: staff see everything, parties what is shown to parties. */
    async listDocuments(actor: Actor, matterId: string): Promise<TDossierDocument[]> {
      const facts = await deps.factsOf(matterId);
      if (!facts || !can(actor, 'matter.read', facts)) throw MatterErrors.MATTER_NOT_FOUND();
      const staff = can(actor, 'matter.update', facts);
      const rows = await db
        .select()
        .from(matterDocument)
        .where(and(eq(matterDocument.matterId, matterId), staff ? undefined : eq(matterDocument.visibility, 'parties')))
        .orderBy(asc(matterDocument.documentDate), asc(matterDocument.createdAt));
      return Promise.all(rows.map(async (r) => view(r, await files().getFile(actor, r.fileId))));
    },
  };
}

const view = (r: DocumentRow, file: { filename: string; mediaType: string; size: number }): TDossierDocument => ({
  id: r.id,
  fileId: r.fileId,
  category: r.category as TDossierDocument['category'],
  title: r.title,
  source: r.source as TDossierDocument['source'],
  documentDate: r.documentDate,
  pages: r.pages,
  filename: file.filename,
  mediaType: file.mediaType,
  size: file.size,
  visibility: r.visibility as TDossierDocument['visibility'],
  addedAt: r.createdAt.toISOString(),
  downloadUrl: `/api/v1/files/${r.fileId}/content`,
});

export type Dossier = ReturnType<typeof createDossier>;
