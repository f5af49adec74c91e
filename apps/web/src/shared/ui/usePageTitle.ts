import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title (announced by screen readers on navigation). */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  const suffix = t('app.fullName');
  useEffect(() => {
    document.title = title ? `${title} - ${suffix}` : suffix;
  }, [title, suffix]);
}
