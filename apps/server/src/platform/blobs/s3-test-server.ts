// A real S3-compatible server (s3rver, from npm) on a loopback port with one bucket, for tests of the
// S3 driver.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export type TestS3 = { endpoint: string; bucket: string; dir: string; env: Record<string, string>; objectPath(key: string): string; stop(): Promise<void> };

export async function startTestS3(bucket = 'opencourt-test'): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    dir,
    env: { BLOB_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' },
    /** Where s3rver keeps an object's bytes on disk (to inspect or tamper with them). */
    objectPath: (key) => path.join(dir, bucket, `${key}._S3rver_object`),
    async stop() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
