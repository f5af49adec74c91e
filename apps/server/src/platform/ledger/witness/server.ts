// The witness over HTTP (node:http): POST /add-checkpoint as c2sp.org/tlog-witness defines it, and
// GET / saying who the witness is and which logs it follows.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADD_CHECKPOINT_PATH } from './protocol.ts';
import type { Witness } from './witness.ts';

const MAX_BODY = 64 * 1024;

export type WitnessServer = { url: string; port: number; close(): Promise<void> };

function send(res: http.ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWitnessServer(witness: Witness, opts: { port: number; host?: string; onError?: (err: unknown) => void }): Promise<WitnessServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === ADD_CHECKPOINT_PATH) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'use POST\n');
        const body = await readBody(req);
        if (body === undefined) return send(res, 413, 'text/plain; charset=utf-8', 'request too large\n');
        const answer = await witness.addCheckpoint(body);
        return send(res, answer.status, answer.contentType, answer.body);
      }
      if (path === '/' && req.method === 'GET') return send(res, 200, 'application/json', `${JSON.stringify(await witness.describe(), null, 2)}\n`);
      return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    })().catch((err: unknown) => {
      opts.onError?.(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
