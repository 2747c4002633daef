// Parsing of ticket HTML (parse5) and the element rules shared by the HTML → ADF and HTML → text conversions.
import { defaultTreeAdapter, html, parse, type DefaultTreeAdapterMap } from 'parse5';
import { planMarkup } from './markup-budget';

// Ticket HTML read with a real HTML parser (parse5), which recovers from broken markup the way a
// browser does. Everything downstream works on the parsed tree; nothing matches markup with patterns.

export type HtmlNode = DefaultTreeAdapterMap['childNode'];
export type HtmlElement = DefaultTreeAdapterMap['element'];

/** Elements whose content is never shown as ticket text: active content, metadata, form controls. */
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'object',
  'embed',
  'applet',
  'noembed',
  'param',
  'svg',
  'math',
  'head',
  'meta',
  'link',
  'base',
  'title',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'input',
  'button',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'xml',
]);

/** Elements that end the current line, for text extraction. */
const LINE_ELEMENTS = new Set([
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'table',
  'ul',
  'ol',
  'dt',
  'dd',
]);

// Tags that, once decoded, show a text to be entity-escaped HTML rather than prose about "<" signs.
const ESCAPED_MARKUP =
  /<\/?(?:p|br|div|span|b|i|u|s|em|strong|ul|ol|li|table|thead|tbody|tr|td|th|a|img|h[1-6]|pre|code|blockquote|hr|font|strike|del|sub|sup)(?:\s[^<>]*)?\/?>/i;

export function isElement(node: HtmlNode): node is HtmlElement {
  return defaultTreeAdapter.isElementNode(node);
}

export function tagName(element: HtmlElement): string {
  return element.tagName.toLowerCase();
}

export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Foreign (SVG/MathML) content and inert or active elements are dropped with everything inside. */
export function isDropped(element: HtmlElement): boolean {
  return element.namespaceURI !== html.NS.HTML || DROPPED_TAGS.has(tagName(element));
}

function textOfTopLevel(nodes: readonly HtmlNode[]): string {
  return nodes.map((node) => (defaultTreeAdapter.isTextNode(node) ? node.value : '')).join('');
}

function childElement(nodes: readonly HtmlNode[], name: string): HtmlElement | undefined {
  return nodes.filter(isElement).find((element) => tagName(element) === name);
}

/** Ticket HTML as parsed nodes, or, when the markup is too costly to parse, as its lines of text. */
export type TicketHtml = { kind: 'markup'; nodes: HtmlNode[] } | { kind: 'text'; lines: string[] };

/**
 * The body content of `source` parsed as a whole document: Word pastes full documents, and parse5's
 * fragment mode is quadratic on long runs of paragraphs.
 */
function parseBody(source: string): TicketHtml {
  const plan = planMarkup(source);
  if (plan.kind === 'text') return plan;
  const root = childElement(parse(source).childNodes, 'html');
  const body = root === undefined ? undefined : childElement(root.childNodes, 'body');
  return { kind: 'markup', nodes: body?.childNodes ?? [] };
}

/**
 * Parses a ticket action's HTML. TeamSupport may deliver it entity-escaped (`&lt;p&gt;…`): when the
 * input holds no element at all but its decoded text is markup, that text is parsed once more.
 */
export function parseTicketHtml(source: string): TicketHtml {
  const parsed = parseBody(source);
  if (parsed.kind === 'text' || parsed.nodes.some(isElement)) return parsed;
  const decoded = textOfTopLevel(parsed.nodes);
  return ESCAPED_MARKUP.test(decoded) ? parseBody(decoded) : parsed;
}

/**
 * The visible text under some nodes, with `<br>` and block ends as newlines. Walks with its own stack so
 * any depth of nesting is safe.
 */
export function collectText(nodes: readonly HtmlNode[]): string {
  const LINE_END = Symbol('line end');
  const stack: (HtmlNode | typeof LINE_END)[] = [...nodes].reverse();
  let out = '';
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === LINE_END) {
      if (out !== '' && !out.endsWith('\n')) out += '\n';
    } else if (defaultTreeAdapter.isTextNode(item)) {
      out += item.value;
    } else if (isElement(item) && !isDropped(item)) {
      const tag = tagName(item);
      if (tag === 'br') out += '\n';
      if (LINE_ELEMENTS.has(tag)) stack.push(LINE_END);
      for (let i = item.childNodes.length - 1; i >= 0; i--) {
        const child = item.childNodes[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  return out;
}

const NO_STYLE: ReadonlyMap<string, string> = new Map();

/** Declarations of an inline `style` attribute, property names and values lower-cased. */
export function styleOf(element: HtmlElement): ReadonlyMap<string, string> {
  const style = attribute(element, 'style');
  if (style === undefined) return NO_STYLE;
  const declarations = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/gi, '')
      .trim()
      .toLowerCase();
    if (property !== '' && value !== '') declarations.set(property, value);
  }
  return declarations;
}
