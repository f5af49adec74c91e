// The words around a notification when it leaves as SMS or e-mail, in the recipient's language.
// The title and body come from the module that notifies, already in that language.
export type Locale = 'zh-CN' | 'zh-HK' | 'en';

const WORDS: Record<Locale, { sign: string; open: string; footer: string; colon: string }> = {
  'zh-CN': { sign: '【OpenCourt】', open: '查看详情：', footer: '此邮件由 OpenCourt 在线法院服务平台自动发送，请勿直接回复。', colon: '：' },
  'zh-HK': { sign: '【OpenCourt】', open: '查看詳情：', footer: '此郵件由 OpenCourt 線上法院服務平台自動發送，請勿直接回覆。', colon: '：' },
  en: { sign: '[OpenCourt] ', open: 'Details: ', footer: 'This message was sent automatically by OpenCourt. Please do not reply.', colon: ': ' },
};

/** Long SMS are split by carriers into 67-character parts; keep a message to a few parts. */
const SMS_BODY_MAX = 200;

export function renderSms(locale: Locale, n: { title: string; body: string; link: string | null }): string {
  const w = WORDS[locale];
  const body = n.body.length > SMS_BODY_MAX ? `${n.body.slice(0, SMS_BODY_MAX - 1)}…` : n.body;
  return `${w.sign}${n.title}${w.colon}${body}${n.link ? ` ${w.open}${n.link}` : ''}`;
}

export function renderEmail(locale: Locale, n: { title: string; body: string; link: string | null }): string {
  const w = WORDS[locale];
  return [n.body, ...(n.link ? ['', `${w.open}${n.link}`] : []), '', '—', w.footer].join('\n');
}
