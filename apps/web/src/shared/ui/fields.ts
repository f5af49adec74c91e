// Client-side checks that only catch slips; the server's validation is the authority and its field
// errors are shown on the same fields.
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

export const sixDigitRules = (t: TFunction, messageKey: 'login.codeRequired' | 'totp.codeRequired'): Rule[] => [
  { required: true, message: t(messageKey) },
  { pattern: /^\d{6}$/, message: t(messageKey) },
];

export const phoneRules = (t: TFunction): Rule[] => [
  { required: true, whitespace: true, message: t('login.phoneRequired') },
  { pattern: /^\s*\+?[\d\s-]{7,20}\s*$/, message: t('login.phoneInvalid') },
];

/** Props for a one-time code input: digits keyboard, and iOS/Android code autofill. */
export const oneTimeCodeInput = { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6 } as const;
