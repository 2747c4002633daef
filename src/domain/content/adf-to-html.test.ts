// ADF to TeamSupport HTML: every node and mark, deep documents, and hostile input that must never become unsafe HTML.
import { adfToHtml } from './adf-to-html';
import { htmlSafetyIssues } from './html-safety.test-support';

type Json = Record<string, unknown>;

const doc = (...content: unknown[]): Json => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]): Json =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
const t = (text: string, ...marks: Json[]): Json =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
const node = (type: string, attrs?: Json, content?: unknown[]): Json => ({
  type,
  ...(attrs === undefined ? {} : { attrs }),
  ...(content === undefined ? {} : { content }),
});
const li = (...content: unknown[]): Json => node('listItem', undefined, content);
const mark = (type: string, attrs?: Json): Json => (attrs === undefined ? { type } : { type, attrs });
const cell = (type: 'tableCell' | 'tableHeader', attrs: Json | undefined, ...content: unknown[]): Json =>
  node(type, attrs, content);
const file = (alt?: string): Json =>
  node('media', {
    type: 'file',
    id: 'a1b2',
    collection: 'jira-10000',
    ...(alt === undefined ? {} : { alt }),
  });

function expectSafeCanonicalHtml(html: string): void {
  expect(htmlSafetyIssues(html)).toEqual([]);
}

