// The language switch shown on every page. Signed-in users' choice is also saved to their account.
import { GlobalOutlined } from '@ant-design/icons';
import type { TLocale } from '@opencourt/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale, isLocale, LOCALES } from '../../app/i18n/index.ts';
import { saveAccountLocale } from '../session/me.ts';
import { useIsPhone } from './useMediaQuery.ts';

export function LanguageMenu() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const isPhone = useIsPhone();
  const locale = currentLocale();

  const choose = async (next: TLocale) => {
    await changeLocale(next);
    // The account setting is a convenience; the interface has switched whatever the server says.
    await saveAccountLocale(client, next).catch(() => undefined);
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: <span lang={l}>{t(`lang.${l}`)}</span> })),
        onClick: ({ key }) => {
          if (isLocale(key)) void choose(key);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="language-menu" aria-label={`${t('lang.label')}: ${t(`lang.${locale}`)}`}>
        {isPhone ? null : <span lang={locale}>{t(`lang.${locale}`)}</span>}
      </Button>
    </Dropdown>
  );
}
