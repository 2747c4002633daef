// Inline formatting of ticket HTML (tags and inline styles) → ADF marks.
import type { AdfMark } from './adf';
import { canonicalMarks } from './adf';
import { cssColour } from './colour';
import { attribute, styleOf, tagName, type HtmlElement } from './html-source';
import { safeLinkHref } from './safe-url';

// The inline formatting in force at a point of the HTML tree, from tags (b, i, u, s, code, sub, sup,
// font, a) and inline styles (Word and Google Docs paste everything as <span style=…>).

export interface MarkState {
  readonly strong: boolean;
  readonly em: boolean;
  readonly underline: boolean;
  readonly strike: boolean;
  readonly code: boolean;
  readonly subsup?: 'sub' | 'sup';
  readonly textColor?: string;
  readonly backgroundColor?: string;
  readonly link?: string;
}

export const NO_MARKS: MarkState = { strong: false, em: false, underline: false, strike: false, code: false };

const TAG_MARKS: Record<string, Partial<MarkState>> = {
  b: { strong: true },
  strong: { strong: true },
  i: { em: true },
  em: { em: true },
  cite: { em: true },
  var: { em: true },
  u: { underline: true },
  ins: { underline: true },
  s: { strike: true },
  strike: { strike: true },
  del: { strike: true },
  code: { code: true },
  kbd: { code: true },
  samp: { code: true },
  tt: { code: true },
  sub: { subsup: 'sub' },
  sup: { subsup: 'sup' },
};

/** Elements whose background colour is a text highlight; on blocks and cells it is a box colour. */
const INLINE_TAGS = new Set([
  'span',
  'font',
  'mark',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'a',
  'code',
  'sub',
  'sup',
]);

// Default text on a white page: carrying it over only fights Jira's own theme (dark mode).
const DEFAULT_TEXT_COLOURS = new Set(['#000000']);
const DEFAULT_BACKGROUNDS = new Set(['#ffffff']);

function styleMarks(element: HtmlElement): Partial<MarkState> {
  const style = styleOf(element);
  const marks: { -readonly [K in keyof MarkState]?: MarkState[K] } = {};
  const weight = style.get('font-weight');
  if (weight !== undefined) marks.strong = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const fontStyle = style.get('font-style');
  if (fontStyle !== undefined) marks.em = fontStyle === 'italic' || fontStyle === 'oblique';
  const decoration = style.get('text-decoration') ?? style.get('text-decoration-line');
  if (decoration !== undefined) {
    marks.underline = decoration.includes('underline');
    marks.strike = decoration.includes('line-through');
  }
  const align = style.get('vertical-align');
  if (align === 'super' || align === 'sub') marks.subsup = align === 'super' ? 'sup' : 'sub';
  const colour = style.get('color');
  const textColor = colour === undefined ? undefined : cssColour(colour);
  if (textColor !== undefined) marks.textColor = textColor;
  const background = style.get('background-color') ?? style.get('background');
  const backgroundColor = background === undefined ? undefined : cssColour(background);
  if (backgroundColor !== undefined && INLINE_TAGS.has(tagName(element)))
    marks.backgroundColor = backgroundColor;
  return marks;
}

function fontColour(element: HtmlElement): Partial<MarkState> {
  const colour = tagName(element) === 'font' ? attribute(element, 'color') : undefined;
  const textColor = colour === undefined ? undefined : cssColour(colour);
  return textColor === undefined ? {} : { textColor };
}

function linkMark(element: HtmlElement): Partial<MarkState> {
  if (tagName(element) !== 'a') return {};
  const href = attribute(element, 'href');
  const link = href === undefined ? undefined : safeLinkHref(href);
  return link === undefined ? {} : { link };
}

/** The formatting inside `element`, given the formatting around it. Inline style wins over the tag. */
export function marksWithin(element: HtmlElement, outer: MarkState): MarkState {
  const tag = tagName(element);
  const plain =
    TAG_MARKS[tag] === undefined &&
    tag !== 'a' &&
    tag !== 'font' &&
    attribute(element, 'style') === undefined;
  if (plain) return outer;
  return {
    ...outer,
    ...TAG_MARKS[tag],
    ...fontColour(element),
    ...linkMark(element),
    ...styleMarks(element),
  };
}

export function withLink(state: MarkState, href: string): MarkState {
  return state.link === undefined ? { ...state, link: href } : state;
}

export function toAdfMarks(state: MarkState): AdfMark[] {
  const marks: AdfMark[] = [];
  if (state.link !== undefined) marks.push({ type: 'link', attrs: { href: state.link } });
  if (state.em) marks.push({ type: 'em' });
  if (state.strong) marks.push({ type: 'strong' });
  if (state.textColor !== undefined && !DEFAULT_TEXT_COLOURS.has(state.textColor)) {
    marks.push({ type: 'textColor', attrs: { color: state.textColor } });
  }
  if (state.backgroundColor !== undefined && !DEFAULT_BACKGROUNDS.has(state.backgroundColor)) {
    marks.push({ type: 'backgroundColor', attrs: { color: state.backgroundColor } });
  }
  if (state.strike) marks.push({ type: 'strike' });
  if (state.subsup !== undefined) marks.push({ type: 'subsup', attrs: { type: state.subsup } });
  if (state.underline) marks.push({ type: 'underline' });
  if (state.code) marks.push({ type: 'code' });
  return canonicalMarks(marks);
}