const nodeCases: [string, Json, string][] = [
  ['paragraph', doc(p(t('Hello'))), '<p>Hello</p>'],
  ['empty paragraph (a blank line)', doc(p()), '<p>&nbsp;</p>'],
  ['hardBreak', doc(p(t('line 1'), node('hardBreak'), t('line 2'))), '<p>line 1<br>line 2</p>'],
  [
    'a newline inside text is a line break',
    doc(p(t('line 1\nline 2', mark('strong')))),
    '<p><strong>line 1<br>line 2</strong></p>',
  ],
  ['heading 1', doc(node('heading', { level: 1 }, [t('One')])), '<h1>One</h1>'],
  ['heading 2', doc(node('heading', { level: 2 }, [t('Two')])), '<h2>Two</h2>'],
  ['heading 3', doc(node('heading', { level: 3 }, [t('Three')])), '<h3>Three</h3>'],
  ['heading 4', doc(node('heading', { level: 4 }, [t('Four')])), '<h4>Four</h4>'],
  ['heading 5', doc(node('heading', { level: 5 }, [t('Five')])), '<h5>Five</h5>'],
  ['heading 6', doc(node('heading', { level: 6 }, [t('Six')])), '<h6>Six</h6>'],
  ['heading level out of range is clamped', doc(node('heading', { level: 9 }, [t('x')])), '<h6>x</h6>'],
  ['heading without level', doc(node('heading', undefined, [t('x')])), '<h1>x</h1>'],
  [
    'bulletList with a nested list',
    doc(node('bulletList', undefined, [li(p(t('one')), node('bulletList', undefined, [li(p(t('two')))]))])),
    '<ul><li>one<ul><li>two</li></ul></li></ul>',
  ],
  [
    'listItem with two paragraphs',
    doc(node('bulletList', undefined, [li(p(t('a')), p(t('b')))])),
    '<ul><li>a<p>b</p></li></ul>',
  ],
  [
    'orderedList with order',
    doc(node('orderedList', { order: 3 }, [li(p(t('c'))), li(p(t('d')))])),
    '<ol start="3"><li>c</li><li>d</li></ol>',
  ],
  ['orderedList from 1', doc(node('orderedList', { order: 1 }, [li(p(t('a')))])), '<ol><li>a</li></ol>'],
  [
    'orderedList from 0',
    doc(node('orderedList', { order: 0 }, [li(p(t('a')))])),
    '<ol start="0"><li>a</li></ol>',
  ],
  [
    'taskList and taskItem',
    doc(
      node('taskList', { localId: 'l1' }, [
        node('taskItem', { localId: 'i1', state: 'TODO' }, [t('Reproduce')]),
        node('taskItem', { localId: 'i2', state: 'DONE' }, [t('Triage')]),
        node('taskList', { localId: 'l2' }, [
          node('taskItem', { localId: 'i3', state: 'TODO' }, [t('Sub-task')]),
        ]),
      ]),
    ),
    '<ul><li>☐ Reproduce</li><li>☑ Triage<ul><li>☐ Sub-task</li></ul></li></ul>',
  ],
  [
    'decisionList and decisionItem',
    doc(
      node('decisionList', { localId: 'd' }, [
        node('decisionItem', { localId: 'e', state: 'DECIDED' }, [t('Ship it')]),
      ]),
    ),
    '<ul><li>Decision: Ship it</li></ul>',
  ],
  [
    'codeBlock with language',
    doc(node('codeBlock', { language: 'typescript' }, [t('if (a < b && c) {\n  run();\n}')])),
    '<pre><code class="language-typescript">if (a &lt; b &amp;&amp; c) {\n  run();\n}</code></pre>',
  ],
  ['codeBlock without language', doc(node('codeBlock', {}, [t('x')])), '<pre><code>x</code></pre>'],
  [
    'blockquote',
    doc(node('blockquote', undefined, [p(t('quoted'))])),
    '<blockquote><p>quoted</p></blockquote>',
  ],
  [
    'panel info',
    doc(node('panel', { panelType: 'info' }, [p(t('FYI'))])),
    '<div style="border:1px solid #0052cc;padding:8px"><p><strong>Info</strong></p><p>FYI</p></div>',
  ],
  [
    'panel note',
    doc(node('panel', { panelType: 'note' }, [p(t('n'))])),
    '<div style="border:1px solid #6554c0;padding:8px"><p><strong>Note</strong></p><p>n</p></div>',
  ],
  [
    'panel warning',
    doc(node('panel', { panelType: 'warning' }, [p(t('w'))])),
    '<div style="border:1px solid #ff991f;padding:8px"><p><strong>Warning</strong></p><p>w</p></div>',
  ],
  [
    'panel success',
    doc(node('panel', { panelType: 'success' }, [p(t('s'))])),
    '<div style="border:1px solid #36b37e;padding:8px"><p><strong>Success</strong></p><p>s</p></div>',
  ],
  [
    'panel error',
    doc(node('panel', { panelType: 'error' }, [p(t('e'))])),
    '<div style="border:1px solid #de350b;padding:8px"><p><strong>Error</strong></p><p>e</p></div>',
  ],
  [
    'panel tip',
    doc(node('panel', { panelType: 'tip' }, [p(t('t'))])),
    '<div style="border:1px solid #36b37e;padding:8px"><p><strong>Tip</strong></p><p>t</p></div>',
  ],
  [
    'panel custom',
    doc(node('panel', { panelType: 'custom', panelColor: '#abcdef', panelIcon: ':smile:' }, [p(t('c'))])),
    '<div style="border:1px solid #6b778c;padding:8px"><p><strong>Note</strong></p><p>c</p></div>',
  ],
  ['rule', doc(p(t('above')), node('rule'), p(t('below'))), '<p>above</p><hr><p>below</p>'],
  [
    'table with header, colspan and rowspan',
    doc(
      node('table', { isNumberColumnEnabled: false, layout: 'default' }, [
        node('tableRow', undefined, [
          cell('tableHeader', {}, p(t('Name'))),
          cell('tableHeader', { colspan: 2, colwidth: [100, 100] }, p(t('Value'))),
        ]),
        node('tableRow', undefined, [
          cell('tableCell', { rowspan: 2 }, p(t('a'))),
          cell('tableCell', { colspan: 1, background: '#ffffff' }, p(t('b')), p(t('c'))),
        ]),
      ]),
    ),
    '<table><tbody><tr><th>Name</th><th colspan="2">Value</th></tr><tr><td rowspan="2">a</td><td>b<p>c</p></td></tr></tbody></table>',
  ],
  [
    'mention shows the name, never the account',
    doc(p(t('Hi '), node('mention', { id: '557058:abc-def', text: '@Jane Doe', accessLevel: '' }))),
    '<p>Hi @Jane Doe</p>',
  ],
  ['mention text without @', doc(p(node('mention', { id: 'x', text: 'Jane' }))), '<p>@Jane</p>'],
  ['mention without text', doc(p(node('mention', { id: '557058:abc' }))), '<p>@user</p>'],
  [
    'emoji with text',
    doc(p(node('emoji', { shortName: ':grinning:', id: '1f600', text: '😀' }))),
    '<p>😀</p>',
  ],
  [
    'emoji without text',
    doc(p(node('emoji', { shortName: ':custom-party:', id: 'abc' }))),
    '<p>:custom-party:</p>',
  ],
  [
    'inlineCard',
    doc(p(t('See '), node('inlineCard', { url: 'https://acme.atlassian.net/browse/KAN-1' }))),
    '<p>See <a href="https://acme.atlassian.net/browse/KAN-1">https://acme.atlassian.net/browse/KAN-1</a></p>',
  ],
  [
    'inlineCard with JSON-LD data',
    doc(p(node('inlineCard', { data: { '@type': 'Document', url: 'https://example.com/doc' } }))),
    '<p><a href="https://example.com/doc">https://example.com/doc</a></p>',
  ],
  [
    'blockCard',
    doc(node('blockCard', { url: 'https://example.com/page' })),
    '<p><a href="https://example.com/page">https://example.com/page</a></p>',
  ],
  [
    'embedCard',
    doc(node('embedCard', { url: 'https://www.youtube.com/watch?v=1', layout: 'center' })),
    '<p><a href="https://www.youtube.com/watch?v=1">https://www.youtube.com/watch?v=1</a></p>',
  ],
  [
    'mediaSingle',
    doc(node('mediaSingle', { layout: 'center' }, [file('screenshot.png')])),
    '<p>[attachment: screenshot.png]</p>',
  ],
  [
    'mediaSingle with caption',
    doc(
      node('mediaSingle', { layout: 'center' }, [file('a.png'), node('caption', undefined, [t('Figure 1')])]),
    ),
    '<p>[attachment: a.png]</p><p>Figure 1</p>',
  ],
  [
    'mediaGroup',
    doc(node('mediaGroup', undefined, [file('a.pdf'), file()])),
    '<p>[attachment: a.pdf]<br>[attachment]</p>',
  ],
  [
    'media with an external URL',
    doc(
      node('mediaSingle', { layout: 'center' }, [
        node('media', { type: 'external', url: 'https://example.com/x.png', alt: 'x.png' }),
      ]),
    ),
    '<p><a href="https://example.com/x.png">[attachment: x.png]</a></p>',
  ],
  [
    'mediaInline',
    doc(p(t('Log: '), node('mediaInline', { type: 'file', id: 'f', collection: 'c', alt: 'server.log' }))),
    '<p>Log: [attachment: server.log]</p>',
  ],
  [
    'status',
    doc(p(t('Now '), node('status', { text: 'In progress', color: 'blue', localId: 's' }))),
    '<p>Now [IN PROGRESS]</p>',
  ],
  ['date', doc(p(t('Due '), node('date', { timestamp: '1700000000000' }))), '<p>Due 2023-11-14</p>'],
  ['date with an unreadable timestamp', doc(p(t('Due'), node('date', { timestamp: 'soon' }))), '<p>Due</p>'],
  [
    'expand',
    doc(node('expand', { title: 'Details' }, [p(t('hidden text'))])),
    '<p><strong>Details</strong></p><p>hidden text</p>',
  ],
  [
    'nestedExpand',
    doc(
      node('table', undefined, [
        node('tableRow', undefined, [
          cell('tableCell', {}, node('nestedExpand', { title: 'More' }, [p(t('inner'))])),
        ]),
      ]),
    ),
    '<table><tbody><tr><td><p><strong>More</strong></p><p>inner</p></td></tr></tbody></table>',
  ],
  [
    'layoutSection and layoutColumn',
    doc(
      node('layoutSection', undefined, [
        node('layoutColumn', { width: 50 }, [p(t('left'))]),
        node('layoutColumn', { width: 50 }, [p(t('right'))]),
      ]),
    ),
    '<p>left</p><p>right</p>',
  ],
  [
    'extension',
    doc(node('extension', { extensionKey: 'toc', extensionType: 'com.atlassian.confluence.macro.core' })),
    '<p>[extension: toc]</p>',
  ],
  [
    'bodiedExtension keeps its body',
    doc(node('bodiedExtension', { extensionKey: 'x', extensionType: 'y' }, [p(t('body'))])),
    '<p>body</p>',
  ],
  [
    'inlineExtension',
    doc(p(t('a '), node('inlineExtension', { extensionKey: 'jira-issue', extensionType: 'y' }))),
    '<p>a [extension: jira-issue]</p>',
  ],
  ['placeholder', doc(p(node('placeholder', { text: 'Add details' }))), '<p>Add details</p>'],
  [
    'unknown block node degrades to its text',
    doc(node('futureWidget', { secret: 1 }, [p(t('kept')), p(t('text'))])),
    '<p>kept<br>text</p>',
  ],
  [
    'unknown inline node degrades to its text',
    doc(p(t('a '), { type: 'sparkle', text: 'shiny' })),
    '<p>a shiny</p>',
  ],
  [
    'inline nodes directly under doc get a paragraph',
    doc(t('loose'), node('hardBreak'), t('text')),
    '<p>loose<br>text</p>',
  ],
  ['block node inside a paragraph degrades to text', doc(p(t('a '), node('rule'), p(t('b')))), '<p>a b</p>'],
  ['malformed children are skipped', doc(null, 42, 'x', p(t('ok'), { text: 'no type' })), '<p>ok</p>'],
];

