// i18next set-up and the language choice: stored in localStorage and in the `oc_lang` cookie (which the
// server reads to localise error titles), and reflected in <html lang> and dayjs.
import type { TLocale } from '@opencourt/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-hk';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';
import { zhHK } from './zh-HK.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LOCALES = ['zh-CN', 'zh-HK', 'en'] as const satisfies readonly TLocale[];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';
const STORAGE_KEY = 'oc_lang';
const COOKIE = 'oc_lang';
const DAYJS_LOCALE: Record<TLocale, string> = { 'zh-CN': 'zh-cn', 'zh-HK': 'zh-hk', en: 'en' };

export const isLocale = (value: unknown): value is TLocale => LOCALES.includes(value as TLocale);

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(prefix))
    ?.slice(prefix.length);
}

/** The language the user chose on this device, if any. */
export function storedLocale(): TLocale | null {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode in some in-app browsers); the cookie still works.
  }
  if (isLocale(stored)) return stored;
  const cookie = readCookie(COOKIE);
  return isLocale(cookie) ? cookie : null;
}

function reflect(locale: TLocale) {
  document.documentElement.lang = locale;
  dayjs.locale(DAYJS_LOCALE[locale]);
}

/** Switches the interface language and remembers it on this device. */
export async function changeLocale(locale: TLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
  reflect(locale);
  await i18n.changeLanguage(locale);
}

export function currentLocale(): TLocale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

const initial = storedLocale() ?? DEFAULT_LOCALE;
reflect(initial);
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'zh-HK': { translation: zhHK }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

export { i18n };
