// `/filings/new` and `/filings/:id/correct`: the complaint, one part per step (court and cause,
// parties, claims, facts and evidence, then a check-your-answers page). A new complaint's answers are
// kept on this device until it is submitted; a correction starts from what was submitted and goes back
// with the version the party saw.
import { checkIdNumber, checkUscc, type IdKind, type TFiling } from '@opencourt/contracts';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, List, Progress, Radio, Select, Typography, Upload } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api/client.ts';
import { fieldPathOf } from '../../shared/api/form-errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { amountFen, emptyFiling, fromFiling, stepOfPointer, toSubmit, type FilingValues, type Material } from './filing-form.ts';
import { uploadMaterial, useCourts, useFiling, useResubmitFiling, useSubmitFiling } from './filing.api.ts';
import './filing.css';

const DRAFT_KEY = 'oc.filing.draft';
const STEPS = ['court', 'parties', 'claims', 'facts', 'review'] as const;
const ID_KINDS: IdKind[] = ['mainland-resident', 'hong-kong', 'macau', 'home-return-permit', 'taiwan-permit', 'passport'];

type Draft = { values: FilingValues; materials: Material[]; step: number };
const loadDraft = (): Draft | null => {
  try {
    return JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null;
  } catch {
    return null;
  }
};

export function FilingWizardPage() {
  const { id } = useParams();
  const existing = useFiling(id ?? '');
  if (id && existing.isPending) return <PageSpinner />;
  if (id && existing.isError) return <ProblemAlert error={existing.error} />;
  return <Wizard existing={id ? existing.data : undefined} />;
}

