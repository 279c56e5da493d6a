import { createTheme, PasswordInput, type CSSVariablesResolver } from '@mantine/core';
import { passwordToggleProps } from '@/lib/form-a11y';

// System fonts only: the portal runs on closed networks and must not fetch web fonts.
const systemFonts = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif';

// Shades chosen for WCAG 2.1 AA (4.5:1 on white): blue-8 #1971c2 is 5.0:1 with white text,
// red-9 #c92a2a is 5.5:1, gray-7 #495057 is 8.2:1. Mantine's defaults (blue-6, red-6,
// gray-6) fall near 3.3:1.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts },
  focusRing: 'auto',
  defaultRadius: 'sm',
  autoContrast: true,
  components: {
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: passwordToggleProps } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
  },
  dark: {},
});
