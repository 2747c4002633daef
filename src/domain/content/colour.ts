// Colours are the one piece of style carried across. Only `#rrggbb` ever reaches the output, so a colour
// value can never break out of a style attribute or an ADF mark.

const BASIC_NAMED_COLOURS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  purple: '#800080',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  maroon: '#800000',
  navy: '#000080',
  olive: '#808000',
  teal: '#008080',
  silver: '#c0c0c0',
  fuchsia: '#ff00ff',
  aqua: '#00ffff',
  lime: '#00ff00',
};

/** `#rgb` or `#rrggbb` (any case) → `#rrggbb` lowercase; anything else → undefined. */
export function hexColour(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((c) => c + c).join('')}`;
  return undefined;
}

function channel(value: string): string | undefined {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  return n.toString(16).padStart(2, '0');
}

function rgbColour(value: string): string | undefined {
  const match = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(?:1|1\.0+)\s*)?\)$/.exec(
    value,
  );
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]].map((c) => (c === undefined ? undefined : channel(c)));
  return parts.every((p) => p !== undefined) ? `#${parts.join('')}` : undefined;
}

/** A CSS colour value (hex, opaque rgb(), basic names) → `#rrggbb`, or undefined when not understood. */
export function cssColour(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  return hexColour(v) ?? rgbColour(v) ?? BASIC_NAMED_COLOURS[v];
}
