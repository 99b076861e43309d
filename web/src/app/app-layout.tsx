import { lazy, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Dropdown, Grid, Layout, Menu, type MenuProps } from 'antd';
import { KeyOutlined, LockOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useLogout } from '../features/auth/hooks/use-session.ts';
import { LanguageSwitch } from '../shared/components/language-switch.tsx';
import { SectionSpin } from '../shared/components/full-page-spin.tsx';
import { selectedNavKey, visibleNav } from './navigation.tsx';
import { NotificationBell } from '../features/inbox/components/notification-bell.tsx';

const SIDER_WIDTH = 216;

const GlobalSearch = lazy(() => import('../features/search/components/global-search.tsx').then((m) => ({ default: m.GlobalSearch })));
const MobileNavDrawer = lazy(() => import('./mobile-nav-drawer.tsx').then((m) => ({ default: m.MobileNavDrawer })));

/**
 * The signed-in shell: a dark side menu (a drawer behind a hamburger button below the `md`
 * breakpoint), a header with the language switch and the user menu, and the page in <main>.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();

  const selected = selectedNavKey(location.pathname);
  const menuItems: MenuProps['items'] = visibleNav(me).map((g) => ({
    type: 'group',
    key: g.key,
    label: t(g.labelKey),
    children: g.items.map((i) => ({
      key: i.path,
      icon: i.icon,
      label: i.badge ? (
        <span>
          {t(i.labelKey)}
          {i.badge}
        </span>
      ) : (
        t(i.labelKey)
      ),
    })),
  }));

  const nav = (
    <nav aria-label={t('nav.ariaLabel')} className="bf-nav">
      <Menu
        theme="dark"
        mode="inline"
        items={menuItems}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          setDrawerOpen(false);
          void navigate(key);
        }}
      />
    </nav>
  );

  const userMenu: MenuProps = {
    items: [
      { key: '/profile', icon: <UserOutlined />, label: t('nav.profile') },
      { key: '/profile/password', icon: <LockOutlined />, label: t('nav.changePassword') },
      { key: '/profile/tokens', icon: <KeyOutlined />, label: t('nav.apiTokens') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') {
        logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
      } else {
        void navigate(key);
      }
    },
  };

  const brand = (
    <div className="bf-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className="bf-brand-name">Bidflow</span>
      {isMobile ? null : <span className="bf-brand-sub">{t('app.subtitle')}</span>}
    </div>
  );

  return (
    <Layout className="bf-shell">
      {isMobile ? (
        <Suspense fallback={null}>
          <MobileNavDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} width={SIDER_WIDTH + 24} title={t('nav.menu')}>
            {nav}
          </MobileNavDrawer>
        </Suspense>
      ) : (
        <Layout.Sider width={SIDER_WIDTH} className="bf-sider">
          <div className="bf-sider-brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Bidflow</span>
          </div>
          {nav}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="bf-header">
          <div className="bf-header-left">
            {isMobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.openMenu')}
                aria-expanded={drawerOpen}
                onClick={() => setDrawerOpen(true)}
              />
            ) : null}
            {isMobile ? brand : <span className="bf-header-title">{t('app.subtitle')}</span>}
          </div>
          <div className="bf-header-right">
            <Suspense fallback={null}>
              <GlobalSearch />
            </Suspense>
            <NotificationBell />
            <LanguageSwitch compact={isMobile} />
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" className="bf-user-button" aria-label={t('nav.userMenu', { name: me.displayName })}>
                <span className="bf-avatar" aria-hidden>
                  <UserOutlined />
                </span>
                {isMobile ? null : <span className="bf-user-name">{me.displayName}</span>}
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content className="bf-content">
          <Suspense fallback={<SectionSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