const markCases: [string, Json[], string][] = [
  ['strong', [mark('strong')], '<strong>x</strong>'],
  ['em', [mark('em')], '<em>x</em>'],
  ['underline', [mark('underline')], '<u>x</u>'],
  ['strike', [mark('strike')], '<s>x</s>'],
  ['code', [mark('code')], '<code>x</code>'],
  ['subsup sub', [mark('subsup', { type: 'sub' })], '<sub>x</sub>'],
  ['subsup sup', [mark('subsup', { type: 'sup' })], '<sup>x</sup>'],
  ['textColor', [mark('textColor', { color: '#FF5630' })], '<span style="color:#ff5630">x</span>'],
  [
    'backgroundColor',
    [mark('backgroundColor', { color: '#fedec8' })],
    '<span style="background-color:#fedec8">x</span>',
  ],
  [
    'textColor and backgroundColor share one span',
    [mark('backgroundColor', { color: '#fff' }), mark('textColor', { color: '#000000' })],
    '<span style="color:#000000;background-color:#ffffff">x</span>',
  ],
  [
    'link https',
    [mark('link', { href: 'https://example.com/a?b=1&c=2' })],
    '<a href="https://example.com/a?b=1&amp;c=2">x</a>',
  ],
  ['link http', [mark('link', { href: 'http://example.com' })], '<a href="http://example.com/">x</a>'],
  [
    'link mailto',
    [mark('link', { href: 'mailto:help@example.com' })],
    '<a href="mailto:help@example.com">x</a>',
  ],
  [
    'link with title and collection attrs',
    [mark('link', { href: 'https://e.com/', title: 'T', collection: '' })],
    '<a href="https://e.com/">x</a>',
  ],
  ['link to a relative path stays text', [mark('link', { href: '/jira/people/557058:abc' })], 'x'],
  [
    'marks nest in a fixed order whatever their order in the input',
    [
      mark('code'),
      mark('underline'),
      mark('em'),
      mark('link', { href: 'https://e.com/' }),
      mark('strong'),
      mark('strike'),
    ],
    '<a href="https://e.com/"><strong><em><u><s><code>x</code></s></u></em></strong></a>',
  ],
  ['annotation is ignored', [mark('annotation', { id: 'a', annotationType: 'inlineComment' })], 'x'],
  ['border is ignored', [mark('border', { size: 2, color: '#091e4224' })], 'x'],
  ['alignment is ignored', [mark('alignment', { align: 'center' })], 'x'],
  ['indentation is ignored', [mark('indentation', { level: 1 })], 'x'],
  ['breakout is ignored', [mark('breakout', { mode: 'wide' })], 'x'],
  ['dataConsumer is ignored', [mark('dataConsumer', { sources: ['a'] })], 'x'],
  ['fragment is ignored', [mark('fragment', { localId: 'f' })], 'x'],
  ['an unknown mark is ignored', [mark('glitter', { amount: 11 })], 'x'],
  ['a malformed mark is ignored', [{ attrs: {} }, mark('strong')], '<strong>x</strong>'],
];

