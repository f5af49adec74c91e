import { defineErrors, localised as t } from '../http/errors.ts';

export const AuthErrors = defineErrors({
  AUTH_INVALID_CREDENTIALS: { status: 401, title: t('账号或密码错误', '帳號或密碼錯誤', 'Wrong username or password') },
  AUTH_ACCOUNT_LOCKED: { status: 423, title: t('登录失败次数过多，账号已暂时锁定', '登入失敗次數過多，帳號已暫時鎖定', 'Too many failed sign-ins; the account is locked for a while') },
  AUTH_ACCOUNT_DISABLED: { status: 403, title: t('账号已停用', '帳號已停用', 'The account is disabled') },
  AUTH_CODE_INVALID: { status: 401, title: t('验证码错误或已过期', '驗證碼錯誤或已過期', 'The code is wrong or has expired') },
  AUTH_CODE_TOO_SOON: { status: 429, title: t('验证码发送过于频繁，请稍后再试', '驗證碼發送過於頻繁，請稍後再試', 'Codes are being requested too often') },
  AUTH_MFA_REQUIRED: { status: 403, title: t('请先完成两步验证', '請先完成兩步驗證', 'Second factor required') },
  AUTH_MFA_ENROLMENT_REQUIRED: { status: 403, title: t('请先设置两步验证', '請先設定兩步驗證', 'Set up a second factor first') },
  AUTH_WEAK_PASSWORD: { status: 400, title: t('密码强度不足', '密碼強度不足', 'The password is too weak') },
  AUTH_USER_EXISTS: { status: 409, title: t('该账号已存在', '該帳號已存在', 'The account exists already') },
  AUTH_NO_PHONE: { status: 409, title: t('账号未登记手机号码，无法发送验证码', '帳號未登記手機號碼，無法發送驗證碼', 'The account has no phone number to send a code to') },
});
