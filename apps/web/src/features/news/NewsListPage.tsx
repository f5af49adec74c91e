// /news, public: the court's news, legal education (普法) and notices, newest first, by column, with
// a search by title. Phone-first: one column of cards.
import type { TNewsCategory } from '@opencourt/contracts';
import { Button, Card, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { formatDateTime } from '../../shared/lib/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { coverUrl, usePublicNews } from './news.api.ts';

const CATEGORIES: TNewsCategory[] = ['news', 'legal_education', 'notice'];

export function NewsListPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('news.title'));
  const [params, setParams] = useSearchParams();
  const category = CATEGORIES.find((c) => c === params.get('category'));
  const q = params.get('q') ?? '';
  const news = usePublicNews(category, q);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = news.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <PublicLayout>
      <div style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>{t('news.title')}</Typography.Title>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Segmented
            block
            value={category ?? ''}
            onChange={(v) => set('category', String(v))}
            options={[{ value: '', label: t('news.all') }, ...CATEGORIES.map((c) => ({ value: c, label: t(`news.categories.${c}`) }))]}
          />
          <Input.Search aria-label={t('news.search')} placeholder={t('news.search')} defaultValue={q} maxLength={100} allowClear enterButton={t('news.searchButton')} onSearch={(v) => set('q', v.trim())} />
        </Flex>
        {news.isError && <ProblemAlert error={news.error} />}
        {!news.isPending && items.length === 0 && <Empty description={<Typography.Text>{t('news.none')}</Typography.Text>} />}
        <Flex vertical gap={12}>
          {items.map((a) => (
            <Card key={a.id} size="small" loading={false}>
              <Flex gap={12}>
                {a.coverId && <img src={coverUrl(a.coverId)} alt="" width={96} height={72} style={{ objectFit: 'cover', borderRadius: 4, flex: 'none' }} />}
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                    <Link to={`/news/${a.id}`}>{a.title}</Link>
                  </Typography.Title>
                  {a.summary && <Typography.Text>{a.summary}</Typography.Text>}
                  <Flex gap={8} wrap align="center">
                    <Tag>{t(`news.categories.${a.category}`)}</Tag>
                    {a.publishedAt && <Typography.Text type="secondary">{formatDateTime(a.publishedAt, i18n.language)}</Typography.Text>}
                  </Flex>
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
        {news.hasNextPage && (
          <Button block style={{ marginTop: 16 }} onClick={() => news.fetchNextPage()} loading={news.isFetchingNextPage}>{t('news.more')}</Button>
        )}
      </div>
    </PublicLayout>
  );
}
