// /library/documents/:id, public: a whole document, its articles under their headings, each one
// addressable (#a<ordinal>) and linking to its own page.
import type { TLibraryArticle } from '@opencourt/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Collapse, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { DocumentFacts } from './DocumentFacts.tsx';
import { articlePath, fetchDocument } from './library.api.ts';
import { documentName, formatLawDate } from './library-format.ts';
import './library.css';

/** Articles with the heading path written out wherever it changes. */
function Articles({ documentId, articles }: { documentId: string; articles: TLibraryArticle[] }) {
  const { t } = useTranslation();
  let previous = '';
  return (
    <>
      {articles.map((a) => {
        const path = a.headings.join(' · ');
        const heading = path && path !== previous ? <h2 className="oc-library-heading">{path}</h2> : null;
        previous = path;
        return (
          <div key={a.id}>
            {heading}
            <div id={`a${a.ordinal}`} className="oc-library-article">
              <p className="oc-library-text">
                {a.label ? (
                  <Link className="oc-library-label" to={articlePath(documentId, a)}>
                    {a.type === 'item' ? t('library.item', { label: a.label }) : a.label}
                  </Link>
                ) : null}
                {a.text}
              </p>
            </div>
          </div>
        );
      })}
    </>
  );
}

export function LibraryDocumentPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const document = useQuery({ queryKey: ['library', 'document', id], queryFn: () => fetchDocument(id) });
  const data = document.data;
  usePageTitle(data ? documentName(data) : t('library.pageTitle'));
  // The article the link pointed at, once it is on the page.
  useEffect(() => {
    if (data && hash) window.document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [data, hash]);
  return (
    <PublicLayout>
      <Card className="oc-library">
        <nav aria-label={t('library.breadcrumb')}>
          <Link to="/library">{t('library.backToSearch')}</Link>
        </nav>
        {document.isPending ? <PageSpinner /> : null}
        {document.error ? <ProblemAlert error={document.error} /> : null}
        {data ? (
          <article>
            <Typography.Title level={1} style={{ fontSize: 22 }}>
              {documentName(data)}
            </Typography.Title>
            {data.supersededOn ? (
              <Alert type="warning" showIcon title={t('library.superseded', { date: formatLawDate(data.supersededOn, i18n.language) })} style={{ marginBottom: 8 }} />
            ) : null}
            <DocumentFacts document={data} />
            {data.history.length ? (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'history',
                    label: t('library.history'),
                    children: (
                      <ul>
                        {data.history.map((h, i) => (
                          <li key={i}>
                            {formatLawDate(h.date, i18n.language)} {h.event}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            ) : null}
            <p className="oc-library-meta">{t('library.articleCount', { count: data.articleCount })}</p>
            <Articles documentId={data.id} articles={data.articles} />
          </article>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
