// Protects the HTML parser from input whose parse time would explode: such input is reduced to its text first.
import { Tokenizer, TokenizerMode, type Token } from 'parse5';

// parse5 builds the tree exactly as the HTML spec says, and for many tags the spec walks the whole stack
// of open elements. On hostile input (tens of thousands of unclosed nested elements) that is quadratic:
// 20,000 unclosed <div>s take seconds, 200,000 take many minutes. Before parsing, one linear tokenizer
// pass estimates that work with a simple model of the open elements; input over budget is not parsed as
// markup but reduced to its lines of text.

/** Deeper than any real ticket (Word and Outlook markup stays under 50). */
const MAX_OPEN_ELEMENTS = 1_000;
/** Sum over tags of the open-element count: parse5's stack walks, within about a second. */
const MAX_STACK_WORK = 20_000_000;

const VOID_TAGS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

// A start tag that implicitly closes the open element on top of the stack, as the spec's parser does.
const P_CLOSERS = new Set(
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main menu nav ol p pre section summary table ul li dd dt'.split(
    ' ',
  ),
);
const SIBLING_CLOSES: Record<string, ReadonlySet<string>> = {
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr', 'td', 'th']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  option: new Set(['option']),
};

const RAW_TEXT_MODES: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};
const INVISIBLE_RAW_TEXT = new Set([
  'script',
  'style',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
]);
const LINE_TAGS = new Set([...P_CLOSERS, 'br', 'tr', 'td', 'th']);

/** How far back an end tag looks for its start tag; unmatched end tags are ignored, as parse5 mostly does. */
const END_TAG_REACH = 32;

export type MarkupPlan = { kind: 'parse' } | { kind: 'text'; lines: string[] };

class OpenElementModel {
  private readonly open: string[] = [];
  work = 0;
  deepest = 0;

  start(name: string, selfClosing: boolean): void {
    for (let top = this.top(); top !== undefined; top = this.top()) {
      const closes = (top === 'p' && P_CLOSERS.has(name)) || SIBLING_CLOSES[name]?.has(top) === true;
      if (!closes) break;
      this.open.pop();
    }
    if (!VOID_TAGS.has(name) && !selfClosing) this.open.push(name);
    this.work += this.open.length;
    this.deepest = Math.max(this.deepest, this.open.length);
  }

  end(name: string): void {
    // The spec's "any other end tag" steps walk the stack too.
    this.work += this.open.length;
    const floor = Math.max(0, this.open.length - END_TAG_REACH);
    for (let at = this.open.length - 1; at >= floor; at--) {
      if (this.open[at] === name) {
        this.open.length = at;
        return;
      }
    }
  }

  private top(): string | undefined {
    return this.open[this.open.length - 1];
  }
}

/** Whether `source` is affordable to parse as HTML, and if not, its lines of text (whitespace collapsed). */
export function planMarkup(source: string): MarkupPlan {
  const model = new OpenElementModel();
  const text: string[] = [];
  let invisibleUntil: string | undefined;
  const addText = (token: Token.CharacterToken): void => {
    if (invisibleUntil === undefined) text.push(token.chars);
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onStartTag(token) {
        model.start(token.tagName, token.selfClosing);
        const mode = RAW_TEXT_MODES[token.tagName];
        if (mode !== undefined) tokenizer.state = mode;
        if (INVISIBLE_RAW_TEXT.has(token.tagName)) invisibleUntil = token.tagName;
        if (LINE_TAGS.has(token.tagName)) text.push('\n');
      },
      onEndTag(token) {
        model.end(token.tagName);
        if (token.tagName === invisibleUntil) invisibleUntil = undefined;
        if (LINE_TAGS.has(token.tagName)) text.push('\n');
      },
      onCharacter: addText,
      onWhitespaceCharacter: addText,
      onNullCharacter: () => undefined,
      onComment: () => undefined,
      onDoctype: () => undefined,
      onEof: () => undefined,
    },
  );
  tokenizer.write(source, true);
  if (model.deepest <= MAX_OPEN_ELEMENTS && model.work <= MAX_STACK_WORK) return { kind: 'parse' };
  const lines = text
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
  return { kind: 'text', lines };
}
