// The room's text chat (of the sub-room one is in): messages from `video.chat` events, sent by REST.
import type { TVideoChatMessage } from '@opencourt/contracts';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../shared/lib/format.ts';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert.tsx';

export function ChatPanel({ messages, onSend }: { messages: TVideoChatMessage[]; onSend: (text: string) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [messages.length]);

  const send = async () => {
    const value = text.trim();
    if (!value) return;
    setSending(true);
    setError(null);
    try {
      await onSend(value);
      setText('');
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('video.chat.heading')}</h2>}>
      {messages.length === 0 ? <Typography.Text type="secondary">{t('video.chat.empty')}</Typography.Text> : null}
      <ol className="oc-video-chat-list" ref={list} aria-live="polite" tabIndex={0} aria-label={t('video.chat.heading')}>
        {messages.map((m) => (
          <li key={m.id}>
            <Typography.Text strong>{m.displayName}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTimeSeconds(m.createdAt, i18n.language)}
            </Typography.Text>
            <div>{m.text}</div>
          </li>
        ))}
      </ol>
      <ProblemAlert error={error} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={text}
          maxLength={2000}
          placeholder={t('video.chat.placeholder')}
          aria-label={t('video.chat.label')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void send()}
        />
        <Button type="primary" loading={sending} onClick={() => void send()}>
          {t('video.chat.send')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
