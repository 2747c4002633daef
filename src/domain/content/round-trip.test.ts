// ADF to HTML and back: schema-valid, unchanged for what HTML can carry, and the text of Jira-only nodes kept.
import Ajv04 from 'ajv-draft-04';
import adfSchema from '@atlaskit/adf-schema/json-schema/v1/full.json';
import { doc, em, linkedText, paragraph, text } from './adf';
import { adfToHtml } from './adf-to-html';
import { adfToPlainText } from './adf-to-plain-text';
import { htmlToAdf } from './html-to-adf';

const validateAdf = new Ajv04({ allErrors: true, strict: false }).compile(adfSchema);

type Json = Record<string, unknown>;
const p = (...content: unknown[]): Json =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
const t = (value: string, ...marks: Json[]): Json =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const node = (type: string, attrs: Json | undefined, content: unknown[]): Json =>
  attrs === undefined ? { type, content } : { type, attrs, content };
const li = (...content: unknown[]): Json => node('listItem', undefined, content);

// Everything both directions can express, in the canonical form htmlToAdf writes.
const representative: Json = {
  type: 'doc',
  version: 1,
  content: [
    node('heading', { level: 2 }, [t('Export fails')]),
    p(
      t('Seen by '),
      t('three', { type: 'strong' }),
      t(' customers, '),
      t('since', { type: 'em' }),
      t(' 2.1 '),
      t('(H', { type: 'underline' }),
      t('2', { type: 'subsup', attrs: { type: 'sub' } }),
      t('O) '),
      t('old', { type: 'strike' }),
      t(' '),
      t('red', { type: 'textColor', attrs: { color: '#ff5630' } }),
      t(' '),
      t('marked', { type: 'backgroundColor', attrs: { color: '#fedec8' } }),
      t(' '),
      t('run()', { type: 'code' }),
      t(' '),
      t('docs', { type: 'link', attrs: { href: 'https://example.com/docs' } }),
    ),
    p(t('line one'), { type: 'hardBreak' }, t('line two')),
    p(),
    node('bulletList', undefined, [
      li(p(t('first')), node('orderedList', { order: 4 }, [li(p(t('nested')))])),
      li(p(t('second'))),
    ]),
    node('codeBlock', { language: 'sql' }, [t('select *\n  from ticket;')]),
    node('blockquote', undefined, [p(t('quoted'))]),
    { type: 'rule' },
    node('table', undefined, [
      node('tableRow', undefined, [
        node('tableHeader', undefined, [p(t('Key'))]),
        node('tableHeader', undefined, [p(t('Value'))]),
      ]),
      node('tableRow', undefined, [node('tableCell', { colspan: 2 }, [p(t('wide'))])]),
    ]),
    p(t('end')),
  ],
};

const decorated: Json = {
  type: 'doc',
  version: 1,
  content: [
    p(t('Hi '), { type: 'mention', attrs: { id: '557058:x', text: '@Jane Doe' } }, t(' '), {
      type: 'emoji',
      attrs: { shortName: ':wave:', text: '👋' },
    }),
    node('panel', { panelType: 'warning' }, [p(t('Customer data inside'))]),
    node('taskList', { localId: 'a' }, [node('taskItem', { localId: 'b', state: 'DONE' }, [t('Reproduce')])]),
    node('decisionList', { localId: 'c' }, [
      node('decisionItem', { localId: 'd', state: 'DECIDED' }, [t('Hotfix')]),
    ]),
    p(t('Due '), { type: 'date', attrs: { timestamp: '1700000000000' } }, t(' '), {
      type: 'status',
      attrs: { text: 'Blocked', color: 'red' },
    }),
    node('expand', { title: 'Logs' }, [p(t('stack trace'))]),
    node('mediaSingle', { layout: 'center' }, [
      { type: 'media', attrs: { type: 'file', id: 'f', collection: 'c', alt: 'trace.png' } },
    ]),
    { type: 'blockCard', attrs: { url: 'https://acme.atlassian.net/browse/KAN-7' } },
  ],
};

describe('ADF → HTML → ADF', () => {
  it('is schema-valid for the representative document', () => {
    expect(validateAdf(representative)).toBe(true);
  });

  it('gives back the representative document unchanged', () => {
    expect(htmlToAdf(adfToHtml(representative))).toEqual(representative);
  });

  it('keeps every line of text of Jira-only nodes (mentions, panels, tasks, decisions, media, cards)', () => {
    const back = htmlToAdf(adfToHtml(decorated));
    expect(validateAdf(back)).toBe(true);
    const text = adfToPlainText(back);
    for (const line of adfToPlainText(decorated)
      .split('\n')
      .filter((l) => l !== ''))
      expect(text).toContain(line);
  });

  it('keeps an attribution header readable for echo checks after re-rendering', () => {
    const comment = doc(
      paragraph(text('Comment added in Jira by Jane Doe on 2024-06-11', [em()])),
      paragraph(),
      paragraph('See ', linkedText('KAN-7', 'https://acme.atlassian.net/browse/KAN-7'), '.'),
    );
    const html = adfToHtml(comment);
    expect(html).toBe(
      '<p><em>Comment added in Jira by Jane Doe on 2024-06-11</em></p><p>&nbsp;</p><p>See <a href="https://acme.atlassian.net/browse/KAN-7">KAN-7</a>.</p>',
    );
    expect(adfToPlainText(htmlToAdf(html))).toBe(adfToPlainText(comment));
    expect(adfToPlainText(comment).split('\n')[0]).toBe('Comment added in Jira by Jane Doe on 2024-06-11');
  });
});
