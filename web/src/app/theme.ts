import { type CSSVariablesResolver, createTheme, localStorageColorSchemeManager } from '@mantine/core';

/**
 * Mantine's defaults with shades chosen so that text keeps WCAG AA contrast (4.5:1)
 * in both colour schemes: darker filled colours in light mode, lighter dimmed text in dark mode.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 8 },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Mantine's shade 9 of these is under 4.5:1 on their own light tint (alert titles, badges).
    '--mantine-color-yellow-light-color': '#8a4b00',
    '--mantine-color-yellow-text': '#8a4b00',
    '--mantine-color-orange-light-color': '#a63c00',
    '--mantine-color-orange-text': '#a63c00',
    '--mantine-color-green-light-color': '#1f6a2f',
    '--mantine-color-green-text': '#1f6a2f',
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-teal-text': '#066649',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-2)',
  },
});

/** The chosen scheme lives in localStorage under this key. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'cordon.color-scheme' });
