// /mediation/mediators: the mediator pool (调解人才智库). Profiles with organisations, specialties, areas,
// duty hours, leave and capacity, and results computed from their assignments; coordinators add and edit.
import { DISPUTE_KINDS, ZMediatorKind, type TMediator, type TMediatorWrite, type TNetworkNode } from '@opencourt/contracts';
import { Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../shared/api/form-errors.ts';
import { triagesDisputes } from '../../shared/session/access.ts';
import { useMe } from '../../shared/session/me.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { ScrollRegion } from '../../shared/ui/ScrollRegion.tsx';
import { useMediators, useNetwork, useSaveMediator } from './mediation.api.ts';
import { MediationTabs } from './MediationTabs.tsx';

type WindowValue = { day: number; from: string; to: string };
type FormValues = Omit<TMediatorWrite, 'availability' | 'onLeaveUntil'> & { userId?: string; onLeaveUntil?: Dayjs | null; availability: WindowValue[] };

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const toHhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** The areas the network serves, for the area pickers. */
export const areaOptions = (nodes: TNetworkNode[]) => [...new Map(nodes.map((n) => [n.areaCode, n.areaName])).entries()].map(([value, label]) => ({ value, label: `${label}（${value}）` }));

function MediatorForm({ editing, onDone }: { editing: TMediator | null; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveMediator();
  const nodes = useNetwork().data ?? [];
  const days = t('mediation.pool.form.days', { returnObjects: true }) as string[];
  const initial: Partial<FormValues> = editing
    ? { ...editing, nodeIds: editing.nodes.map((n) => n.id), onLeaveUntil: editing.onLeaveUntil ? dayjs(editing.onLeaveUntil) : null, availability: editing.availability.map((w) => ({ day: w.day, from: toHhmm(w.from), to: toHhmm(w.to) })) }
    : { kind: 'people_mediator', maxLoad: 8, availability: [] };
  const onFinish = (v: FormValues) => {
    const body = {
      ...(editing ? {} : { userId: v.userId }),
      kind: v.kind,
      nodeIds: v.nodeIds,
      specialties: v.specialties,
      areaCodes: v.areaCodes,
      maxLoad: v.maxLoad,
      onLeaveUntil: v.onLeaveUntil ? v.onLeaveUntil.startOf('day').toISOString() : null,
      availability: (v.availability ?? []).map((w) => ({ day: w.day, from: toMinutes(w.from), to: toMinutes(w.to) })),
    };
    save.mutate({ id: editing?.id, version: editing?.version, body }, { onSuccess: onDone, onError: (e) => applyProblemToForm(form, e) });
  };
  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
      {editing ? null : (
        <Form.Item name="userId" label={t('mediation.pool.form.userId')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('mediation.pool.form.kind')} rules={[{ required: true }]}>
        <Select options={ZMediatorKind.options.map((k) => ({ value: k, label: t(`mediation.mediatorKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="nodeIds" label={t('mediation.pool.form.nodeIds')} rules={[{ required: true }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={nodes.map((n) => ({ value: n.id, label: n.name }))} />
      </Form.Item>
      <Form.Item name="specialties" label={t('mediation.pool.form.specialties')} rules={[{ required: true }]}>
        <Select mode="multiple" options={DISPUTE_KINDS.map((k) => ({ value: k, label: t(`mediation.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="areaCodes" label={t('mediation.pool.form.areaCodes')} rules={[{ required: true }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={areaOptions(nodes)} />
      </Form.Item>
      <Form.Item name="maxLoad" label={t('mediation.pool.form.maxLoad')} rules={[{ required: true }]}>
        <InputNumber min={1} max={50} />
      </Form.Item>
      <Form.Item name="onLeaveUntil" label={t('mediation.pool.form.onLeaveUntil')}>
        <DatePicker />
      </Form.Item>
      <Form.List name="availability">
        {(fields, { add, remove }) => (
          <Form.Item label={t('mediation.pool.form.availability')}>
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'day']} noStyle>
                    <Select aria-label={t('mediation.pool.form.day')} style={{ width: 90 }} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: days[d] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} noStyle>
                    <Input type="time" aria-label={t('mediation.pool.form.from')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} noStyle>
                    <Input type="time" aria-label={t('mediation.pool.form.to')} style={{ width: 120 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add({ day: 1, from: '09:00', to: '12:00' })}>{t('mediation.pool.form.addWindow')}</Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      {save.error ? <ProblemAlert error={save.error} hideFieldErrors /> : null}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('mediation.pool.form.save')}
      </Button>
    </Form>
  );
}

export function MediatorPoolPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const mediators = useMediators();
  const [editing, setEditing] = useState<TMediator | null | undefined>(undefined);
  const manages = !!me && triagesDisputes(me.roles);
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  return (
    <>
      <PageHeader title={t('mediation.pool.title')} extra={manages ? <Button type="primary" onClick={() => setEditing(null)}>{t('mediation.pool.add')}</Button> : null} />
      {manages ? <MediationTabs /> : null}
      {mediators.error ? <ProblemAlert error={mediators.error} /> : null}
      <ScrollRegion label={t('mediation.pool.title')}>
        <Table<TMediator>
          rowKey="id"
          size="small"
          loading={mediators.isPending}
          pagination={false}
          dataSource={mediators.data ?? []}
          locale={{ emptyText: t('mediation.pool.empty') }}
          columns={[
            { key: 'name', title: t('mediation.pool.columns.name'), dataIndex: 'name' },
            { key: 'kind', title: t('mediation.pool.columns.kind'), render: (_, m) => t(`mediation.mediatorKinds.${m.kind}`) },
            { key: 'nodes', title: t('mediation.pool.columns.nodes'), render: (_, m) => m.nodes.map((n) => n.name).join('、') },
            { key: 'specialties', title: t('mediation.pool.columns.specialties'), render: (_, m) => m.specialties.map((k) => t(`mediation.kinds.${k}`)).join('、') },
            { key: 'load', title: t('mediation.pool.columns.load'), render: (_, m) => `${m.results.open}/${m.maxLoad}` },
            {
              key: 'results',
              title: t('mediation.pool.columns.results'),
              render: (_, m) => (m.results.successRate === null ? t('mediation.pool.noRecord') : t('mediation.pool.rate', { closed: m.results.closed, rate: Math.round(m.results.successRate * 100) })),
            },
            {
              key: 'status',
              title: t('mediation.pool.columns.status'),
              render: (_, m) => (m.onLeaveUntil && new Date(m.onLeaveUntil) > new Date() ? <Typography.Text type="warning">{t('mediation.pool.onLeave', { date: date(m.onLeaveUntil) })}</Typography.Text> : t('mediation.pool.available')),
            },
            ...(manages ? [{ key: 'edit', title: '', render: (_: unknown, m: TMediator) => <Button size="small" onClick={() => setEditing(m)} aria-label={`${t('mediation.pool.edit')} ${m.name}`}>{t('mediation.pool.edit')}</Button> }] : []),
          ]}
        />
      </ScrollRegion>
      <Drawer open={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? `${t('mediation.pool.edit')} ${editing.name}` : t('mediation.pool.add')} size={480} destroyOnHidden>
        {editing !== undefined ? <MediatorForm editing={editing} onDone={() => setEditing(undefined)} /> : null}
      </Drawer>
    </>
  );
}
