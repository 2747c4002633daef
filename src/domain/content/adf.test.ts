// The ADF builders the app writes comments with, checked against Atlassian's ADF schema.
import Ajv04 from 'ajv-draft-04';
import adfSchema from '@atlaskit/adf-schema/json-schema/v1/full.json';
import {
  code,
  doc,
  em,
  heading,
  linkedText,
  paragraph,
  strike,
  strong,
  text,
  underline,
  type AdfMark,
} from './adf';

const validateAdf = new Ajv04({ allErrors: true, strict: false }).compile(adfSchema);

describe('ADF builders', () => {
  it('builds an empty comment as one empty paragraph', () => {
    expect(doc()).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph' }] });
    expect(validateAdf(doc())).toBe(true);
  });

  it('drops empty text and merges neighbours with the same marks', () => {
    expect(paragraph('a', '', text(''), 'b', text('c', [strong()]), text('d', [strong()]))).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'ab' },
        { type: 'text', text: 'cd', marks: [{ type: 'strong' }] },
      ],
    });
  });

  it('writes marks once each, in schema order', () => {
    const link: AdfMark = { type: 'link', attrs: { href: 'https://e.com/' } };
    expect(text('x', [underline(), strong(), em(), link, strong(), strike()]).marks).toEqual([
      link,
      { type: 'em' },
      { type: 'strong' },
      { type: 'strike' },
      { type: 'underline' },
    ]);
  });

  it('keeps only link beside code, which the schema requires', () => {
    const link: AdfMark = { type: 'link', attrs: { href: 'https://e.com/' } };
    expect(text('x', [strong(), code(), link, em()]).marks).toEqual([link, { type: 'code' }]);
  });

  it.each([
    [
      'https://acme.atlassian.net/browse/KAN-1',
      [{ type: 'link', attrs: { href: 'https://acme.atlassian.net/browse/KAN-1' } }],
    ],
    ['mailto:help@example.com', [{ type: 'link', attrs: { href: 'mailto:help@example.com' } }]],
    ['javascript:alert(1)', undefined],
    ['/relative/path', undefined],
  ])('links text to %s only when it is http, https or mailto', (href, marks) => {
    expect(linkedText('label', href).marks).toEqual(marks);
  });

  it('builds an attribution header that the ADF schema accepts', () => {
    const header = doc(
      paragraph(
        text('TeamSupport ticket #80920001 comment #3 added by ', [em()]),
        text('Jane Doe', [em(), strong()]),
        text(':', [em()]),
      ),
      paragraph(),
      heading(3, 'Steps'),
      paragraph(
        linkedText('Open ticket', 'https://app.teamsupport.com/Ticket.aspx?ticketid=745895', [strong()]),
      ),
    );
    expect(validateAdf(header)).toBe(true);
  });
});
