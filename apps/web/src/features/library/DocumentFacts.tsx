// What a reader needs to know about a document: its kind, who issued it, when it took effect, and
// whether it is still the version in force.
import type { TLibraryDocumentSummary } from '@opencourt/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatLawDate } from './library-format.ts';

export function DocumentFacts({ document: d }: { document: TLibraryDocumentSummary }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatLawDate(value, i18n.language);
  const items = [
    { key: 'kind', label: t('library.kindLabel'), children: t(`library.kinds.${d.kind}`) },
    d.issuingBody ? { key: 'issuingBody', label: t('library.issuingBody'), children: d.issuingBody } : null,
    d.promulgatedOn ? { key: 'promulgatedOn', label: t('library.promulgatedOn'), children: date(d.promulgatedOn) } : null,
    d.effectiveOn ? { key: 'effectiveOn', label: t('library.effectiveOn'), children: date(d.effectiveOn) } : null,
    d.amendedOn ? { key: 'amendedOn', label: t('library.amendedOn'), children: date(d.amendedOn) } : null,
    d.status === 'repealed' ? { key: 'status', label: t('library.status'), children: t('library.repealed') } : null,
  ].filter((item): item is NonNullable<typeof item> => item !== null);
  return <Descriptions column={1} size="small" items={items} />;
}
