// E-mail drivers. `smtp` hands messages to a mail server (SMTP_URL); `eml` writes each message, as
// the exact RFC 5322 text an SMTP server would receive (CRLF lines), to DATA_DIR/outbox/mail/*.eml,
// so a single-machine install and the tests can read what was sent.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export type EmailMessage = { to: string; subject: string; text: string; date?: Date };
export type EmailDriver = { name: string; send(message: EmailMessage): Promise<{ providerMessageId: string }> };

export function createEmlDriver(opts: { dir: string; from: string }): EmailDriver {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    name: 'eml',
    async send(message) {
      const info = await transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.text, date: message.date });
      const raw = info.message as Buffer;
      const stamp = (message.date ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      const file = path.join(opts.dir, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`);
      await fs.promises.mkdir(opts.dir, { recursive: true });
      await fs.promises.writeFile(file, raw, { mode: 0o600 });
      return { providerMessageId: info.messageId };
    },
  };
}

export function createSmtpDriver(opts: { url: string; from: string }): EmailDriver {
  const transport = nodemailer.createTransport(opts.url);
  return {
    name: 'smtp',
    async send(message) {
      const info = await transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.text, date: message.date });
      if (info.rejected.length) throw new Error(`the mail server refused the recipient: ${info.response}`);
      return { providerMessageId: info.messageId };
    },
  };
}

export function createEmailDriver(config: { driver: 'eml' | 'smtp'; smtpUrl?: string; from: string; emlDir: string }): EmailDriver {
  if (config.driver === 'smtp') {
    if (!config.smtpUrl) throw new Error('EMAIL_DRIVER=smtp needs SMTP_URL (e.g. smtps://user:pass@mail.example.org:465)');
    return createSmtpDriver({ url: config.smtpUrl, from: config.from });
  }
  return createEmlDriver({ dir: config.emlDir, from: config.from });
}
