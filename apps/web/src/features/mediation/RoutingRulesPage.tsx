// /mediation/rules: the routing rules editor. Area and kind route a dispute to an organisation and a
// specialised platform; the highest priority applies; every edit is a new version, with its history.
import { DISPUTE_KINDS, ZPlatform, type TRoutingRule, type TRoutingRuleWrite } from '@opencourt/contracts';
import { Button, Drawer, Form, InputNumber, List, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { formatDateTime } from '../../shared/lib/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { ScrollRegion } from '../../shared/ui/ScrollRegion.tsx';
import { useNetwork, useRuleHistory, useRules, useSaveRule } from './mediation.api.ts';
import { MediationTabs } from './MediationTabs.tsx';
import { areaOptions } from './MediatorPoolPage.tsx';

const ANY = '*';
type FormValues = Omit<TRoutingRuleWrite, 'disputeKind' | 'platform'> & { disputeKind: string; platform?: string | null };

function RuleForm({ editing, onDone }: { editing: TRoutingRule | null; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveRule();
  const nodes = useNetwork().data ?? [];
  const initial: Partial<FormValues> = editing ? { ...editing, disputeKind: editing.disputeKind ?? ANY } : { disputeKind: ANY, priority: 50, active: true };
  const onFinish = (v: FormValues) => {
    const body: TRoutingRuleWrite = { areaPrefix: v.areaPrefix, disputeKind: v.disputeKind === ANY ? null : (v.disputeKind as TRoutingRuleWrite['disputeKind']), nodeId: v.nodeId, platform: (v.platform ?? null) as TRoutingRuleWrite['platform'], priority: v.priority, active: v.active };
    save.mutate({ id: editing?.id, version: editing?.version, body }, { onSuccess: onDone, onError: (e) => applyProblemToForm(form, e) });
  };
  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
      <Form.Item name="areaPrefix" label={t('mediation.rules.form.areaPrefix')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={areaOptions(nodes)} />
      </Form.Item>
      <Form.Item name="disputeKind" label={t('mediation.rules.form.disputeKind')}>
        <Select options={[{ value: ANY, label: t('mediation.rules.anyKind') }, ...DISPUTE_KINDS.map((k) => ({ value: k, label: t(`mediation.kinds.${k}`) }))]} />
      </Form.Item>
      <Form.Item name="nodeId" label={t('mediation.rules.form.nodeId')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={nodes.map((n) => ({ value: n.id, label: `${n.name}（${n.areaName}）` }))} />
      </Form.Item>
      <Form.Item name="platform" label={t('mediation.rules.form.platform')}>
        <Select allowClear options={ZPlatform.options.map((p) => ({ value: p, label: t(`mediation.platforms.${p}`) }))} />
      </Form.Item>
      <Form.Item name="priority" label={t('mediation.rules.form.priority')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1000} />
      </Form.Item>
      <Form.Item name="active" label={t('mediation.rules.form.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {save.error ? <ProblemAlert error={save.error} hideFieldErrors /> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('mediation.rules.form.save')}
      </Button>
    </Form>
  );
}

function RuleHistory({ ruleId }: { ruleId: string }) {
  const { t, i18n } = useTranslation();
  const history = useRuleHistory(ruleId);
  return (
    <List
      loading={history.isPending}
      dataSource={history.data ?? []}
      renderItem={(h) => (
        <List.Item>
          <div>
            <strong>{t('mediation.rules.versionOf', { version: h.version, by: h.changedBy, at: formatDateTime(h.changedAt, i18n.language) })}</strong>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              <code>{JSON.stringify({ areaPrefix: h.rule.areaPrefix, disputeKind: h.rule.disputeKind, priority: h.rule.priority, active: h.rule.active, platform: h.rule.platform })}</code>
            </Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}

export function RoutingRulesPage() {
  const { t } = useTranslation();
  const rules = useRules();
  const nodes = useNetwork().data ?? [];
  const areaName = (prefix: string) => nodes.find((n) => n.areaCode === prefix)?.areaName ?? prefix;
  const [editing, setEditing] = useState<TRoutingRule | null | undefined>(undefined);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('mediation.rules.title')} subtitle={t('mediation.rules.subtitle')} extra={<Button type="primary" onClick={() => setEditing(null)}>{t('mediation.rules.add')}</Button>} />
      <MediationTabs />
      {rules.error ? <ProblemAlert error={rules.error} /> : null}
      <ScrollRegion label={t('mediation.rules.title')}>
        <Table<TRoutingRule>
          rowKey="id"
          size="small"
          loading={rules.isPending}
          pagination={false}
          dataSource={rules.data ?? []}
          locale={{ emptyText: t('mediation.rules.empty') }}
          columns={[
            { key: 'area', title: t('mediation.rules.columns.area'), render: (_, r) => `${areaName(r.areaPrefix)}（${r.areaPrefix}）` },
            { key: 'kind', title: t('mediation.rules.columns.kind'), render: (_, r) => (r.disputeKind ? t(`mediation.kinds.${r.disputeKind}`) : t('mediation.rules.anyKind')) },
            { key: 'node', title: t('mediation.rules.columns.node'), dataIndex: 'nodeName' },
            { key: 'platform', title: t('mediation.rules.columns.platform'), render: (_, r) => (r.platform ? t(`mediation.platforms.${r.platform}`) : '—') },
            { key: 'priority', title: t('mediation.rules.columns.priority'), dataIndex: 'priority' },
            { key: 'active', title: t('mediation.rules.columns.active'), render: (_, r) => (r.active ? '✓' : '—') },
            { key: 'version', title: t('mediation.rules.columns.version'), render: (_, r) => <Button type="link" size="small" onClick={() => setHistoryOf(r.id)}>v{r.version}</Button> },
            { key: 'edit', title: '', render: (_, r) => <Button size="small" onClick={() => setEditing(r)}>{t('mediation.rules.edit')}</Button> },
          ]}
        />
      </ScrollRegion>
      <Drawer open={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('mediation.rules.edit') : t('mediation.rules.add')} size={440} destroyOnHidden>
        {editing !== undefined ? <RuleForm editing={editing} onDone={() => setEditing(undefined)} /> : null}
      </Drawer>
      <Drawer open={!!historyOf} onClose={() => setHistoryOf(null)} title={t('mediation.rules.history')} size={440} destroyOnHidden>
        {historyOf ? <RuleHistory ruleId={historyOf} /> : null}
      </Drawer>
    </>
  );
}
