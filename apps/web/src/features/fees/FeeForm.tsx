// The questions, in plain words: which fee, the amount in yuan where it matters, and how the case is
// heard or ends. Only the questions the chosen kind needs are shown.
import type { TFeeEstimate, TFeeEstimateInput, TFeeKind, TFeeProcedure } from '@opencourt/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client.ts';
import { fieldPathOf } from '../../shared/api/form-errors.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { MAX_AMOUNT_FEN, parseYuanToFen } from './fee-format.ts';
import { AMOUNT, APPLICATION_KINDS, CASE_KINDS, hasAppeal, hasCounterclaim, hasProcedure, isAmountKind } from './fee-kinds.ts';
import { estimateFee } from './fees.api.ts';

type Values = {
  kind?: TFeeKind;
  amount?: string;
  administrativeKind?: 'listed' | 'other';
  procedure: TFeeProcedure;
  appeal: boolean;
  counterclaim: boolean;
};

const PROCEDURES: TFeeProcedure[] = ['ordinary', 'simplified', 'mediated', 'withdrawn'];

/** The request for the answers given; questions the kind does not ask are left out. */
function requestOf(values: Values): TFeeEstimateInput {
  const kind = values.kind!;
  const input: Record<string, unknown> = { kind };
  const fen = values.amount?.trim() ? parseYuanToFen(values.amount) : undefined;
  if (isAmountKind(kind) && fen !== undefined) input.amountFen = Number(fen);
  if (hasProcedure(kind)) input.procedure = values.procedure;
  if (hasAppeal(kind) && values.appeal) input.instance = 'appeal';
  if (hasCounterclaim(kind) && values.counterclaim) input.counterclaim = true;
  if (kind === 'administrative') input.administrativeKind = values.administrativeKind === 'listed' ? 'trademark' : 'other';
  return input as TFeeEstimateInput;
}

// The server's field pointers, onto this form's fields.
const FIELD_OF: Record<string, keyof Values> = { kind: 'kind', amountFen: 'amount', procedure: 'procedure', instance: 'appeal', counterclaim: 'counterclaim' };

/** The problem's field errors on this form's fields, or null when one of them has no field here. */
function fieldErrorsOf(error: unknown): { name: keyof Values; errors: string[] }[] | null {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return null;
  const fields = error.problem.errors.map((e) => ({ name: FIELD_OF[String(fieldPathOf(e.pointer)?.[0])], errors: [e.detail] }));
  return fields.every((f) => f.name) ? (fields as { name: keyof Values; errors: string[] }[]) : null;
}

export function FeeForm({ onResult, onEdit }: { onResult: (estimate: TFeeEstimate) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const appeal = Form.useWatch('appeal', form);
  const estimate = useMutation({
    mutationFn: (values: Values) => estimateFee(requestOf(values)),
    onSuccess: onResult,
    onError: (error) => form.setFields(fieldErrorsOf(error) ?? []),
  });
  const amount = kind && isAmountKind(kind) ? AMOUNT[kind] : undefined;
  const fieldErrorsShown = fieldErrorsOf(estimate.error) !== null;

  const amountRules = [
    { required: amount?.required, whitespace: true, message: t('fees.amountRequired') },
    {
      validator: async (_: unknown, value?: string) => {
        if (!value?.trim()) return;
        const fen = parseYuanToFen(value);
        if (fen === undefined) throw new Error(t('fees.amountInvalid'));
        if (fen > MAX_AMOUNT_FEN) throw new Error(t('fees.amountTooLarge'));
        if (amount?.required && fen === 0n) throw new Error(t('fees.amountZero'));
      },
    },
  ];

  return (
    <Form
      form={form}
      name="fee-estimate"
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={{ procedure: 'ordinary', appeal: false, counterclaim: false, administrativeKind: 'other' }}
      onValuesChange={(changed: Partial<Values>) => {
        estimate.reset();
        onEdit();
        if (changed.appeal && form.getFieldValue('procedure') === 'simplified') form.setFieldValue('procedure', 'ordinary');
      }}
      onFinish={(values) => estimate.mutate(values)}
    >
      <fieldset className="oc-fees-fieldset">
        <legend>{t('fees.kindLegend')}</legend>
        <Form.Item name="kind" rules={[{ required: true, message: t('fees.kindRequired') }]}>
          <Radio.Group className="oc-fees-radios">
            {([['case', CASE_KINDS], ['application', APPLICATION_KINDS]] as const).map(([group, kinds]) => (
              <div key={group} role="group" aria-labelledby={`fee-group-${group}`}>
                <p className="oc-fees-group-title" id={`fee-group-${group}`}>
                  {t(`fees.groups.${group}`)}
                </p>
                {kinds.map((k) => (
                  <div key={k}>
                    <Radio value={k}>{t(`fees.kinds.${k}`)}</Radio>
                  </div>
                ))}
              </div>
            ))}
          </Radio.Group>
        </Form.Item>
      </fieldset>

      {kind && isAmountKind(kind) ? (
        <Form.Item
          name="amount"
          label={t(`fees.amount.${kind}`)}
          extra={AMOUNT[kind].required ? t('fees.amountHint') : t('fees.amountOptionalHint')}
          rules={amountRules}
        >
          <Input inputMode="decimal" autoComplete="off" addonAfter={t('fees.amountUnit')} />
        </Form.Item>
      ) : null}

      {kind === 'administrative' ? (
        <fieldset className="oc-fees-fieldset">
          <legend>{t('fees.administrativeLegend')}</legend>
          <Form.Item name="administrativeKind">
            <Radio.Group className="oc-fees-radios">
              <Radio value="listed">{t('fees.administrativeKinds.listed')}</Radio>
              <Radio value="other">{t('fees.administrativeKinds.other')}</Radio>
            </Radio.Group>
          </Form.Item>
        </fieldset>
      ) : null}

      {kind && hasProcedure(kind) ? (
        <fieldset className="oc-fees-fieldset">
          <legend>{t('fees.procedureLegend')}</legend>
          <Form.Item name="procedure" extra={t('fees.procedureHint')}>
            <Radio.Group className="oc-fees-radios">
              {PROCEDURES.map((p) => (
                <Radio key={p} value={p} disabled={p === 'simplified' && appeal}>
                  {t(`fees.procedures.${p}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </fieldset>
      ) : null}

      {kind && hasAppeal(kind) ? (
        <Form.Item name="appeal" valuePropName="checked" extra={t(kind === 'jurisdiction-objection' ? 'fees.appealHintObjection' : 'fees.appealHint')}>
          <Checkbox>{t('fees.appeal')}</Checkbox>
        </Form.Item>
      ) : null}
      {kind && hasCounterclaim(kind) ? (
        <Form.Item name="counterclaim" valuePropName="checked">
          <Checkbox>{t('fees.counterclaim')}</Checkbox>
        </Form.Item>
      ) : null}

      {estimate.error && !fieldErrorsShown ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={estimate.error} />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" block loading={estimate.isPending}>
        {t('fees.submit')}
      </Button>
    </Form>
  );
}
