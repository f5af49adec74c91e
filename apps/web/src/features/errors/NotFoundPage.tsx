import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <ErrorResult status="404" title={t('errors.notFound')} hint={t('errors.notFoundHint')} />;
}
