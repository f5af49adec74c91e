// /library/documents/:id/articles/:label, public: one article, with the words searched for marked, the
// document it belongs to, and the articles before and after it.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { DocumentFacts } from './DocumentFacts.tsx';
import { Highlighted } from './Highlighted.tsx';
import { articlePath, fetchArticle } from './library.api.ts';
import { documentName, formatLawDate } from './library-format.ts';
import './library.css';

export function LibraryArticlePage() {
  const { t, i18n } = useTranslation();
  const { id = '', label = '' } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const article = useQuery({ queryKey: ['library', 'article', id, label, q ?? ''], queryFn: () => fetchArticle(id, label, q) });
  const data = article.data;
  usePageTitle(data ? `${documentName(data.document)} ${data.article.label ?? ''}` : t('library.pageTitle'));
  const back = q ? `/library?${new URLSearchParams({ q })}` : '/library';
  return (
    <PublicLayout>
      <Card className="oc-library">
        <nav aria-label={t('library.breadcrumb')}>
          <Link to={back}>{t('library.backToSearch')}</Link>
        </nav>
        {article.isPending ? <PageSpinner /> : null}
        {article.error ? <ProblemAlert error={article.error} /> : null}
        {data ? (
          <article>
            <Typography.Title level={1} style={{ fontSize: 22 }}>
              {documentName(data.document)} {data.article.label}
            </Typography.Title>
            {data.article.headings.length ? <p className="oc-library-meta">{data.article.headings.join(' · ')}</p> : null}
            <p className="oc-library-text">{data.highlighted ? <Highlighted segments={data.highlighted} /> : data.article.text}</p>
            <div className="oc-library-nav">
              {data.previous ? (
                <Link to={articlePath(data.document.id, { label: data.previous, ordinal: 0 }, q)}>{t('library.previous', { label: data.previous })}</Link>
              ) : (
                <span />
              )}
              {data.next ? <Link to={articlePath(data.document.id, { label: data.next, ordinal: 0 }, q)}>{t('library.next', { label: data.next })}</Link> : null}
            </div>
            <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
              {t('library.aboutDocument')}
            </Typography.Title>
            {data.document.supersededOn ? (
              <Alert type="warning" showIcon title={t('library.superseded', { date: formatLawDate(data.document.supersededOn, i18n.language) })} style={{ marginBottom: 8 }} />
            ) : null}
            <DocumentFacts document={data.document} />
            <p>
              <Link to={`/library/documents/${data.document.id}#a${data.article.ordinal}`}>{t('library.readWhole', { title: documentName(data.document) })}</Link>
            </p>
          </article>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
