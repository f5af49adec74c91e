import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmailDriver, createEmlDriver, createSmtpDriver } from './email.ts';

/** A minimal SMTP server (RFC 5321 without extensions) that keeps what it receives. */
async function startSmtpSink(opts: { refuse?: (rcpt: string) => boolean } = {}) {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let envelope = { from: '', to: [] as string[] };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push({ ...envelope, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          envelope = { from: '', to: [] };
          reply('250 2.0.0 queued as SINK1');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test');
        else if (verb === 'MAIL') reply(((envelope.from = line.slice(10)), '250 2.1.0 ok'));
        else if (verb === 'RCPT') {
          const rcpt = line.slice(8).replace(/[<>]/g, '');
          if (opts.refuse?.(rcpt)) reply('550 5.1.1 no such user');
          else reply((envelope.to.push(rcpt), '250 2.1.5 ok'));
        } else if (verb === 'DATA') reply(((inData = true), '354 go ahead'));
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(r)) };
}

/** The text of a single-part message, whichever transfer encoding nodemailer chose. */
function decodeBody(head: string, body: string): string {
  const encoding = /^Content-Transfer-Encoding: (\S+)/m.exec(head)?.[1];
  if (encoding === 'base64') return Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('e-mail drivers', () => {
  it('eml: writes the RFC 5322 message with CRLF lines and encoded Chinese headers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-eml-'));
    dirs.push(dir);
    const driver = createEmlDriver({ dir: path.join(dir, 'mail'), from: 'OpenCourt <no-reply@opencourt.local>' });
    const { providerMessageId } = await driver.send({ to: 'li.si@example.cn', subject: '调解通知', text: '请于明日参加在线调解。\n链接：https://court.example.cn/m/1', date: new Date('2026-11-25T08:00:00Z') });
    const [file] = fs.readdirSync(path.join(dir, 'mail'));
    expect(file).toMatch(/^20261125T080000-.*\.eml$/);
    const raw = fs.readFileSync(path.join(dir, 'mail', file!), 'latin1');
    expect(raw).toContain(`Message-ID: ${providerMessageId}\r\n`);
    expect(raw).toMatch(/^From: OpenCourt <no-reply@opencourt\.local>\r$/m);
    expect(raw).toContain('Subject: =?UTF-8?B?6LCD6Kej6YCa55+l?=\r\n'); // 调解通知
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n/); // every line ends in CRLF
    const [head, body] = raw.split('\r\n\r\n') as [string, string];
    expect(decodeBody(head, body)).toBe('请于明日参加在线调解。\r\n链接：https://court.example.cn/m/1\r\n');
    expect((fs.statSync(path.join(dir, 'mail', file!)).mode & 0o777).toString(8)).toBe('600');
  });

  it('smtp: hands the message to the mail server', async () => {
    const sink = await startSmtpSink();
    try {
      const driver = createEmailDriver({ driver: 'smtp', smtpUrl: sink.url, from: 'OpenCourt <no-reply@court.example.cn>', emlDir: '/nonexistent' });
      expect(driver.name).toBe('smtp');
      const { providerMessageId } = await driver.send({ to: 'wang.wu@example.cn', subject: '开庭通知', text: '正文' });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.to).toEqual(['wang.wu@example.cn']);
      expect(sink.received[0]!.data).toContain(`Message-ID: ${providerMessageId}`);
    } finally {
      await sink.close();
    }
  });

  it('smtp: a refused recipient is an error the delivery records', async () => {
    const sink = await startSmtpSink({ refuse: (r) => r.startsWith('nobody@') });
    try {
      const driver = createSmtpDriver({ url: sink.url, from: 'no-reply@court.example.cn' });
      await expect(driver.send({ to: 'nobody@example.cn', subject: 's', text: 't' })).rejects.toThrow(/550|refused|recipients/i);
      expect(sink.received).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });

  it('smtp without SMTP_URL is a configuration error', () => {
    expect(() => createEmailDriver({ driver: 'smtp', from: 'x@y.cn', emlDir: '/tmp' })).toThrow(/SMTP_URL/);
  });
});
