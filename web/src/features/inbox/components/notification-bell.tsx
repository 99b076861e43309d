import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useUnreadCount } from '../hooks/use-inbox.ts';

/** The bell in the header: unread count as a badge; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  return (
    <Button
      type="text"
      aria-label={count ? t('inbox.bellUnread', { count }) : t('inbox.bell')}
      data-testid="notification-bell"
      onClick={() => void navigate('/inbox')}
    >
      <Badge count={count} overflowCount={99} size="small" offset={[2, -2]}>
        <BellOutlined style={{ fontSize: 18 }} aria-hidden />
      </Badge>
    </Button>
  );
}
