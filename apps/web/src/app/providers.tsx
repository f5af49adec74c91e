// Query cache, antd theme and locale (following the interface language), and the language sync
// with the signed-in account. Buttons keep their text as written (no space inserted between two
// Chinese characters), so screen readers read 登录, not 登 录.
import type { TLocale } from '@opencourt/contracts';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import zhHK from 'antd/es/locale/zh_HK';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../shared/api/client.ts';
import { forgetSession, meQueryKey, useMe } from '../shared/session/me.ts';
import { changeLocale, currentLocale, storedLocale } from './i18n/index.ts';
import { useMediaQuery } from '../shared/ui/useMediaQuery.ts';
import { themeFor } from './theme.ts';

const ANT_LOCALES: Record<TLocale, AntLocale> = { 'zh-CN': zhCN, 'zh-HK': zhHK, en: enUS };

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A 401 anywhere means the session ended (expired, or signed out on another device).
    onError: (error, query) => {
      if (isApiError(error, 401) && query.queryKey[0] !== meQueryKey[0]) forgetSession(queryClient);
    },
  }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Client errors will not change on retry; network and server errors may.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

/** A user who never chose a language on this device gets the one saved with their account. */
function AccountLocaleSync() {
  const { data: me } = useMe();
  useEffect(() => {
    if (me && !storedLocale() && me.locale !== currentLocale()) void changeLocale(me.locale);
  }, [me]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? 'zh-CN') as TLocale;
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useMemo(() => themeFor({ reducedMotion }), [reducedMotion]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={ANT_LOCALES[locale] ?? zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <AccountLocaleSync />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
