import type { ReactNode } from 'react';
import { Drawer } from 'antd';

/** The side menu as a drawer on phones; loaded only when a small screen needs it. */
export function MobileNavDrawer({
  open,
  onClose,
  title,
  width,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  width: number;
  children: ReactNode;
}) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={width}
      title={title}
      className="bf-nav-drawer"
      styles={{ body: { padding: 0, background: '#0f1f3d' } }}
    >
      {children}
    </Drawer>
  );
}
