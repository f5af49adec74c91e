// /library/causes/:cause, public: the articles a cause of action (民间借贷纠纷, …) rests on, each with
// why it matters; those the library does not hold are named all the same.
import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { articlePath, fetchCauseArticles } from './library.api.ts';
import { documentName } from './library-format.ts';
import './library.css';

export function LibraryCausePage() {
  const { t } = useTranslation();
  const { cause = '' } = useParams();
  const links = useQuery({ queryKey: ['library', 'cause', cause], queryFn: () => fetchCauseArticles(cause) });
  usePageTitle(t('library.causeHeading', { cause }));
  return (
    <PublicLayout>
      <Card className="oc-library">
        <nav aria-label={t('library.breadcrumb')}>
          <Link to="/library">{t('library.backToSearch')}</Link>
        </nav>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('library.causeHeading', { cause })}
        </Typography.Title>
        {links.isPending ? <PageSpinner /> : null}
        {links.error ? <ProblemAlert error={links.error} /> : null}
        {links.data ? (
          <ol className="oc-library-hits">
            {links.data.articles.map((a) => {
              const name = `${documentName({ title: a.documentTitle, subtitle: a.subtitle })} ${a.label}`;
              return (
                <li key={`${a.documentTitle}${a.label}`} className="oc-library-hit">
                  <h2>{a.documentId ? <Link to={articlePath(a.documentId, { label: a.label, ordinal: 0 })}>{name}</Link> : name}</h2>
                  {a.note ? <p className="oc-library-meta">{a.note}</p> : null}
                  <p className="oc-library-snippet">{a.text ?? t('library.causeMissing')}</p>
                </li>
              );
            })}
          </ol>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
