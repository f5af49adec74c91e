import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from './audit.api.ts';
import type { FormInstance } from 'antd';

export type AuditFormValues = {
  action?: string;
  outcome?: AuditFilters['outcome'];
  from?: Dayjs | null;
  to?: Dayjs | null;
  q?: string;
  actorId?: string;
  resourceType?: string;
  resourceId?: string;
};

const text = (value: string | undefined) => value?.trim() || undefined;

/** Form values → query: blanks dropped, times as ISO 8601 with the local offset. */
export function filtersOf(values: AuditFormValues): AuditFilters {
  return {
    action: text(values.action),
    outcome: values.outcome || undefined,
    from: values.from ? values.from.format() : undefined,
    to: values.to ? values.to.format() : undefined,
    q: text(values.q),
    actorId: text(values.actorId),
    resourceType: text(values.resourceType),
    resourceId: text(values.resourceId),
  };
}

export function AuditFilterForm({ form, onSearch, searching }: { form: FormInstance<AuditFormValues>; onSearch: (values: AuditFormValues) => void; searching: boolean }) {
  const { t } = useTranslation();
  const col = { xs: 24, sm: 12, lg: 6 };
  return (
    <Form form={form} name="audit-filter" layout="vertical" onFinish={onSearch} aria-label={t('audit.filters')}>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="action" label={t('audit.action')}>
            <Input placeholder={t('audit.actionPlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              placeholder={t('audit.anyOutcome')}
              options={(['success', 'denied', 'failed'] as const).map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="from" label={t('audit.periodStart')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="to" label={t('audit.periodEnd')}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="q" label={t('audit.q')}>
            <Input placeholder={t('audit.qPlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="actorId" label={t('audit.actorId')}>
            <Input allowClear spellCheck={false} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="resourceType" label={t('audit.resourceType')}>
            <Input allowClear spellCheck={false} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="resourceId" label={t('audit.resourceId')}>
            <Input allowClear spellCheck={false} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={searching}>
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
