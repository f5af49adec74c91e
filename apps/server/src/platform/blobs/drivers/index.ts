import type { TConfig } from '../../../config.ts';
import type { BlobDriver } from './driver.ts';
import { createFsDriver } from './fs-driver.ts';
import { createS3Driver } from './s3-driver.ts';

export { BlobMissingError, storageKeyOf, type BlobDriver } from './driver.ts';
export { createFsDriver } from './fs-driver.ts';
export { createS3Driver, type S3DriverConfig } from './s3-driver.ts';

/** The driver the configuration names (BLOB_DRIVER). */
export function createBlobDriver(config: TConfig['blobs']): BlobDriver {
  return config.driver === 's3' ? createS3Driver(config.s3) : createFsDriver(config.dir);
}
