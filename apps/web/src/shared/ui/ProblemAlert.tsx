// Shows a failed request plainly: the server's (localised) title, its detail, and for lock-outs and
// rate limits when to try again.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { formatDateTime } from '../lib/format.ts';

export function ProblemAlert({ error, hideFieldErrors = false }: { error: unknown; hideFieldErrors?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiError)) return <Alert type="error" showIcon title={t('common.unknownError')} />;
  const { problem } = error;
  const lines: string[] = [];
  if (problem.status === 423) {
    lines.push(problem.lockedUntil ? t('login.lockedUntil', { time: formatDateTime(problem.lockedUntil, i18n.language) }) : t('login.lockedHint'));
  } else if (problem.status === 429 && problem.retryAfterSeconds) {
    lines.push(t('login.retryAfter', { seconds: problem.retryAfterSeconds }));
  } else if (problem.detail) {
    lines.push(problem.detail);
  }
  if (!hideFieldErrors) for (const e of problem.errors ?? []) lines.push(e.detail);
  if (problem.status >= 500 && problem.requestId) lines.push(t('common.requestId', { id: problem.requestId }));
  return (
    <Alert
      type="error"
      showIcon
      title={problem.title}
      description={lines.length ? lines.map((line, i) => <div key={i}>{line}</div>) : undefined}
    />
  );
}
