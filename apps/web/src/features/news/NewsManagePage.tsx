// /news/manage, staff with news.publish (clerks, technical administrators): write an article in
// Markdown with a live preview, upload a cover, save drafts, publish and withdraw. An edit names its
// version, so a stale save is refused rather than overwriting a colleague's work.
import type { TNewsArticle, TNewsCategory } from '@opencourt/contracts';
import { ZNewsCategory } from '@opencourt/contracts';
import { Alert, Button, Card, Flex, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { Markdown } from './Markdown.tsx';
import { coverUrl, fetchStaffArticle, uploadCover, useRevisions, useSaveArticle, useStaffArticles, useTransition } from './news.api.ts';

const STATUS_COLOR = { draft: 'default', published: 'success', withdrawn: 'warning' } as const;

type Values = { title: string; category: TNewsCategory; summary: string; body: string; tags: string[] };

export function NewsManagePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('news.manage'));
  const articles = useStaffArticles();
  const transition = useTransition();
  const [editing, setEditing] = useState<TNewsArticle | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = (id: string, action: 'publish' | 'withdraw') => transition.mutateAsync({ id, action }).then(() => setError(null), setError);
  const edit = (id: string) => fetchStaffArticle(id).then(setEditing, setError);

  return (
    <>
      <PageHeader title={t('news.manage')} extra={<Link to="/news">{t('news.viewPublic')}</Link>} />
      {error ? <ProblemAlert error={error} /> : null}
      {editing ? (
        <Editor key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`} article={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>{t('news.write')}</Button>
      )}
      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('news.articles')}</Typography.Title>} style={{ marginTop: 16 }}>
        {articles.isError && <ProblemAlert error={articles.error} />}
        <List
          aria-label={t('news.articles')}
          loading={articles.isPending}
          dataSource={articles.data ?? []}
          locale={{ emptyText: <Typography.Text>{t('news.none')}</Typography.Text> }}
          rowKey="id"
          renderItem={(a) => (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text strong>{a.title}</Typography.Text>
                  <Tag color={STATUS_COLOR[a.status]} data-testid="news-status">{t(`news.status.${a.status}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {t(`news.categories.${a.category}`)} · {t('news.version', { version: a.version })} · {formatDateTime(a.updatedAt, i18n.language)}
                </Typography.Text>
                <Space wrap>
                  <Button onClick={() => edit(a.id)}>{t('news.edit')}</Button>
                  {a.status !== 'published' && <Button type="primary" onClick={() => act(a.id, 'publish')}>{t('news.publish')}</Button>}
                  {a.status === 'published' && <Button danger onClick={() => act(a.id, 'withdraw')}>{t('news.withdraw')}</Button>}
                  {a.status === 'published' && <Link to={`/news/${a.id}`}>{t('news.open')}</Link>}
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

function Editor({ article, onDone }: { article: TNewsArticle | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const body = Form.useWatch('body', form) ?? article?.body ?? '';
  const save = useSaveArticle();
  const [coverId, setCoverId] = useState<string | null>(article?.coverId ?? null);
  const [attempt] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);

  const onCover = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      setCoverId((await uploadCover(file)).id);
    } catch (err) {
      setError(err);
    }
  };
  const submit = async (v: Values) => {
    setError(null);
    try {
      const input = { ...v, summary: v.summary ?? '', tags: v.tags ?? [], coverId };
      await (article ? save.mutateAsync({ ...input, id: article.id, version: article.version }) : save.mutateAsync({ ...input, idempotencyKey: `news-${attempt}` }));
      onDone();
    } catch (err) {
      if (!applyProblemToForm(form, err)) setError(err);
    }
  };

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{article ? t('news.editing', { version: article.version }) : t('news.write')}</Typography.Title>}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={article ?? { category: 'news', tags: [], summary: '', body: '' }}>
        <Form.Item name="title" label={t('news.fields.title')} rules={[{ required: true, message: t('news.fields.titleRequired') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="category" label={t('news.fields.category')}>
          <Select options={ZNewsCategory.options.map((c) => ({ value: c, label: t(`news.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="summary" label={t('news.fields.summary')}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="body" label={t('news.fields.body')} extra={t('news.fields.bodyHint')} rules={[{ required: true, message: t('news.fields.bodyRequired') }]}>
          <Input.TextArea rows={10} />
        </Form.Item>
        <Form.Item name="tags" label={t('news.fields.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} aria-label={t('news.fields.tags')} />
        </Form.Item>
        <Form.Item label={t('news.fields.cover')} htmlFor="news-cover" extra={t('news.fields.coverHint')}>
          <Flex gap={12} align="center" wrap>
            <input id="news-cover" type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => onCover(e.target.files?.[0])} />
            {coverId && <img src={coverUrl(coverId)} alt={t('news.fields.cover')} width={96} height={72} style={{ objectFit: 'cover' }} />}
          </Flex>
        </Form.Item>
        {error ? <div style={{ marginBottom: 12 }}><ProblemAlert error={error} /></div> : null}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('news.save')}</Button>
          <Button onClick={onDone}>{t('news.cancel')}</Button>
        </Space>
      </Form>
      {body && (
        <section aria-label={t('news.preview')} style={{ marginTop: 16, borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <Typography.Text type="secondary">{t('news.preview')}</Typography.Text>
          <Markdown source={body} />
        </section>
      )}
      {article && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('news.versionNote', { version: article.version })} />}
      {article && <Revisions id={article.id} />}
    </Card>
  );
}

function Revisions({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(id);
  return (
    <details style={{ marginTop: 12 }}>
      <summary style={{ cursor: 'pointer' }}>{t('news.history')}</summary>
      <List
        size="small"
        loading={revisions.isPending}
        dataSource={revisions.data ?? []}
        renderItem={(r) => (
          <List.Item>
            <Typography.Text>
              {t('news.version', { version: r.version })} · {t(`news.actions.${r.action as 'created' | 'edited' | 'published' | 'withdrawn'}`)} · {r.title} · {formatDateTime(r.editedAt, i18n.language)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </details>
  );
}
