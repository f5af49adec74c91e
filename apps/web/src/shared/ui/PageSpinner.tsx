import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '40vh' }} role="status" aria-live="polite">
      <Spin size="large" />
      <span style={{ marginInlineStart: 12 }}>{t('common.loading')}</span>
    </Flex>
  );
}
