// The questionnaire, in plain words: what kind of dispute, how much, when, what evidence, and the other
// side's situation. Only the questions the chosen kind needs are shown.
import { RISK_DISPUTE_KINDS, RISK_EVIDENCE, RISK_INSTALMENT_KINDS, type TRiskAnswer, type TRiskDisputeKind, type TRiskReport, type TRiskReportInput } from '@opencourt/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { fieldPathOf } from '../../shared/api/form-errors.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { MAX_AMOUNT_FEN, parseYuanToFen } from '../fees/fee-format.ts';
import { makeRiskReport } from './risk.api.ts';

export type RiskValues = {
  kind?: TRiskDisputeKind;
  summary?: string;
  amount?: string;
  knewOn?: string;
  lastInstalmentDueOn?: string;
  demands?: { on?: string; kind?: 'demand' | 'acknowledgement' }[];
  international: boolean;
  evidence: string[];
  otherType: 'person' | 'company';
  reachable: TRiskAnswer;
  assets: TRiskAnswer;
  otherDebts: TRiskAnswer;
  companyStatus: 'operating' | 'abnormal' | 'deregistered' | 'unknown';
  preserve: boolean;
  preservationAmount?: string;
};

const ANSWERS: TRiskAnswer[] = ['yes', 'no', 'unknown'];
const amountRequired = (kind?: TRiskDisputeKind) => kind !== undefined && kind !== 'divorce' && kind !== 'labour';

/** The request for the answers given; questions the kind does not ask are left out. */
function requestOf(v: RiskValues): TRiskReportInput {
  const kind = v.kind!;
  const fen = (text?: string) => (text?.trim() ? Number(parseYuanToFen(text) ?? 0n) : 0);
  return {
    kind,
    summary: v.summary?.trim() ?? '',
    amountFen: fen(v.amount),
    ...(v.knewOn ? { knewOn: v.knewOn } : {}),
    ...(v.lastInstalmentDueOn && RISK_INSTALMENT_KINDS.includes(kind) ? { lastInstalmentDueOn: v.lastInstalmentDueOn } : {}),
    interruptions: (v.demands ?? []).filter((d) => d.on).map((d) => ({ on: d.on!, kind: d.kind ?? 'demand' })),
    international: kind === 'sale-contract' && v.international,
    evidence: v.evidence.filter((id) => (RISK_EVIDENCE[kind] as readonly string[]).includes(id)),
    otherSide: { type: v.otherType, reachable: v.reachable, assets: v.assets, otherDebts: v.otherDebts, companyStatus: v.otherType === 'company' ? v.companyStatus : 'unknown' },
    ...(v.preserve ? { preservation: { amountFen: fen(v.preservationAmount) } } : {}),
  };
}

// The server's field pointers, onto this form's fields.
const FIELD_OF: Record<string, keyof RiskValues> = { kind: 'kind', summary: 'summary', amountFen: 'amount', knewOn: 'knewOn', lastInstalmentDueOn: 'lastInstalmentDueOn', interruptions: 'demands', evidence: 'evidence', preservation: 'preservationAmount' };

type FieldErrors = { name: (string | number)[]; errors: string[] }[];

/** The problem's field errors on this form's fields (a demand's own date for the list), or null when one has no field here. */
function fieldErrorsOf(error: unknown): FieldErrors | null {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return null;
  const fields = error.problem.errors.map((e) => {
    const path = fieldPathOf(e.pointer) ?? [];
    const field = FIELD_OF[String(path[0])];
    return { name: field === 'demands' && path.length > 1 ? [field, ...path.slice(1)] : field ? [field] : null, errors: [e.detail] };
  });
  return fields.every((f) => f.name) ? (fields as FieldErrors) : null;
}

