// ADF marks (bold, links, colours, …) → HTML wrappers, for Jira comments copied into ticket actions.
import { z } from 'zod';
import { hexColour } from './colour';
import { escapeHtmlAttribute } from './html-escape';
import { readAttrs, type AdfInputMark } from './adf-input';
import { safeLinkHref } from './safe-url';

// Wraps escaped text in the HTML for its ADF marks. Wrappers nest in one fixed order whatever order the
// marks came in, and every attribute value is rebuilt from a validated value, never copied through.
// Marks without a visible HTML meaning (annotation, border, alignment, indentation, breakout,
// dataConsumer, fragment, fontSize) and unknown marks are ignored.

const hrefAttrs = z.object({ href: z.string().optional().catch(undefined) });
const colourAttrs = z.object({ color: z.unknown() });
const subsupAttrs = z.object({ type: z.enum(['sub', 'sup']).optional().catch(undefined) });

interface TextStyle {
  href?: string;
  strong: boolean;
  em: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
  subsup?: 'sub' | 'sup';
  color?: string;
  background?: string;
}

function readStyle(marks: readonly AdfInputMark[]): TextStyle {
  const style: TextStyle = { strong: false, em: false, underline: false, strike: false, code: false };
  for (const mark of marks) {
    switch (mark.type) {
      case 'link': {
        const href = readAttrs(mark.attrs, hrefAttrs).href;
        style.href = href === undefined ? undefined : safeLinkHref(href);
        break;
      }
      case 'strong':
      case 'em':
      case 'underline':
      case 'strike':
      case 'code':
        style[mark.type] = true;
        break;
      case 'subsup':
        style.subsup = readAttrs(mark.attrs, subsupAttrs).type;
        break;
      case 'textColor':
        style.color = hexColour(readAttrs(mark.attrs, colourAttrs).color);
        break;
      case 'backgroundColor':
        style.background = hexColour(readAttrs(mark.attrs, colourAttrs).color);
        break;
      default:
        break;
    }
  }
  return style;
}

function wrap(tag: string, inner: string): string {
  return `<${tag}>${inner}</${tag}>`;
}

export function applyMarksHtml(escapedText: string, marks: readonly AdfInputMark[]): string {
  const style = readStyle(marks);
  let html = style.code ? wrap('code', escapedText) : escapedText;
  const css = [
    style.color === undefined ? '' : `color:${style.color}`,
    style.background === undefined ? '' : `background-color:${style.background}`,
  ].filter((d) => d !== '');
  if (css.length > 0) html = `<span style="${css.join(';')}">${html}</span>`;
  if (style.subsup !== undefined) html = wrap(style.subsup, html);
  if (style.strike) html = wrap('s', html);
  if (style.underline) html = wrap('u', html);
  if (style.em) html = wrap('em', html);
  if (style.strong) html = wrap('strong', html);
  if (style.href !== undefined) html = `<a href="${escapeHtmlAttribute(style.href)}">${html}</a>`;
  return html;
}
