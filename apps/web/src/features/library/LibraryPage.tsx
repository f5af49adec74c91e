// /library, public: search laws, regulations, judicial interpretations and cases on a phone. The query
// lives in the address (?q=&kind=), so the back button and shared links bring the same results.
import { LIBRARY_KINDS, LIBRARY_QUERY_MAX, type TLibraryHit, type TLibraryKind } from '@opencourt/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Spin, Typography } from 'antd';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PublicLayout } from '../../app/layout/PublicLayout.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/usePageTitle.ts';
import { Highlighted } from './Highlighted.tsx';
import { articlePath, fetchCauses, searchLibrary } from './library.api.ts';
import { documentName } from './library-format.ts';
import './library.css';

const isKind = (value: string | null): value is TLibraryKind => LIBRARY_KINDS.includes(value as TLibraryKind);

function Hit({ hit, q }: { hit: TLibraryHit; q: string }) {
  const { t } = useTranslation();
  const label = hit.article.label ?? t('library.paragraph', { n: hit.article.ordinal });
  return (
    <li className="oc-library-hit">
      <h3>
        <Link to={articlePath(hit.documentId, hit.article, q)}>
          {documentName(hit)} {label}
        </Link>
      </h3>
      <p className="oc-library-meta">
        {t(`library.kinds.${hit.kind}`)}
        {hit.article.headings.length ? ` · ${hit.article.headings.join(' · ')}` : ''}
        {hit.supersededOn ? ` · ${t('library.oldVersion')}` : ''}
      </p>
      <p className="oc-library-snippet">
        <Highlighted segments={hit.snippet} />
      </p>
    </li>
  );
}

function Results({ q, kind }: { q: string; kind?: TLibraryKind }) {
  const { t } = useTranslation();
  const search = useInfiniteQuery({
    queryKey: ['library', 'search', q, kind ?? ''],
    queryFn: ({ pageParam, signal }) => searchLibrary({ q, kind }, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (search.isPending) {
    return (
      <div role="status" aria-live="polite">
        <Spin /> <span>{t('library.searching')}</span>
      </div>
    );
  }
  if (search.error) return <ProblemAlert error={search.error} />;
  const pages = search.data.pages;
  const items = pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="library-results">
      <Typography.Title level={2} id="library-results" style={{ fontSize: 18 }}>
        {t('library.results')}
      </Typography.Title>
      <div role="status" aria-live="polite">
        {items.length ? (
          pages[0]!.match === 'any' ? <Alert type="info" showIcon title={t('library.partialMatch')} style={{ marginBottom: 8 }} /> : null
        ) : (
          <Typography.Paragraph>{t('library.noResults')}</Typography.Paragraph>
        )}
      </div>
      <ol className="oc-library-hits">
        {items.map((hit) => (
          <Hit key={hit.article.id} hit={hit} q={q} />
        ))}
      </ol>
      {search.hasNextPage ? (
        <Button block onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
          {t('library.loadMore')}
        </Button>
      ) : items.length ? (
        <Typography.Paragraph type="secondary">{t('library.noMore')}</Typography.Paragraph>
      ) : null}
    </section>
  );
}

function Causes() {
  const { t } = useTranslation();
  const causes = useQuery({ queryKey: ['library', 'causes'], queryFn: fetchCauses, staleTime: 10 * 60_000 });
  if (!causes.data?.items.length) return null;
  return (
    <section aria-labelledby="library-causes">
      <Typography.Title level={2} id="library-causes" style={{ fontSize: 18 }}>
        {t('library.causesHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('library.causesIntro')}</Typography.Paragraph>
      <ul className="oc-library-causes">
        {causes.data.items.map((c) => (
          <li key={c.name}>
            <Link to={`/library/causes/${encodeURIComponent(c.name)}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('library.pageTitle'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const [text, setText] = useState(q);
  const [kindValue, setKindValue] = useState<string>(kind ?? '');
  const [missing, setMissing] = useState(false);
  const queryId = useId();
  const kindId = useId();
  // Back and forward move through searches: the form follows the address.
  useEffect(() => {
    setText(q);
    setKindValue(kind ?? '');
  }, [q, kind]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    setMissing(!next);
    if (!next) return;
    setParams(kindValue ? { q: next, kind: kindValue } : { q: next });
  };

  return (
    <PublicLayout>
      <Card className="oc-library">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('library.heading')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('library.intro')}</Typography.Paragraph>
        <form role="search" className="oc-library-form" onSubmit={submit} noValidate>
          <div>
            <label htmlFor={queryId}>{t('library.queryLabel')}</label>
            <div className="oc-library-row">
              <Input
                id={queryId}
                type="search"
                enterKeyHint="search"
                size="large"
                value={text}
                maxLength={LIBRARY_QUERY_MAX}
                placeholder={t('library.queryPlaceholder')}
                aria-invalid={missing || undefined}
                aria-describedby={missing ? `${queryId}-error` : undefined}
                onChange={(e) => setText(e.target.value)}
              />
              <Button type="primary" htmlType="submit" size="large">
                {t('library.search')}
              </Button>
            </div>
            {missing ? (
              <Typography.Text type="danger" id={`${queryId}-error`} role="alert">
                {t('library.queryRequired')}
              </Typography.Text>
            ) : null}
          </div>
          <div>
            <label htmlFor={kindId}>{t('library.kindLabel')}</label>
            <select id={kindId} className="oc-library-select" value={kindValue} onChange={(e) => setKindValue(e.target.value)}>
              <option value="">{t('library.allKinds')}</option>
              {LIBRARY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`library.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
        {q ? <Results q={q} kind={kind} /> : <Causes />}
      </Card>
    </PublicLayout>
  );
}
