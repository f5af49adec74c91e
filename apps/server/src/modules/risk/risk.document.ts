// The risk report as a document (PDF and DOCX share it): each statement a paragraph, its rule a note under it.
import type { TRiskReport, TRiskStatement } from '@opencourt/contracts';
import type { DocumentBlock, DocumentModel } from '../../platform/documents/index.ts';
import { formatYuan } from '../fees/index.ts';
import { DISPUTE_NAMES, OUTCOME_NAMES } from './risk.rules.ts';

const cited = (s: TRiskStatement, strong = false): DocumentBlock[] => [
  { kind: 'paragraph', text: s.text, strong },
  { kind: 'note', text: `依据：${s.basis}` },
];

const LIMITATION_STATUS: Record<TRiskReport['limitation']['status'], string> = {
  'not-applicable': '不适用诉讼时效',
  running: '期间进行中',
  near: '即将届满',
  expired: '已经届满',
  suspended: '中止',
  interrupted: '中断（程序进行中）',
  pending: '尚未开始计算',
};

export function riskReportDocument(report: TRiskReport): DocumentModel {
  const l = report.limitation;
  const limitationHead = l.lastDay
    ? `诉讼时效：${LIMITATION_STATUS[l.status]}，期间最后一日为 ${l.lastDay}${l.daysLeft !== null && l.daysLeft >= 0 ? `（还剩 ${l.daysLeft} 天）` : ''}`
    : `诉讼时效：${LIMITATION_STATUS[l.status]}`;
  return {
    title: '诉讼风险评估报告',
    meta: [
      { label: '纠纷类型', value: DISPUTE_NAMES[report.kind] },
      { label: '请求金额', value: `${formatYuan(report.amountFen)}元` },
      { label: '评估日期', value: report.madeOn },
      ...(report.summary ? [{ label: '情况说明', value: report.summary }] : []),
    ],
    sections: [
      {
        heading: '一、诉讼时效',
        blocks: [{ kind: 'paragraph', text: limitationHead, strong: true }, ...(l.warning ? [{ kind: 'paragraph' as const, text: l.warning === 'expired' ? '【提醒】诉讼时效期间已经届满' : '【提醒】诉讼时效期间即将届满，请尽快主张权利', strong: true }] : []), ...l.steps.flatMap((s) => cited(s))],
      },
      { heading: '二、诉讼费用', blocks: report.fee.statements.flatMap((s) => cited(s)) },
      {
        heading: '三、证据',
        blocks: [
          ...report.evidence.statements.flatMap((s) => cited(s)),
          ...(report.evidence.missing.length
            ? [{ kind: 'table' as const, columns: ['尚缺的证据', '为什么需要', '依据'], widths: [3, 4, 3], rows: report.evidence.missing.map((m) => [`${m.label}${m.essential ? '（关键）' : ''}`, m.why, m.basis]) }]
            : []),
          ...(report.evidence.held.length ? [{ kind: 'table' as const, columns: ['已有的证据', '依据'], widths: [4, 3], rows: report.evidence.held.map((h) => [h.label, h.basis]) }] : []),
        ],
      },
      { heading: '四、执行风险', blocks: report.enforcement.statements.flatMap((s, i) => cited(s, i === 0)) },
      { heading: '五、成本与可能的收回', blocks: report.costs.statements.flatMap((s) => cited(s)) },
      {
        heading: '六、本平台同类案件的结果',
        blocks: [
          ...cited(report.comparables.statement),
          ...(report.comparables.enough
            ? [{ kind: 'table' as const, columns: ['结案方式', '件数'], rows: report.comparables.outcomes.map((o) => [OUTCOME_NAMES[o.outcome], String(o.count)]) }]
            : []),
        ],
      },
      { heading: '说明', blocks: cited(report.disclaimer) },
    ],
    footer: { note: 'OpenCourt 诉讼风险评估报告（仅供参考）' },
  };
}
