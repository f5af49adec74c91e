// /mediation/triage/:matterId: one dispute's triage panel. The routing proposal, the ranked mediators
// with the reasons, the coordinator's plan, and one click to assign one mediator or a joint group.
import type { TSuggestion, TTriageDetail } from '@opencourt/contracts';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpinner } from '../../shared/ui/PageSpinner.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { useAssign, useTriageDetail } from './mediation.api.ts';
import { MediationTabs } from './MediationTabs.tsx';

type Picked = { nodeId: string };

function Facts({ detail }: { detail: TTriageDetail }) {
  const { t, i18n } = useTranslation();
  const { item } = detail;
  return (
    <Card size="small" title={t('mediation.panel.facts')}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('mediation.queue.columns.kind')}>{t(`mediation.kinds.${item.disputeKind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.queue.columns.area')}>{item.areaName}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.queue.columns.urgency')}>{t(`mediation.urgency.${item.urgency}`)}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.panel.receivedAt')}>{formatDateTime(item.receivedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('mediation.queue.columns.age')}>{t('mediation.queue.days', { count: item.ageDays })}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
        {t('mediation.panel.proposal')}
      </Typography.Title>
      {item.proposal ? (
        <Typography.Paragraph data-testid="proposal" style={{ marginBottom: 0 }}>
          {t('mediation.panel.proposalHint', { node: item.proposal.nodeName })}
          {item.proposal.platform ? `（${t('mediation.panel.platform', { platform: t(`mediation.platforms.${item.proposal.platform}`) })}）` : ''}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('mediation.queue.noProposal')}</Typography.Text>
      )}
    </Card>
  );
}

function Assigned({ detail }: { detail: TTriageDetail }) {
  const { t, i18n } = useTranslation();
  const a = detail.assignment!;
  return (
    <Card size="small" title={`${t('mediation.panel.assigned')}（${a.mode === 'joint' ? t('mediation.panel.joint') : t('mediation.panel.single')}）`}>
      <List
        size="small"
        dataSource={a.members}
        renderItem={(m) => (
          <List.Item>
            <Space wrap>
              <strong>{m.name}</strong>
              <span>{m.nodeName}</span>
              {m.lead && a.mode === 'joint' ? <Tag>{t('mediation.panel.lead')}</Tag> : null}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.plan}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('mediation.panel.assignedAt')}：{formatDateTime(a.assignedAt, i18n.language)}
      </Typography.Text>
    </Card>
  );
}

function SuggestionItem(props: { s: TSuggestion; joint: boolean; picked?: Picked; lead: boolean; onPick(on: boolean): void; onLead(): void; onNode(nodeId: string): void }) {
  const { t } = useTranslation();
  const { s, joint, picked } = props;
  const pickLabel = `${t('mediation.panel.pick')} ${s.name}`;
  return (
    <List.Item aria-label={s.name} data-testid="suggestion">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex wrap gap={8} align="center">
          {joint ? (
            <Checkbox aria-label={pickLabel} disabled={!s.eligible} checked={!!picked} onChange={(e) => props.onPick(e.target.checked)} />
          ) : (
            <Radio aria-label={pickLabel} disabled={!s.eligible} checked={!!picked} onChange={() => props.onPick(true)} />
          )}
          <strong>{s.name}</strong>
          <Tag>{t(`mediation.mediatorKinds.${s.kind}`)}</Tag>
          <Typography.Text type="secondary">{s.nodes.map((n) => n.name).join('、')}</Typography.Text>
          <Typography.Text strong={s.eligible} type={s.eligible ? undefined : 'secondary'}>{s.eligible ? t('mediation.panel.score', { score: s.score }) : t('mediation.panel.notEligible')}</Typography.Text>
        </Flex>
        <ul className="oc-reasons" aria-label={`${s.name}：${t('mediation.panel.suggestions')}`} style={{ margin: 0, paddingInlineStart: 20 }}>
          {s.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {picked ? (
          <Flex wrap gap={8} align="center">
            <Select
              aria-label={`${t('mediation.panel.organisation')} ${s.name}`}
              style={{ minWidth: 220 }}
              value={picked.nodeId}
              onChange={props.onNode}
              options={s.nodes.map((n) => ({ value: n.id, label: n.name }))}
            />
            {joint ? <Radio aria-label={`${t('mediation.panel.lead')} ${s.name}`} checked={props.lead} onChange={props.onLead}>{t('mediation.panel.lead')}</Radio> : null}
          </Flex>
        ) : null}
      </Flex>
    </List.Item>
  );
}

function AssignForm({ detail, matterId }: { detail: TTriageDetail; matterId: string }) {
  const { t } = useTranslation();
  const assign = useAssign(matterId);
  const [joint, setJoint] = useState(false);
  const [picked, setPicked] = useState<Record<string, Picked>>({});
  const [lead, setLead] = useState<string | null>(null);
  const [plan, setPlan] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const proposalNode = detail.item.proposal?.nodeId;
  const defaultNode = (s: TSuggestion) => (s.nodes.some((n) => n.id === proposalNode) ? proposalNode! : s.nodes[0]!.id);

  const pick = (s: TSuggestion, on: boolean) => {
    setHint(null);
    if (!joint) {
      setPicked(on ? { [s.mediatorId]: { nodeId: defaultNode(s) } } : {});
      return;
    }
    setPicked((p) => {
      const next = { ...p };
      if (on) next[s.mediatorId] = { nodeId: defaultNode(s) };
      else delete next[s.mediatorId];
      return next;
    });
    if (on && !lead) setLead(s.mediatorId);
    if (!on && lead === s.mediatorId) setLead(null);
  };

  const submit = () => {
    const ids = Object.keys(picked);
    if (!plan.trim()) return setHint(t('mediation.panel.planRequired'));
    if (!joint && ids.length !== 1) return setHint(t('mediation.panel.pickOne'));
    if (joint && (ids.length < 2 || !lead || !picked[lead])) return setHint(t('mediation.panel.pickTwo'));
    setHint(null);
    assign.mutate({ version: detail.item.version, plan, members: ids.map((id) => ({ mediatorId: id, nodeId: picked[id]!.nodeId, lead: joint ? id === lead : true })) });
  };

  return (
    <Card size="small" title={t('mediation.panel.suggestions')}>
      <Flex vertical gap={12}>
        <Radio.Group
          aria-label={t('mediation.panel.mode')}
          value={joint ? 'joint' : 'single'}
          onChange={(e) => {
            setJoint(e.target.value === 'joint');
            setPicked({});
            setLead(null);
          }}
          options={[
            { value: 'single', label: t('mediation.panel.single') },
            { value: 'joint', label: t('mediation.panel.joint') },
          ]}
        />
        <List
          size="small"
          dataSource={detail.suggestions}
          renderItem={(s) => (
            <SuggestionItem
              s={s}
              joint={joint}
              picked={picked[s.mediatorId]}
              lead={lead === s.mediatorId}
              onPick={(on) => pick(s, on)}
              onLead={() => setLead(s.mediatorId)}
              onNode={(nodeId) => setPicked((p) => ({ ...p, [s.mediatorId]: { nodeId } }))}
            />
          )}
        />
        <Form layout="vertical">
          <Form.Item label={t('mediation.panel.plan')} extra={t('mediation.panel.planHint')} htmlFor="triage-plan">
            <Input.TextArea id="triage-plan" rows={4} maxLength={2000} showCount value={plan} onChange={(e) => setPlan(e.target.value)} />
          </Form.Item>
        </Form>
        {hint ? <Alert type="warning" showIcon title={hint} /> : null}
        {assign.error ? (
          isApiError(assign.error, 409) ? <Alert type="warning" showIcon title={t('mediation.panel.conflict')} description={assign.error.problem.title} /> : <ProblemAlert error={assign.error} />
        ) : null}
        <div>
          <Button type="primary" size="large" onClick={submit} loading={assign.isPending}>
            {joint ? t('mediation.panel.assignJoint') : t('mediation.panel.assign')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}

export function TriagePanelPage() {
  const { t } = useTranslation();
  const { matterId = '' } = useParams();
  const detail = useTriageDetail(matterId);
  if (detail.isPending) return <PageSpinner />;
  if (detail.error || !detail.data) return <ProblemAlert error={detail.error} />;
  return (
    <>
      <PageHeader title={t('mediation.panel.title', { title: detail.data.item.title })} extra={<Link to="/mediation/triage">{t('mediation.panel.back')}</Link>} />
      <MediationTabs />
      <Flex vertical gap={16}>
        <Facts detail={detail.data} />
        {detail.data.assignment ? <Assigned detail={detail.data} /> : <AssignForm key={detail.data.item.version} detail={detail.data} matterId={matterId} />}
      </Flex>
    </>
  );
}
