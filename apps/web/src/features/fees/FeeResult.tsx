// The fee and how it was reached: one line per rule applied, each with the article it rests on, worded
// in the reader's language from the estimate's structured lines.
import type { TFeeEstimate, TFeeLine } from '@opencourt/contracts';
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBasis, formatBound, formatFen } from './fee-format.ts';

const percent = (bp: number) => `${bp / 100}%`;

type Money = { yuan: (fen: number) => string; bound: (fen: number) => string };

function lineText(line: TFeeLine, estimate: TFeeEstimate, totalAfter: number, t: TFunction, { yuan, bound }: Money): string {
  switch (line.code) {
    case 'per-case':
      return line.toFen != null ? t('fees.line.flatBand', { to: bound(line.toFen) }) : t('fees.line.perCase', { kind: t(`fees.kindShort.${estimate.kind}`) });
    case 'band':
      if (!line.rateBp) return t('fees.line.freeBand', { to: bound(line.toFen ?? 0) });
      return line.toFen == null
        ? t('fees.line.bandAbove', { from: bound(line.fromFen ?? 0), portion: yuan(line.portionFen ?? 0), rate: percent(line.rateBp) })
        : t('fees.line.band', { from: bound(line.fromFen ?? 0), to: bound(line.toFen), portion: yuan(line.portionFen ?? 0), rate: percent(line.rateBp) });
    case 'appeal-amount':
      return t('fees.line.appealAmount');
    case 'ip-amount':
      return t('fees.line.ipAmount');
    case 'halved':
      return t('fees.line.halved', { reason: t(`fees.reasons.${line.reason ?? 'simplified'}`) });
    case 'halved-once':
      return t('fees.line.halvedOnce', { reason: t(`fees.reasons.${line.reason ?? 'counterclaim'}`) });
    case 'fraction':
      return t('fees.line.fraction', { n: line.numerator, d: line.denominator });
    case 'cap':
      return t('fees.line.cap', { cap: bound(totalAfter) });
    case 'not-charged':
      return t('fees.line.notCharged');
  }
}

export function FeeResult({ estimate }: { estimate: TFeeEstimate }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Move to the answer, so it is seen on a phone and announced by a screen reader.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [estimate]);
  const yuan = (fen: number) => `${fen < 0 ? '−' : ''}${t('fees.yuan', { amount: formatFen(fen, i18n.language) })}`;
  const bound = (fen: number) => formatBound(fen, t('fees.wan'), (amount) => t('fees.bound', { amount }), i18n.language);
  let running = 0;
  const lines = estimate.lines.map((line) => {
    running += line.amountFen;
    return { line, text: lineText(line, estimate, running, t, { yuan, bound }) };
  });
  return (
    <section className="oc-fees-result" aria-labelledby="fee-result-heading">
      <Typography.Title level={2} id="fee-result-heading" ref={heading} tabIndex={-1} style={{ fontSize: 18 }}>
        {t('fees.resultTitle')}
      </Typography.Title>
      <p style={{ margin: 0 }}>{t(`fees.kindShort.${estimate.kind}`)}</p>
      <p className="oc-fees-total" data-testid="fee-total">
        {yuan(estimate.feeFen)}
      </p>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('fees.breakdown')}
      </Typography.Title>
      <ol className="oc-fees-lines">
        {lines.map(({ line, text }, i) => (
          <li key={i} className="oc-fees-line">
            <div className="oc-fees-line-main">
              <span className="oc-fees-line-text">{text}</span>
              <span className="oc-fees-line-amount">{yuan(line.amountFen)}</span>
            </div>
            <div className="oc-fees-line-basis">{t('fees.basisLabel', { basis: formatBasis(line.ref, t, i18n.language) })}</div>
          </li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('fees.disclaimer')}
      </Typography.Paragraph>
    </section>
  );
}