function Wizard({ existing }: { existing?: TFiling }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const initial = useMemo<Draft>(() => (existing ? { ...fromFiling(existing), step: 0 } : (loadDraft() ?? { values: emptyFiling(), materials: [], step: 0 })), [existing]);
  const [form] = Form.useForm<FilingValues>();
  const [step, setStep] = useState(initial.step);
  const [materials, setMaterials] = useState<Material[]>(initial.materials);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attemptKey] = useState(() => crypto.randomUUID());
  const submit = useSubmitFiling();
  const resubmit = useResubmitFiling(existing?.id ?? '');
  const courts = useCourts();

  // Progress is saved on this device as the party types, so they can leave and come back.
  const save = (next: Partial<Draft> = {}) => {
    if (existing) return;
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ values: form.getFieldsValue(true), materials, step, ...next }));
  };
  useEffect(() => save({ materials, step }), [materials, step]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = async (to: number) => {
    if (to > step) {
      try {
        await form.validateFields();
      } catch {
        return;
      }
    }
    setError(null);
    setStep(to);
    window.scrollTo(0, 0);
  };

  const send = async () => {
    setError(null);
    const body = toSubmit(form.getFieldsValue(true) as FilingValues, materials);
    try {
      const filing = existing ? await resubmit.mutateAsync({ version: existing.version, filing: body }) : await submit.mutateAsync({ body, idempotencyKey: `filing-${attemptKey}` });
      if (!existing) localStorage.removeItem(DRAFT_KEY);
      navigate(`/filings/${filing.id}`);
    } catch (err) {
      setError(err);
      placeErrors(form, err, setStep);
    }
  };

  const addFile = async (file: File) => {
    setUploading(true);
    setError(null);
    try {
      const stored = await uploadMaterial(file);
      setMaterials((m) => [...m, { id: stored.id, filename: stored.filename }]);
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
    return false;
  };

  const title = existing ? t('filing.correctTitle') : t('filing.newTitle');
  return (
    <Flex vertical gap={16} className="oc-filing">
      <PageHeader title={title} subtitle={existing ? undefined : t('filing.newIntro')} />
      {existing?.correction && (
        <Alert
          type="warning"
          showIcon
          title={t('filing.correctionTitle')}
          description={existing.correction.items.map((item, i) => <div key={i}>{`${t(`filing.fields.${item.field}`)}：${item.reason}`}</div>)}
        />
      )}
      <div>
        <Typography.Text strong>{`${step + 1} / ${STEPS.length} · ${t(`filing.steps.${STEPS[step]!}`)}`}</Typography.Text>
        <Progress percent={((step + 1) / STEPS.length) * 100} showInfo={false} size="small" aria-hidden="true" />
      </div>
      <Card>
        <Form form={form} layout="vertical" initialValues={initial.values} onValuesChange={() => save()} requiredMark="optional">
          <Typography.Title level={2} className="oc-filing-step-title">{t(`filing.steps.${STEPS[step]!}`)}</Typography.Title>
          {step === 0 && (
            <>
              <Form.Item name="courtId" label={t('filing.court')} rules={[{ required: true, message: t('filing.court') }]}>
                <Select options={(courts.data ?? []).map((c) => ({ value: c.id, label: c.name }))} loading={courts.isPending} disabled={!!existing} />
              </Form.Item>
              <Form.Item name="cause" label={t('filing.cause')} extra={t('filing.causeHint')} rules={[{ required: true, min: 2, message: t('filing.cause') }]}>
                <Input maxLength={60} />
              </Form.Item>
            </>
          )}
          {step === 1 && <PartiesStep form={form} />}
          {step === 2 && <ClaimsStep form={form} />}
          {step === 3 && (
            <>
              <Form.Item name="facts" label={t('filing.facts')} rules={[{ required: true, min: 10, message: t('filing.facts') }]}>
                <Input.TextArea rows={6} maxLength={10_000} />
              </Form.Item>
              <Form.Item name="evidence" label={t('filing.evidence')} rules={[{ required: true, min: 2, message: t('filing.evidence') }]}>
                <Input.TextArea rows={3} maxLength={5_000} />
              </Form.Item>
              <Form.Item label={t('filing.materials')}>
                <Upload beforeUpload={addFile} showUploadList={false} multiple>
                  <Button loading={uploading}>{uploading ? t('filing.uploading') : t('filing.upload')}</Button>
                </Upload>
                <List
                  size="small"
                  dataSource={materials}
                  locale={{ emptyText: ' ' }}
                  renderItem={(m) => (
                    <List.Item actions={[<Button key="rm" type="link" onClick={() => setMaterials((all) => all.filter((x) => x.id !== m.id))}>{t('filing.remove')}</Button>]}>
                      <span data-testid="material">{m.filename}</span>
                    </List.Item>
                  )}
                />
              </Form.Item>
            </>
          )}
          {step === 4 && <Review values={form.getFieldsValue(true) as FilingValues} materials={materials} courtName={courts.data?.find((c) => c.id === form.getFieldValue('courtId'))?.name} locale={i18n.language} />}
        </Form>
        {error ? <ProblemAlert error={error} /> : null}
        <Flex gap={8} justify="space-between" style={{ marginTop: 16 }}>
          <Button onClick={() => go(step - 1)} disabled={step === 0}>{t('filing.back')}</Button>
          {step < STEPS.length - 1 ? (
            <Button type="primary" onClick={() => go(step + 1)}>{t('filing.next')}</Button>
          ) : (
            <Button type="primary" onClick={send} loading={submit.isPending || resubmit.isPending}>{existing ? t('filing.resubmit') : t('filing.submit')}</Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}

/** Puts the server's field errors on their fields and opens the step of the first one. */
function placeErrors(form: FormInstance, err: unknown, setStep: (s: number) => void) {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return;
  const first = err.problem.errors[0]!;
  setStep(stepOfPointer(first.pointer));
  // Fields mount with their step; set the errors once it has rendered.
  setTimeout(() => {
    form.setFields(
      err.problem.errors!.flatMap((e) => {
        const name = fieldPathOf(e.pointer.replace('/body/filing/', '/body/'));
        return name ? [{ name, errors: [e.detail] }] : [];
      }),
    );
  }, 0);
}

function PartiesStep({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, i) => {
            const kind = form.getFieldValue(['parties', field.name, 'kind']) as string;
            return (
              <Card key={field.key} className="oc-filing-item" size="small" title={t('filing.party', { n: i + 1 })} extra={fields.length > 2 ? <Button type="link" onClick={() => remove(field.name)}>{t('filing.remove')}</Button> : null}>
                <Form.Item name={[field.name, 'side']} label={t('filing.side')}>
                  <Radio.Group options={(['plaintiff', 'defendant', 'third-party'] as const).map((s) => ({ value: s, label: t(`filing.sides.${s}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} label={t('filing.partyKind')}>
                  <Radio.Group options={(['person', 'organisation'] as const).map((k) => ({ value: k, label: t(`filing.kinds.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} label={t('filing.name')} rules={[{ required: true, message: t('filing.name') }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    (form.getFieldValue(['parties', field.name, 'kind']) ?? kind) === 'organisation' ? (
                      <>
                        <Form.Item name={[field.name, 'uscc']} label={t('filing.uscc')} rules={[{ validator: async (_r, v: string | undefined) => { if (v?.trim()) { const c = checkUscc(v); if (!c.valid) throw new Error(c.reason); } } }]}>
                          <Input maxLength={30} autoComplete="off" />
                        </Form.Item>
                        <Form.Item name={[field.name, 'representative']} label={t('filing.representative')}>
                          <Input maxLength={50} />
                        </Form.Item>
                      </>
                    ) : (
                      <>
                        <Form.Item name={[field.name, 'idKind']} label={t('filing.idKind')}>
                          <Select options={ID_KINDS.map((k) => ({ value: k, label: t(`filing.idKinds.${k}`) }))} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'idNumber']}
                          label={t('filing.idNumber')}
                          dependencies={[['parties', field.name, 'idKind']]}
                          rules={[{ validator: async (_r, v: string | undefined) => { if (v?.trim()) { const c = checkIdNumber(v, form.getFieldValue(['parties', field.name, 'idKind']) as IdKind); if (!c.valid) throw new Error(c.reason); } } }]}
                        >
                          <Input maxLength={30} autoComplete="off" />
                        </Form.Item>
                        <Form.Item name={[field.name, 'sex']} label={t('filing.sex')}>
                          <Radio.Group options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`filing.sexes.${s}`) }))} />
                        </Form.Item>
                      </>
                    )
                  }
                </Form.Item>
                <Form.Item name={[field.name, 'address']} label={t('filing.address')} rules={[{ required: true, message: t('filing.address') }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'phone']} label={t('filing.phone')}>
                  <Input inputMode="tel" maxLength={20} autoComplete="off" />
                </Form.Item>
              </Card>
            );
          })}
          <Button onClick={() => add({ kind: 'person', side: 'defendant', idKind: 'mainland-resident' })}>{t('filing.addParty')}</Button>
        </Flex>
      )}
    </Form.List>
  );
}