export function RiskForm({ onResult, onEdit }: { onResult: (report: TRiskReport, request: TRiskReportInput) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RiskValues>();
  const kind = Form.useWatch('kind', form);
  const otherType = Form.useWatch('otherType', form);
  const preserve = Form.useWatch('preserve', form);
  const report = useMutation({
    mutationFn: async (request: TRiskReportInput) => ({ request, report: await makeRiskReport(request) }),
    onSuccess: (r) => onResult(r.report, r.request),
    onError: (error) => form.setFields((fieldErrorsOf(error) ?? []) as Parameters<typeof form.setFields>[0]),
  });
  const placed = fieldErrorsOf(report.error) !== null;

  const yuanRules = (required: boolean) => [
    { required, whitespace: true, message: t('risk.amountRequired') },
    {
      validator: async (_: unknown, value?: string) => {
        if (!value?.trim()) return;
        const fen = parseYuanToFen(value);
        if (fen === undefined) throw new Error(t('fees.amountInvalid'));
        if (fen > MAX_AMOUNT_FEN) throw new Error(t('fees.amountTooLarge'));
        if (required && fen === 0n) throw new Error(t('fees.amountZero'));
      },
    },
  ];
  const answer = (name: 'reachable' | 'assets' | 'otherDebts') => (
    <fieldset className="oc-risk-fieldset">
      <legend>{t(`risk.otherSide.${name}`)}</legend>
      <Form.Item name={name}>
        <Radio.Group className="oc-risk-inline">
          {ANSWERS.map((a) => (
            <Radio key={a} value={a}>
              {t(`risk.answers.${a}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </fieldset>
  );

  return (
    <Form
      form={form}
      name="risk-questionnaire"
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={{ international: false, evidence: [], otherType: 'person', reachable: 'unknown', assets: 'unknown', otherDebts: 'unknown', companyStatus: 'unknown', preserve: false, demands: [] }}
      onValuesChange={() => {
        report.reset();
        onEdit();
      }}
      onFinish={(values) => report.mutate(requestOf(values))}
    >
      <fieldset className="oc-risk-fieldset">
        <legend>{t('risk.kindLegend')}</legend>
        <Form.Item name="kind" rules={[{ required: true, message: t('risk.kindRequired') }]}>
          <Radio.Group className="oc-risk-options">
            {RISK_DISPUTE_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {t(`risk.kinds.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </fieldset>

      {kind ? (
        <>
          <Form.Item name="summary" label={t('risk.summary')} extra={t('risk.summaryHint')} rules={[{ max: 2000, message: t('risk.summaryTooLong') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="amount" label={t(`risk.amount.${kind === 'divorce' ? 'divorce' : kind === 'labour' ? 'labour' : 'claim'}`)} rules={yuanRules(amountRequired(kind))}>
            <Input inputMode="decimal" autoComplete="off" addonAfter={t('fees.amountUnit')} />
          </Form.Item>

          {kind !== 'divorce' ? (
            <>
              <Form.Item name="knewOn" label={t(kind === 'labour' ? 'risk.knewOnLabour' : 'risk.knewOn')} extra={t('risk.knewOnHint')}>
                <Input type="date" max="2999-12-31" />
              </Form.Item>
              {RISK_INSTALMENT_KINDS.includes(kind) ? (
                <Form.Item name="lastInstalmentDueOn" label={t('risk.lastInstalment')} extra={t('risk.lastInstalmentHint')}>
                  <Input type="date" max="2999-12-31" />
                </Form.Item>
              ) : null}
              <fieldset className="oc-risk-fieldset">
                <legend>{t('risk.demandsLegend')}</legend>
                <p className="oc-risk-basis">{t('risk.demandsHint')}</p>
                <Form.List name="demands">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field, i) => (
                        <div key={field.key} className="oc-risk-demand">
                          <Form.Item name={[field.name, 'on']} rules={[{ required: true, message: t('risk.demandDateRequired') }]} style={{ marginBottom: 8 }}>
                            <Input type="date" max="2999-12-31" aria-label={t('risk.demandDate', { n: i + 1 })} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'kind']} initialValue="demand" style={{ marginBottom: 8, minWidth: 140 }}>
                            <Select aria-label={t('risk.demandKind', { n: i + 1 })} options={(['demand', 'acknowledgement'] as const).map((k) => ({ value: k, label: t(`risk.demandKinds.${k}`) }))} />
                          </Form.Item>
                          <Button onClick={() => remove(field.name)}>{t('risk.removeDemand')}</Button>
                        </div>
                      ))}
                      <Form.Item>
                        <Button onClick={() => add({ kind: 'demand' })} disabled={fields.length >= 20}>
                          {t('risk.addDemand')}
                        </Button>
                      </Form.Item>
                    </>
                  )}
                </Form.List>
              </fieldset>
              {kind === 'sale-contract' ? (
                <Form.Item name="international" valuePropName="checked">
                  <Checkbox>{t('risk.international')}</Checkbox>
                </Form.Item>
              ) : null}
            </>
          ) : null}

          <fieldset className="oc-risk-fieldset">
            <legend>{t('risk.evidenceLegend')}</legend>
            <Form.Item name="evidence">
              <Checkbox.Group className="oc-risk-options">
                {RISK_EVIDENCE[kind].map((id) => (
                  <Checkbox key={id} value={id}>
                    {t(`risk.evidence.${id}`)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </fieldset>

          <fieldset className="oc-risk-fieldset">
            <legend>{t('risk.otherSide.type')}</legend>
            <Form.Item name="otherType">
              <Radio.Group className="oc-risk-inline">
                <Radio value="person">{t('risk.otherSide.person')}</Radio>
                <Radio value="company">{t('risk.otherSide.company')}</Radio>
              </Radio.Group>
            </Form.Item>
          </fieldset>
          {otherType === 'company' ? (
            <fieldset className="oc-risk-fieldset">
              <legend>{t('risk.otherSide.companyStatus')}</legend>
              <Form.Item name="companyStatus">
                <Radio.Group className="oc-risk-options">
                  {(['operating', 'abnormal', 'deregistered', 'unknown'] as const).map((s) => (
                    <Radio key={s} value={s}>
                      {t(`risk.companyStatus.${s}`)}
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
            </fieldset>
          ) : null}
          {answer('reachable')}
          {answer('assets')}
          {answer('otherDebts')}

          <Form.Item name="preserve" valuePropName="checked" extra={t('risk.preserveHint')}>
            <Checkbox>{t('risk.preserve')}</Checkbox>
          </Form.Item>
          {preserve ? (
            <Form.Item name="preservationAmount" label={t('risk.preservationAmount')} rules={yuanRules(true)}>
              <Input inputMode="decimal" autoComplete="off" addonAfter={t('fees.amountUnit')} />
            </Form.Item>
          ) : null}
        </>
      ) : null}

      {report.error && !placed ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={report.error} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={report.isPending}>
        {t('risk.submit')}
      </Button>
    </Form>
  );
}