describe('adfToHtml', () => {
  it.each(nodeCases)('converts %s', (_name, input, expected) => {
    const html = adfToHtml(input);
    expect(html).toBe(expected);
    expectSafeCanonicalHtml(html);
  });

  it.each(markCases)('renders the %s mark', (_name, marks, expected) => {
    const html = adfToHtml(doc(p(t('x', ...marks))));
    expect(html).toBe(`<p>${expected}</p>`);
    expectSafeCanonicalHtml(html);
  });

  it.each([
    ['null', null],
    ['a string', 'h1. wiki markup'],
    ['a number', 42],
    ['an array', [p(t('x'))]],
    ['an object without type', { version: 1, content: [] }],
  ])('returns an empty string for %s', (_name, input) => {
    expect(adfToHtml(input)).toBe('');
  });

  it('renders a single node given instead of a doc', () => {
    expect(adfToHtml(p(t('alone')))).toBe('<p>alone</p>');
  });

  it('keeps the text of a document nested far deeper than any real comment', () => {
    let deep: Json = p(t('bottom'));
    for (let i = 0; i < 5000; i++) deep = node('blockquote', undefined, [deep]);
    const html = adfToHtml(doc(p(t('top')), deep));
    expect(html.startsWith('<p>top</p>')).toBe(true);
    expect(html).toContain('bottom');
    expectSafeCanonicalHtml(html);
  });
});