function ClaimsStep({ form }: { form: FormInstance }) {
  const { t, i18n } = useTranslation();
  const claims = (Form.useWatch('claims', form) ?? []) as FilingValues['claims'];
  const total = claims.reduce((sum, c) => sum + (Number.isFinite(amountFen(c?.amount)) ? (amountFen(c?.amount) ?? 0) : 0), 0);
  return (
    <Form.List name="claims">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field, i) => (
            <Card key={field.key} className="oc-filing-item" size="small" title={t('filing.claim', { n: i + 1 })} extra={fields.length > 1 ? <Button type="link" onClick={() => remove(field.name)}>{t('filing.remove')}</Button> : null}>
              <Form.Item name={[field.name, 'description']} label={t('filing.claimText')} rules={[{ required: true, min: 2, message: t('filing.claimText') }]}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'amount']}
                label={t('filing.claimAmount')}
                rules={[{ validator: async (_r, v: string | undefined) => { const fen = amountFen(v); if (fen !== undefined && !(fen > 0)) throw new Error(t('filing.amountInvalid')); } }]}
              >
                <Input inputMode="decimal" autoComplete="off" />
              </Form.Item>
            </Card>
          ))}
          <Button onClick={() => add({})}>{t('filing.addClaim')}</Button>
          <Typography.Text strong data-testid="claims-total">{t('filing.claimsTotal', { amount: formatFen(total, i18n.language) })}</Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
}

function Review({ values, materials, courtName, locale }: { values: FilingValues; materials: Material[]; courtName?: string; locale: string }) {
  const { t } = useTranslation();
  const total = values.claims.reduce((sum, c) => sum + (amountFen(c.amount) || 0), 0);
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph>{t('filing.reviewIntro')}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'court', label: t('filing.court'), children: courtName ?? '' },
          { key: 'cause', label: t('filing.cause'), children: values.cause },
          ...values.parties.map((p, i) => ({ key: `p${i}`, label: t(`filing.sides.${p.side}`), children: `${p.name ?? ''}${p.kind === 'person' && p.idNumber ? `（${p.idNumber}）` : ''}${p.kind === 'organisation' && p.uscc ? `（${p.uscc}）` : ''}，${p.address ?? ''}` })),
          ...values.claims.map((c, i) => ({ key: `c${i}`, label: t('filing.claim', { n: i + 1 }), children: `${c.description ?? ''}${c.amount ? `（${c.amount} 元）` : ''}` })),
          { key: 'total', label: t('filing.claimsTotalShort'), children: `${formatFen(total, locale)} 元` },
          { key: 'facts', label: t('filing.facts'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{values.facts}</span> },
          { key: 'evidence', label: t('filing.evidence'), children: values.evidence },
          { key: 'materials', label: t('filing.materials'), children: materials.map((m) => m.filename).join('、') || '—' },
        ]}
      />
    </Flex>
  );
}
