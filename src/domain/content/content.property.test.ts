// Property tests over random input: HTML to ADF always gives valid ADF, ADF to HTML always gives safe HTML.
import Ajv04 from 'ajv-draft-04';
import adfSchema from '@atlaskit/adf-schema/json-schema/v1/full.json';
import { adfToHtml } from './adf-to-html';
import { adfToPlainText } from './adf-to-plain-text';
import { htmlToAdf } from './html-to-adf';
import { htmlSafetyIssues } from './html-safety.test-support';

const validateAdf = new Ajv04({ allErrors: true, strict: false }).compile(adfSchema);

/** mulberry32: a small deterministic PRNG, so every run checks the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

const TAGS = [
  'p',
  'div',
  'span',
  'b',
  'i',
  'u',
  's',
  'strong',
  'em',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'a',
  'img',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'h7',
  'sub',
  'sup',
  'font',
  'o:p',
  'script',
  'style',
  'iframe',
  'svg',
  'math',
  'form',
  'input',
  'textarea',
  'select',
  'option',
  'template',
  'noscript',
  'object',
  'xmp',
  'title',
  'meta',
  'head',
  'body',
  'html',
  'center',
  'dl',
  'dt',
  'dd',
  'x-custom',
  'del',
  'kbd',
  'mark',
];
const HREFS = [
  'href="https://example.com/a?b=1&c=2"',
  'href="mailto:help@example.com"',
  'href="javascript:alert(1)"',
  'href="/relative"',
];
const SRCS = [
  'src="https://cdn.example.com/x.png"',
  'src="data:image/png;base64,AAAA"',
  'src="cid:image001.png"',
];
const ATTRIBUTES = [
  'href="https://example.com/a?b=1&c=2"',
  'href="mailto:help@example.com"',
  'href="javascript:alert(1)"',
  'href="JaVaScRiPt:alert(1)"',
  'href="data:text/html,<script>alert(1)</script>"',
  'href="/relative"',
  'href="https://e.com/&quot; onmouseover=&quot;alert(1)"',
  'src="https://cdn.example.com/x.png"',
  'src="data:image/png;base64,AAAA"',
  'alt="a screenshot"',
  'onerror="alert(1)"',
  'onclick="alert(1)"',
  'style="color:#c00000"',
  'style="color: rgb(1, 2, 3); font-weight: bold"',
  'style="background-color:yellow;font-style:italic"',
  'style="display:none"',
  "style='mso-list:l0 level2 lfo1'",
  "style='mso-list:Ignore'",
  'style="background:url(javascript:alert(1))"',
  'style="vertical-align:super;text-decoration:underline line-through"',
  'colspan="2"',
  'colspan="0"',
  'rowspan="-1"',
  'rowspan="x"',
  'start="7"',
  'start="-2"',
  'class="MsoNormal"',
  'class="language-ts"',
  'color="red"',
  'width="1"',
];
const TEXTS = [
  'hello',
  'world',
  ' ',
  '   \n\t  ',
  '&nbsp;',
  '&nbsp;&nbsp;&nbsp;',
  '&amp;',
  '&lt;p&gt;escaped&lt;/p&gt;',
  '&bogus;',
  '😀',
  'a\u0000b',
  '\u0007',
  'alert(1)',
  '"quoted"',
  "'single'",
  'x'.repeat(30),
];
const COMMENTS = [
  '<!-- c -->',
  '<![if !supportLists]>',
  '<![endif]>',
  '<!--[if gte mso 9]><xml>x</xml><![endif]-->',
  '<!',
];

function tagSoup(rng: Rng): string {
  const open: string[] = [];
  let html = '';
  const length = Math.floor(rng() * 60);
  for (let i = 0; i < length; i++) {
    const roll = rng();
    if (roll < 0.35) {
      const tag = pick(rng, TAGS);
      // Links and images get their target attribute more often than chance would give it.
      const target = tag === 'a' ? ` ${pick(rng, HREFS)}` : tag === 'img' ? ` ${pick(rng, SRCS)}` : '';
      const extra = Array.from({ length: Math.floor(rng() * 3) }, () => ` ${pick(rng, ATTRIBUTES)}`);
      const attributes = target + extra.join('');
      html += `<${tag}${attributes}${rng() < 0.1 ? '/' : ''}>`;
      open.push(tag);
    } else if (roll < 0.55) {
      const tag = open.length > 0 && rng() < 0.8 ? open.pop() : pick(rng, TAGS);
      html += `</${tag ?? 'p'}>`;
    } else if (roll < 0.92) {
      html += pick(rng, TEXTS);
    } else {
      html += pick(rng, COMMENTS);
    }
  }
  // Sometimes the whole action arrives entity-escaped, as TeamSupport's recorded API responses show.
  return rng() < 0.1 ? html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : html;
}

interface LooseNode {
  type: string;
  text?: unknown;
  attrs?: unknown;
  content?: unknown[];
  marks?: unknown[];
}

const NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'hardBreak',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'blockTaskItem',
  'decisionList',
  'decisionItem',
  'codeBlock',
  'blockquote',
  'panel',
  'rule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'mention',
  'emoji',
  'inlineCard',
  'blockCard',
  'embedCard',
  'media',
  'mediaSingle',
  'mediaGroup',
  'mediaInline',
  'caption',
  'status',
  'date',
  'expand',
  'nestedExpand',
  'layoutSection',
  'layoutColumn',
  'extension',
  'bodiedExtension',
  'inlineExtension',
  'placeholder',
  'mystery',
];
const MARKS = [
  { type: 'strong' },
  { type: 'em' },
  { type: 'code' },
  { type: 'subsup', attrs: { type: 'sup' } },
  { type: 'textColor', attrs: { color: '#ff0000" onclick="x' } },
  { type: 'backgroundColor', attrs: { color: '#ABCDEF' } },
  { type: 'link', attrs: { href: 'javascript:alert(1)' } },
  { type: 'link', attrs: { href: 'https://e.com/"><script>' } },
  { type: 'link', attrs: { href: 42 } },
  { type: 'annotation', attrs: { id: 'x', annotationType: 'inlineComment' } },
  { type: 'unknown' },
  'not a mark',
];
const ATTRS: unknown[] = [
  null,
  'string attrs',
  { level: 3, order: 2, colspan: 2, rowspan: 3, language: 'js', panelType: 'warning', state: 'DONE' },
  { level: '<h1>', order: -1, colspan: '2"', language: '"><x>', panelType: '<b>', state: 7 },
  {
    text: '@<script>alert(1)</script>',
    shortName: ':x:',
    timestamp: '1700000000000',
    url: 'javascript:alert(1)',
  },
  {
    text: 'In progress',
    color: 'blue',
    timestamp: 'never',
    url: 'https://example.com/card',
    title: '<i>t</i>',
  },
  { alt: 'file.png', type: 'external', url: 'https://example.com/x.png', extensionKey: 'toc' },
];

function randomAdf(rng: Rng, depth: number): unknown {
  if (rng() < 0.05) return pick(rng, [null, 3, 'text', [], {}]);
  const node: LooseNode = { type: pick(rng, NODE_TYPES) };
  if (rng() < 0.5) node.text = pick(rng, ['plain', '<img src=x onerror=alert(1)>', '', 5]);
  if (rng() < 0.7) node.attrs = pick(rng, ATTRS);
  if (rng() < 0.3) node.marks = Array.from({ length: Math.floor(rng() * 4) }, () => pick(rng, MARKS));
  if (depth < 6 && rng() < 0.7) {
    node.content = Array.from({ length: Math.floor(rng() * 4) }, () => randomAdf(rng, depth + 1));
  }
  return node;
}

const CASES = 300;

describe('htmlToAdf over random tag soup', () => {
  const rng = random(20240611);
  const soups = Array.from({ length: CASES }, () => tagSoup(rng));

  it('the generated soups exercise every kind of block and mark the converter writes', () => {
    const json = soups.map((soup) => JSON.stringify(htmlToAdf(soup))).join('');
    const expected = [
      'bulletList',
      'orderedList',
      'table',
      'codeBlock',
      'blockquote',
      'heading',
      'rule',
      'hardBreak',
    ];
    expected.push('link', 'strong', 'em', 'code', 'textColor', 'backgroundColor', 'subsup');
    expect(expected.filter((type) => !json.includes(`"type":"${type}"`))).toEqual([]);
  });

  it.each(soups.map((soup, i) => [i, soup] as const))(
    'soup #%i yields a schema-valid document',
    (_i, soup) => {
      const adf = htmlToAdf(soup);
      const valid = validateAdf(adf);
      expect(valid ? [] : validateAdf.errors).toEqual([]);
      const hrefs = JSON.stringify(adf).match(/"href":"[^"]*"/g) ?? [];
      for (const href of hrefs) expect(href).toMatch(/^"href":"(https?:\/\/|mailto:)/);

      const html = adfToHtml(adf);
      expect(htmlSafetyIssues(html)).toEqual([]);
      expect(validateAdf(htmlToAdf(html))).toBe(true);
    },
  );
});

describe('adfToHtml over random, partly malformed ADF', () => {
  const rng = random(77);
  const docs = Array.from({ length: CASES }, () => ({
    type: 'doc',
    version: 1,
    content: [randomAdf(rng, 0), randomAdf(rng, 0)],
  }));

  it.each(docs.map((doc, i) => [i, doc] as const))('document #%i renders safe HTML', (_i, doc) => {
    const html = adfToHtml(doc);
    expect(htmlSafetyIssues(html)).toEqual([]);
    expect(typeof adfToPlainText(doc)).toBe('string');
  });
});
