// /agreements/:id. A party reads the agreement and signs it by hand with an SMS code; the mediator
// sends it for signing, takes it back to edit, records a failure, and signs last; once in force the
// signed agreement can be downloaded. The server decides who may do what; the page only offers it.
import type { TAgreement } from '@opencourt/contracts';
import { Alert, Button, Card, Flex, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { useMe } from '../../shared/session/me.ts';
import { ErrorResult } from '../../shared/ui/ErrorResult.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { agreementPdfUrl, fileUrl, useAgreement, useAgreementAction, useApplyForConfirmation, useConfirmation } from './agreements.api.ts';
import { SignaturePad } from './SignaturePad.tsx';

const STATUS_COLOR = { draft: 'default', signing: 'processing', signed: 'success', failed: 'error', withdrawn: 'default' } as const;

export function AgreementPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  const me = useMe().data;
  if (agreement.isPending) return <PageSpinner />;
  if (isApiError(agreement.error, 404) || isApiError(agreement.error, 400)) return <ErrorResult status="404" title={t('matter.notFound')} hint={t('matter.notFoundHint')} />;
  if (agreement.isError) return <ProblemAlert error={agreement.error} />;
  const a = agreement.data;
  const mine = a.signatories.find((s) => s.userId === me?.id);
  const partiesSigned = a.signatories.filter((s) => s.role === 'party').every((s) => s.signedAt);
  const mySignTurn = a.status === 'signing' && mine && !mine.signedAt && (mine.role === 'party' || partiesSigned);

  return (
    <>
      <PageHeader title={t('agreements.title')} subtitle={<Tag color={STATUS_COLOR[a.status]}>{t(`agreements.status.${a.status}`)}</Tag>} />
      {a.status === 'signed' && a.fileId && (
        <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={t('agreements.inForce')} action={<a href={fileUrl(a.fileId)} download>{t('agreements.download')}</a>} />
      )}
      {(a.status === 'failed' || a.status === 'withdrawn') && a.closedReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('agreements.closedReason', { reason: a.closedReason })} />}
      <Terms agreement={a} />
      <Card style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('agreements.signatories')}</Typography.Title>}>
        <List
          dataSource={a.signatories}
          rowKey="userId"
          renderItem={(s) => (
            <List.Item>
              <Space wrap>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Typography.Text type="secondary">{t(`agreements.roles.${s.role}`)}</Typography.Text>
                {s.signedAt ? <Tag color="success">{t('agreements.signedAt', { time: formatDateTime(s.signedAt, i18n.language) })}</Tag> : <Tag>{t('agreements.notSigned')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {mine?.signedAt && a.status === 'signing' && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('agreements.signedNotice')} />}
      {mySignTurn && <SignCard agreement={a} needsCode={mine.role === 'party'} />}
      {mine?.role === 'mediator' && <MediatorActions agreement={a} />}
      {a.status === 'signed' && <ConfirmationCard agreement={a} myId={me?.id} />}
    </>
  );
}

function Terms({ agreement: a }: { agreement: TAgreement }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('agreements.clauses')}</Typography.Title>} extra={<a href={agreementPdfUrl(a.id)} target="_blank" rel="noreferrer">{t('agreements.read')}</a>}>
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('agreements.facts')}</Typography.Title>
      <Typography.Paragraph>{a.terms.facts}</Typography.Paragraph>
      <ol>
        {a.terms.clauses.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ol>
      {a.terms.payments.map((p, i) => (
        <div key={i}>
          <Typography.Text strong>
            {t('agreements.payer')}：{p.payer} → {t('agreements.payee')}：{p.payee}
          </Typography.Text>
          <ul>
            {p.instalments.map((x, n) => (
              <li key={n}>
                {t('agreements.instalment', { n: n + 1 })} {x.dueOn} ¥{formatFen(x.amountFen, i18n.language)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {a.terms.onDefault && <Typography.Paragraph type="secondary">{a.terms.onDefault}</Typography.Paragraph>}
    </Card>
  );
}

function SignCard({ agreement: a, needsCode }: { agreement: TAgreement; needsCode: boolean }) {
  const { t } = useTranslation();
  const actions = useAgreementAction(a.id);
  const [png, setPng] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [attempt] = useState(() => crypto.randomUUID());
  const sign = () => actions.sign.mutate({ signature: png!, code: needsCode ? code : undefined, expectedVersion: a.version, idempotencyKey: `sign-${a.id}-${a.version}-${attempt}` });
  return (
    <Card style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('agreements.sign')}</Typography.Title>}>
      <Typography.Paragraph>{needsCode ? t('agreements.signHint') : t('agreements.mediatorSignHint')}</Typography.Paragraph>
      <SignaturePad onChange={setPng} />
      {needsCode && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Button onClick={() => actions.sendCode.mutate()} loading={actions.sendCode.isPending}>
            {t('agreements.sendCode')}
          </Button>
          <Input aria-label={t('agreements.code')} placeholder={t('agreements.code')} inputMode="numeric" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} style={{ width: 140 }} />
        </Flex>
      )}
      {actions.sendCode.data && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('agreements.codeSent', { phone: actions.sendCode.data.sentTo })}</Typography.Paragraph>}
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        <ProblemAlert error={actions.sendCode.error ?? actions.sign.error} />
        <Button type="primary" block disabled={!png || (needsCode && code.length !== 6)} loading={actions.sign.isPending} onClick={sign}>
          {png ? t('agreements.confirmSign') : t('agreements.empty')}
        </Button>
      </Space>
    </Card>
  );
}

function MediatorActions({ agreement: a }: { agreement: TAgreement }) {
  const { t } = useTranslation();
  const actions = useAgreementAction(a.id);
  const [form] = Form.useForm<{ outcome: 'failed' | 'withdrawn'; reason: string }>();
  const closable = a.status === 'draft' || a.status === 'signing';
  if (!closable) return null;
  return (
    <Card style={{ marginTop: 16 }}>
      <Flex gap={8} wrap>
        {a.status === 'draft' && (
          <Button type="primary" onClick={() => actions.open.mutate(a.version)} loading={actions.open.isPending}>
            {t('agreements.open')}
          </Button>
        )}
        {a.status === 'signing' && (
          <Button onClick={() => actions.returnToDraft.mutate(a.version)} loading={actions.returnToDraft.isPending}>
            {t('agreements.returnToDraft')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={actions.open.error ?? actions.returnToDraft.error ?? actions.close.error} />
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} initialValues={{ outcome: 'failed' }} onFinish={(v) => actions.close.mutate({ ...v, expectedVersion: a.version })}>
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('agreements.close')}</Typography.Title>
        <Form.Item name="outcome">
          <Radio.Group options={(['failed', 'withdrawn'] as const).map((o) => ({ value: o, label: t(`agreements.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('agreements.reason')} rules={[{ required: true, whitespace: true, message: t('agreements.reason') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button danger htmlType="submit" loading={actions.close.isPending}>
          {t('agreements.close')}
        </Button>
      </Form>
    </Card>
  );
}

/** After signing: the parties' one-click joint application for judicial confirmation, and where it stands. */
function ConfirmationCard({ agreement: a, myId }: { agreement: TAgreement; myId: string | undefined }) {
  const { t } = useTranslation();
  const confirmation = useConfirmation(a.id, true);
  const apply = useApplyForConfirmation(a.id);
  const [attempt] = useState(() => crypto.randomUUID());
  const c = confirmation.data;
  const isParty = a.signatories.some((s) => s.userId === myId && s.role === 'party');
  const iApplied = !!c?.applicants.some((p) => p.userId === myId && p.appliedAt);
  const status = c?.status === 'submitted' ? t('agreements.confirmation.submitted') : iApplied ? t('agreements.confirmation.waiting', { lastDay: c!.lastDay }) : c ? t('agreements.confirmation.otherApplied', { lastDay: c.lastDay }) : null;
  return (
    <Card style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('agreements.confirmation.title')}</Typography.Title>}>
      <Typography.Paragraph>{t('agreements.confirmation.hint')}</Typography.Paragraph>
      {status && <Alert type={c?.status === 'submitted' ? 'success' : 'info'} showIcon role="status" title={status} style={{ marginBottom: 12 }} />}
      <ProblemAlert error={confirmation.error ?? apply.error} />
      {isParty && !iApplied && c?.status !== 'submitted' && (
        <Button type="primary" block loading={apply.isPending} onClick={() => apply.mutate(`confirm-${a.id}-${attempt}`)}>
          {t('agreements.confirmation.apply')}
        </Button>
      )}
    </Card>
  );
}