const injectionCases: [string, Json, string][] = [
  [
    'script tag in text',
    doc(p(t('<script>alert(1)</script>'))),
    '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  ],
  [
    'onerror markup in text',
    doc(p(t('<img src=x onerror=alert(1)>'))),
    '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  ],
  ['javascript: link', doc(p(t('click', mark('link', { href: 'javascript:alert(1)' })))), '<p>click</p>'],
  [
    'mixed-case JaVaScRiPt: link',
    doc(p(t('click', mark('link', { href: 'JaVaScRiPt:alert(1)' })))),
    '<p>click</p>',
  ],
  [
    'javascript: link hidden by whitespace',
    doc(p(t('click', mark('link', { href: ' \tjava\nscript:alert(1)' })))),
    '<p>click</p>',
  ],
  [
    'data: link',
    doc(p(t('click', mark('link', { href: 'data:text/html;base64,PHNjcmlwdD4=' })))),
    '<p>click</p>',
  ],
  ['vbscript: link', doc(p(t('click', mark('link', { href: 'vbscript:msgbox(1)' })))), '<p>click</p>'],
  [
    'quotes breaking out of href',
    doc(p(t('x', mark('link', { href: 'https://e.com/" onmouseover="alert(1)' })))),
    '<p><a href="https://e.com/%22%20onmouseover=%22alert(1)">x</a></p>',
  ],
  [
    'quotes breaking out of a colour',
    doc(p(t('x', mark('textColor', { color: '#ff0000" onclick="alert(1)' })))),
    '<p>x</p>',
  ],
  [
    'CSS in a colour',
    doc(p(t('x', mark('backgroundColor', { color: 'red;background:url(javascript:alert(1))' })))),
    '<p>x</p>',
  ],
  [
    'markup in a mention',
    doc(p(node('mention', { id: '1', text: '@<b onmouseover=x>Eve</b>' }))),
    '<p>@&lt;b onmouseover=x&gt;Eve&lt;/b&gt;</p>',
  ],
  [
    'markup in a status',
    doc(p(node('status', { text: '<i>x</i>', color: 'red' }))),
    '<p>[&lt;I&gt;X&lt;/I&gt;]</p>',
  ],
  [
    'markup in an emoji',
    doc(p(node('emoji', { shortName: ':x:', text: '"><script>' }))),
    '<p>"&gt;&lt;script&gt;</p>',
  ],
  [
    'markup in a code block language',
    doc(node('codeBlock', { language: '"><script>alert(1)</script>' }, [t('x')])),
    '<pre><code>x</code></pre>',
  ],
  ['javascript: card', doc(node('blockCard', { url: 'javascript:alert(1)' })), '<p>javascript:alert(1)</p>'],
  [
    'data: external media',
    doc(
      node('mediaSingle', { layout: 'center' }, [
        node('media', { type: 'external', url: 'data:image/svg+xml,<svg onload=alert(1)>' }),
      ]),
    ),
    '<p>[attachment]</p>',
  ],
  [
    'markup in an expand title',
    doc(node('expand', { title: '</p><script>' }, [p(t('x'))])),
    '<p><strong>&lt;/p&gt;&lt;script&gt;</strong></p><p>x</p>',
  ],
  ['control characters in text', doc(p(t('a\u0000b\u0007c\u009fd'))), '<p>abcd</p>'],
  ['heading level as markup', doc(node('heading', { level: '1><script>' }, [t('x')])), '<h1>x</h1>'],
  [
    'colspan as markup',
    doc(
      node('table', undefined, [
        node('tableRow', undefined, [cell('tableCell', { colspan: '2" onclick="x' }, p(t('x')))]),
      ]),
    ),
    '<table><tbody><tr><td>x</td></tr></tbody></table>',
  ],
];

describe('adfToHtml with hostile input', () => {
  it.each(injectionCases)('neutralises %s', (_name, input, expected) => {
    const html = adfToHtml(input);
    expect(html).toBe(expected);
    expectSafeCanonicalHtml(html);
  });
});
