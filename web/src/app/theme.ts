import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG AA contrast (4.5:1): a darker brand blue than antd's default,
 * darker secondary/placeholder greys, and status colours with light backgrounds set explicitly
 * (antd would derive greyish backgrounds from the darker status colours).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456c8',
    colorLink: '#1456c8',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#c8201f',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#f5b5b3',
    colorSuccess: '#2f7d0c',
    colorSuccessBg: '#f0f9eb',
    colorSuccessBorder: '#b7dfa5',
    colorWarning: '#9a5b00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#f0cf85',
    colorInfo: '#1456c8',
    colorInfoBg: '#eef4fe',
    colorInfoBorder: '#a9c4f0',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 16px', siderBg: '#0f1f3d' },
    Menu: {
      darkItemBg: '#0f1f3d',
      darkSubMenuItemBg: '#0a1730',
      darkItemColor: 'rgba(255, 255, 255, 0.8)',
      darkGroupTitleColor: 'rgba(255, 255, 255, 0.7)',
    },
  },
};
