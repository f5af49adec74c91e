// Where a matter stands, in plain words: its stage and what comes next, who handles it, deadlines, the
// parties and claims (as the server's view for this viewer gives them), the history with its ledger
// receipts, and the dossier's documents to download. Phone-first: one column of cards.
import type { TDossierDocument, TMatterOverview, TTimeline } from '@opencourt/contracts';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { formatFen } from '../fees/fee-format.ts';
import { zhCN } from '../../app/i18n/zh-CN.ts';
import { stageLabel, useMatterDossier, useMatterOverview, useMatterTimeline } from './matters.api.ts';

type Stage = keyof typeof zhCN.matterProgress.stageExplained;
type EventType = keyof typeof zhCN.matterProgress.events;
const known = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => key in table;

const Section = ({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) => (
  <Card data-testid={testId} style={{ marginBottom: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{title}</Typography.Title>}>
    {children}
  </Card>
);

function WhereNow({ o }: { o: TMatterOverview }) {
  const { t } = useTranslation();
  const stage = o.matter.stage;
  return (
    <Section title={t('matterProgress.whereNow')} testId="progress-stage">
      <Typography.Paragraph strong>{t('matterProgress.nowAt', { stage: stageLabel(t, stage) })}</Typography.Paragraph>
      {known(zhCN.matterProgress.stageExplained, stage) ? <Typography.Paragraph>{t(`matterProgress.stageExplained.${stage as Stage}`)}</Typography.Paragraph> : null}
      {known(zhCN.matterProgress.nextStep, stage) ? (
        <>
          <Typography.Text type="secondary">{t('matterProgress.whatNext')}</Typography.Text>
          <Typography.Paragraph>{t(`matterProgress.nextStep.${stage as Stage}`)}</Typography.Paragraph>
        </>
      ) : null}
      <Typography.Text type="secondary">{t('matterProgress.handledBy')}</Typography.Text>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {o.staff.length ? o.staff.map((s) => `${t(`matterProgress.staffRoles.${s.role}`)} ${s.displayName}`).join('、') : t('matterProgress.nobodyYet')}
      </Typography.Paragraph>
      {o.cause ? <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{`${t('matterProgress.cause')}：${o.cause.name}`}</Typography.Paragraph> : null}
      {o.area ? <Typography.Paragraph style={{ marginBottom: 0 }}>{`${t('matterProgress.area')}：${o.area.path.join(' ')}`}</Typography.Paragraph> : null}
    </Section>
  );
}

function Deadlines({ o }: { o: TMatterOverview }) {
  const { t, i18n } = useTranslation();
  const color = { open: 'processing', met: 'success', missed: 'error' } as const;
  return (
    <Section title={t('matterProgress.deadlines')} testId="progress-deadlines">
      {o.deadlines.length === 0 ? (
        <Typography.Text type="secondary">{t('matterProgress.noDeadlines')}</Typography.Text>
      ) : (
        <List
          dataSource={o.deadlines}
          rowKey="id"
          renderItem={(d) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong className="oc-wrap-anywhere">{d.title}</Typography.Text>
                  <Tag color={color[d.status]}>{t(`matterProgress.deadlineStatus.${d.status}`)}</Tag>
                </Flex>
                <Typography.Text>{t('matterProgress.dueBy', { at: formatDateTime(d.dueAt, i18n.language) })}</Typography.Text>
                <Typography.Text type="secondary">{t('matterProgress.whoActs', { who: t(`matterProgress.deadlineActors.${d.actor}`) })}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}

function PartiesAndClaims({ o }: { o: TMatterOverview }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Section title={t('matterProgress.parties')} testId="progress-parties">
        <List
          dataSource={o.parties}
          rowKey="id"
          renderItem={(p) => (
            <List.Item>
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {p.name} {p.isViewer ? <Tag color="blue">{t('matterProgress.you')}</Tag> : null}
                </Typography.Text>
                <Typography.Text type="secondary">{t(`matterProgress.sides.${p.side}`)}</Typography.Text>
                {p.idNumber ? <Typography.Text>{p.idNumber}</Typography.Text> : null}
                {p.uscc ? <Typography.Text>{p.uscc}</Typography.Text> : null}
                {p.legalRepresentative ? <Typography.Text type="secondary">{t('matterProgress.legalRepresentative', { name: p.legalRepresentative })}</Typography.Text> : null}
                {o.agents
                  .filter((a) => a.partyId === p.id)
                  .map((a) => (
                    <Typography.Text key={a.id} type="secondary">{`${t('matterProgress.agents')}：${a.name}（${t(`matterProgress.agentKinds.${a.kind}`)}${a.lawFirm ? `，${a.lawFirm}` : ''}）`}</Typography.Text>
                  ))}
              </Flex>
            </List.Item>
          )}
        />
      </Section>
      <Section title={t('matterProgress.claims')} testId="progress-claims">
        {o.claims.length === 0 ? (
          <Typography.Text type="secondary">{t('matterProgress.noClaims')}</Typography.Text>
        ) : (
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {o.claims.map((c) => (
              <li key={c.id} style={{ marginBottom: 8 }}>
                <Typography.Text className="oc-wrap-anywhere">{c.description}</Typography.Text>
                {c.amountFen !== null ? <Typography.Text type="secondary" style={{ display: 'block' }}>{t('matterProgress.amount', { amount: t('fees.yuan', { amount: formatFen(c.amountFen, i18n.language) }) })}</Typography.Text> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

const eventLabel = (t: TFunction, type: string) => (known(zhCN.matterProgress.events, type) ? t(`matterProgress.events.${type as EventType}`) : t('matterProgress.otherEvent'));

function Timeline({ timeline }: { timeline: TTimeline }) {
  const { t, i18n } = useTranslation();
  const color = { recorded: 'success', pending: 'processing', unknown: 'default' } as const;
  return (
    <Section title={t('matterProgress.timeline')} testId="progress-timeline">
      {timeline.items.length === 0 ? (
        <Typography.Text type="secondary">{t('matterProgress.noEvents')}</Typography.Text>
      ) : (
        <List
          dataSource={[...timeline.items].reverse()}
          rowKey="id"
          renderItem={(e) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>{eventLabel(t, e.type)}</Typography.Text>
                  <Tag color={color[e.receipt.status]}>{t(`matterProgress.receipt.${e.receipt.status}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {formatDateTime(e.occurredAt, i18n.language)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Typography.Text>
                {e.receipt.url ? (
                  <a href={e.receipt.url} target="_blank" rel="noreferrer">
                    {t('matterProgress.receiptLink')}
                  </a>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}

function Dossier({ items }: { items: TDossierDocument[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('matterProgress.dossier')} testId="progress-dossier">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matterProgress.noDocuments')} />
      ) : (
        <List
          dataSource={items}
          rowKey="id"
          renderItem={(d) => (
            <List.Item actions={[<a key="download" href={`${d.downloadUrl}?disposition=attachment`} download={d.filename} aria-label={`${t('matterProgress.download')} ${d.title}`}>{t('matterProgress.download')}</a>]}>
              <Flex vertical gap={2}>
                <Typography.Text strong className="oc-wrap-anywhere">{d.title}</Typography.Text>
                <Typography.Text type="secondary">
                  {[t(`matterProgress.categories.${d.category}`), t(`matterProgress.sources.${d.source}`), d.documentDate, d.pages !== null ? t('matterProgress.pages', { count: d.pages }) : null].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Section>
  );
}

export function MatterProgress({ matterId }: { matterId: string }) {
  const overview = useMatterOverview(matterId);
  const timeline = useMatterTimeline(matterId);
  const dossier = useMatterDossier(matterId);
  if (overview.isError) return <ProblemAlert error={overview.error} />;
  return (
    <>
      {overview.data ? (
        <>
          <WhereNow o={overview.data} />
          <Deadlines o={overview.data} />
        </>
      ) : null}
      {dossier.data ? <Dossier items={dossier.data.items} /> : null}
      {timeline.data ? <Timeline timeline={timeline.data} /> : null}
      {overview.data ? <PartiesAndClaims o={overview.data} /> : null}
    </>
  );
}
