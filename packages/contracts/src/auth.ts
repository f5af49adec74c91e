import { z } from 'zod';
import { ZId, ZLocale, ZRole } from './common.ts';

export const ZPasswordLogin = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type TPasswordLogin = z.infer<typeof ZPasswordLogin>;

/** Mainland mobile (11 digits, optionally +86) or an international number with +. */
export const ZPhone = z.string().trim().regex(/^(\+?86)?1[3-9]\d{9}$|^\+[1-9]\d{6,14}$/, '请输入正确的手机号码');

export const ZSmsCodeRequest = z.strictObject({ phone: ZPhone });
export const ZSmsCodeSent = z.object({ sentTo: z.string(), expiresInSeconds: z.number(), resendAfterSeconds: z.number() });
export const ZSmsLogin = z.strictObject({ phone: ZPhone, code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字') });
export const ZTotpCode = z.strictObject({ code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字') });
export const ZTotpEnrolment = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });

export const ZSessionStage = z.enum(['full', 'mfa', 'enrol']);
export const ZLoginResult = z.object({ stage: ZSessionStage, csrfToken: z.string(), expiresAt: z.string() });
export type TLoginResult = z.infer<typeof ZLoginResult>;

export const ZMe = z.object({
  id: ZId,
  displayName: z.string(),
  roles: z.array(ZRole),
  organisation: z.object({ id: ZId, name: z.string(), kind: z.string() }).nullable(),
  locale: ZLocale,
  stage: ZSessionStage,
  totpEnabled: z.boolean(),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLocaleUpdate = z.strictObject({ locale: ZLocale });
export const ZPasswordChange = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });
