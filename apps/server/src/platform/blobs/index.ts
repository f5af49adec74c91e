export { createFileService, fileView, type FileService, type FileServiceDeps, type FileView, type MatterAccess, type ReceivedUpload } from './blobs.service.ts';
export { filesRoutes, type FilesRoutesOptions } from './files.routes.ts';
export { FileErrors } from './blobs.errors.ts';
export { blobsStore } from './blobs.store.ts';
export { createBlobDriver, createFsDriver, createS3Driver, storageKeyOf, BlobMissingError, type BlobDriver } from './drivers/index.ts';
export { createSniffer, sniffBuffer, checkDeclared, FILE_KINDS, type FileKind, type SniffOutcome } from './sniff.ts';
export { contentDisposition, cleanFilename } from './filenames.ts';
