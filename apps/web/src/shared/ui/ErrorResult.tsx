// A page-level refusal or absence, announced to screen readers (role="alert"), with a way home.
import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from './usePageTitle.ts';

export function ErrorResult({ status, title, hint }: { status: '403' | '404'; title: string; hint: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(title);
  return (
    <div role="alert">
      <Result
        status={status}
        title={
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {title}
          </Typography.Title>
        }
        subTitle={hint}
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  );
}
