import {
  Badge,
  Card,
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  Paper,
  Table,
  Tooltip,
} from '@mantine/core';

/** Deep "CNRS" blue; shade 7 is the brand colour #1c3f8c. */
const relais: MantineColorsTuple = [
  '#eef2fb',
  '#dbe3f4',
  '#b4c4e8',
  '#8aa3dc',
  '#6787d1',
  '#4f75ca',
  '#3a62bb',
  '#1c3f8c',
  '#17357a',
  '#0f2862',
];

const fontFamily =
  'Inter, "Inter var", ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'relais',
  primaryShade: { light: 7, dark: 4 },
  colors: { relais },
  fontFamily,
  headings: {
    fontFamily,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.05rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'lg' } }),
    Badge: Badge.extend({
      defaultProps: { variant: 'light', radius: 'sm' },
      styles: { root: { textTransform: 'none' } },
    }),
    Tooltip: Tooltip.extend({ defaultProps: { withArrow: true, openDelay: 200 } }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } }),
  },
});

/**
 * Contrast (WCAG AA, 4.5:1) on light badges, buttons and alerts: Mantine's "light" variant puts a
 * mid shade on a pale tint, below 4.5:1 for teal, orange, yellow… Use the palest tint behind a
 * darkened deepest shade. Mantine's default "dimmed" grey is also too light on white.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  for (const name of Object.keys(resolved.colors)) {
    // Mantine's "dark" palette starts at a mid grey: tint its light variant with grey instead.
    const tint = name === 'dark' ? 'gray' : name;
    light[`--mantine-color-${name}-light`] = `var(--mantine-color-${tint}-0)`;
    light[`--mantine-color-${name}-light-hover`] = `var(--mantine-color-${tint}-1)`;
    light[`--mantine-color-${name}-light-color`] =
      `color-mix(in srgb, var(--mantine-color-${name}-9) 80%, black)`;
  }
  return { variables: {}, light, dark: {} };
};
