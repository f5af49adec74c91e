// SMS drivers. The `log` driver stands in for an SMS gateway: it appends each message as one JSON line
// to DATA_DIR/outbox/sms.log and prints it, so a developer (or a test) reads codes from there.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export type SmsMessage = { to: string; text: string };
export type SmsDriver = { name: string; send(message: SmsMessage): Promise<{ providerMessageId: string }> };

export function createLogSmsDriver(opts: { file: string; echo?: (line: string) => void }): SmsDriver {
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  return {
    name: 'log',
    async send(message) {
      const providerMessageId = `sms-${randomUUID()}`;
      const line = JSON.stringify({ id: providerMessageId, at: new Date().toISOString(), to: message.to, text: message.text });
      await fs.promises.appendFile(opts.file, `${line}\n`, { mode: 0o600 });
      opts.echo?.(`[SMS to ${message.to}] ${message.text}`);
      return { providerMessageId };
    },
  };
}
