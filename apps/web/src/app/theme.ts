// Colours chosen for WCAG AA contrast (≥ 4.5:1 for text on white), which antd's defaults miss for
// the primary blue, secondary text and error red. The light backgrounds are set by hand because antd
// derives them from the (dark) seed colours, which gives murky fills with poor contrast.
import type { ThemeConfig } from 'antd';

export const BRAND = '#14489c';

/** Animations are off for users who ask their system for reduced motion. */
export const themeFor = ({ reducedMotion }: { reducedMotion: boolean }): ThemeConfig => ({
  token: {
    motion: !reducedMotion,
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorLink: BRAND,
    colorError: '#b42318',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorPrimaryBg: '#e8eff9',
    colorInfoBg: '#e8eff9',
    colorSuccessBg: '#f0f9eb',
    colorSuccessBorder: '#a9d18e',
    colorErrorBg: '#fdf1f0',
    colorErrorBorder: '#f0b3ad',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    colorTextSecondary: '#4d4d4d',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#737373',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'PingFang HK', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56, bodyBg: '#f4f6f9', footerBg: '#f4f6f9' },
    Menu: { itemSelectedColor: BRAND, itemSelectedBg: '#e8eff9' },
  },
});
