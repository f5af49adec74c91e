import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function Brand({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="oc-brand">
      <span className="oc-brand-mark" aria-hidden="true">
        ⚖
      </span>
      <span className="oc-brand-text">{t('app.name')}</span>
    </Link>
  );
}
