// /news/:id, public: one published article, its Markdown rendered as elements (never HTML).
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { isApiError } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { Markdown } from './Markdown.tsx';
import { coverUrl, usePublicArticle } from './news.api.ts';

export function NewsArticlePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const article = usePublicArticle(id);
  usePageTitle(article.data?.title ?? t('news.title'));
  let content;
  if (article.isPending) content = <PageSpinner />;
  else if (isApiError(article.error, 404) || isApiError(article.error, 400)) content = <ErrorResult status="404" title={t('news.notFound')} hint={t('news.notFoundHint')} />;
  else if (article.isError) content = <ProblemAlert error={article.error} />;
  else {
    const a = article.data;
    content = (
      <article>
        <Typography.Title level={1} style={{ fontSize: 22 }}>{a.title}</Typography.Title>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Tag>{t(`news.categories.${a.category}`)}</Tag>
          {a.publishedAt && <Typography.Text type="secondary">{formatDateTime(a.publishedAt, i18n.language)}</Typography.Text>}
        </Flex>
        {a.coverId && <img src={coverUrl(a.coverId)} alt="" style={{ width: '100%', maxHeight: 320, objectFit: 'cover', borderRadius: 6, marginBottom: 16 }} />}
        {a.summary && <Typography.Paragraph strong>{a.summary}</Typography.Paragraph>}
        <Markdown source={a.body} />
        {a.tags.length > 0 && (
          <Flex gap={4} wrap aria-label={t('news.tags')}>
            {a.tags.map((tag) => <Tag key={tag}>#{tag}</Tag>)}
          </Flex>
        )}
      </article>
    );
  }
  return (
    <PublicLayout>
      <div style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
        <Typography.Paragraph><Link to="/news">← {t('news.back')}</Link></Typography.Paragraph>
        {content}
      </div>
    </PublicLayout>
  );
}
