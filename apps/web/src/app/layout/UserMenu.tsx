import { UserOutlined } from '@ant-design/icons';
import type { TMe } from '@opencourt/contracts';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../shared/session/me.ts';
import { useIsPhone } from '../../shared/ui/useMediaQuery.ts';

export function UserMenu({ me }: { me: TMe }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const isPhone = useIsPhone();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', label: t('nav.account') },
          { type: 'divider' },
          { key: 'signOut', label: t('nav.signOut'), danger: true },
        ],
        onClick: async ({ key }) => {
          if (key === 'account') return navigate('/account');
          await signOut.mutateAsync(false).catch(() => undefined);
          await navigate('/login', { replace: true });
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={t('nav.userMenu', { name: me.displayName })} data-testid="user-menu">
        {isPhone ? null : me.displayName}
      </Button>
    </Dropdown>
  );
}
