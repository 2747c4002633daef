// Plain text from ADF and from ticket HTML: deep documents, entities, hidden content.
import { adfToPlainText } from './adf-to-plain-text';
import { htmlToPlainText } from './html-to-adf';

type Json = Record<string, unknown>;
const doc = (...content: unknown[]): Json => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]): Json =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
const t = (text: string): Json => ({ type: 'text', text });
const node = (type: string, attrs?: Json, content?: unknown[]): Json => ({ type, attrs, content });

describe('adfToPlainText', () => {
  it.each<[string, unknown, string]>([
    [
      'paragraphs, one per line, an empty one as a blank line',
      doc(p(t('prefix:')), p(), p(t('body'))),
      'prefix:\n\nbody',
    ],
    ['hard breaks', doc(p(t('a'), node('hardBreak'), t('b'))), 'a\nb'],
    [
      'list items on their own lines',
      doc(
        node('bulletList', undefined, [
          node('listItem', undefined, [p(t('one'))]),
          node('listItem', undefined, [p(t('two'))]),
        ]),
      ),
      'one\ntwo',
    ],
    [
      'table cells on their own lines',
      doc(
        node('table', undefined, [
          node('tableRow', undefined, [
            node('tableCell', {}, [p(t('k'))]),
            node('tableCell', {}, [p(t('v'))]),
          ]),
        ]),
      ),
      'k\nv',
    ],
    [
      'atoms read as they do in HTML',
      doc(
        p(
          node('mention', { id: 'x', text: '@Jane' }),
          t(' '),
          node('emoji', { shortName: ':smile:', text: '😄' }),
          t(' '),
          node('date', { timestamp: '1700000000000' }),
          t(' '),
          node('status', { text: 'Done', color: 'green' }),
          t(' '),
          node('inlineCard', { url: 'https://e.com/x' }),
        ),
        node('mediaSingle', { layout: 'center' }, [
          node('media', { type: 'file', id: 'i', collection: 'c', alt: 'log.txt' }),
        ]),
      ),
      '@Jane 😄 2023-11-14 [DONE] https://e.com/x\n[attachment: log.txt]',
    ],
    ['expand title then body', doc(node('expand', { title: 'More' }, [p(t('inside'))])), 'More\ninside'],
    ['code block text', doc(node('codeBlock', { language: 'sh' }, [t('ls -la\npwd')])), 'ls -la\npwd'],
    ['an unknown node keeps its text', doc(node('sparkle', undefined, [p(t('kept'))])), 'kept'],
    ['not a document', 'wiki *markup*', ''],
    ['null', null, ''],
  ])('%s', (_name, input, expected) => {
    expect(adfToPlainText(input)).toBe(expected);
  });

  it('reads a document nested 100,000 levels deep without exhausting the stack', () => {
    let deep: Json = p(t('bottom'));
    for (let i = 0; i < 100_000; i++) deep = node('blockquote', undefined, [deep]);
    expect(adfToPlainText(doc(deep))).toBe('bottom');
  });
});

describe('htmlToPlainText', () => {
  it('reads the entity-escaped §16.2 action', () => {
    const html =
      '&lt;p&gt;Good morning,&lt;/p&gt;\n&lt;p&gt;&amp;nbsp;&lt;/p&gt;\n&lt;p&gt;We&apos;ll look.&lt;/p&gt;\n&lt;p&gt;&amp;nbsp;&lt;/p&gt;\n&lt;p&gt;Thank you&lt;/p&gt;';
    expect(htmlToPlainText(html)).toBe("Good morning,\n\nWe'll look.\n\nThank you");
  });

  it("keeps TeamSupport's own echo prefix readable", () => {
    const html =
      '<p>TeamSupport ticket #80920001 comment #3 added by Jane Doe:</p><p>&nbsp;</p><p>Fixed in <b>build 512</b>.</p>';
    expect(htmlToPlainText(html)).toBe(
      'TeamSupport ticket #80920001 comment #3 added by Jane Doe:\n\nFixed in build 512.',
    );
  });

  it('leaves out script, style and hidden content', () => {
    expect(
      htmlToPlainText(
        '<style>p{}</style><p>shown<script>hidden()</script></p><div style="display:none">no</div>',
      ),
    ).toBe('shown');
  });
});
