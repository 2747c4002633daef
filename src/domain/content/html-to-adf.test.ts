// TeamSupport HTML to ADF: blocks, marks, links, tables, and huge or malformed input handled in bounded time.
import Ajv04 from 'ajv-draft-04';
import adfSchema from '@atlaskit/adf-schema/json-schema/v1/full.json';
import { htmlToAdf, htmlToPlainText } from './html-to-adf';

const validateAdf = new Ajv04({ allErrors: true, strict: false }).compile(adfSchema);

type Json = Record<string, unknown>;

const doc = (...content: Json[]): Json => ({ type: 'doc', version: 1, content });
const P = (...content: Json[]): Json =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
const T = (text: string, ...marks: Json[]): Json =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
const BR: Json = { type: 'hardBreak' };
const H = (level: number, ...content: Json[]): Json => ({ type: 'heading', attrs: { level }, content });
const LI = (...content: Json[]): Json => ({ type: 'listItem', content });
const UL = (...items: Json[]): Json => ({ type: 'bulletList', content: items });
const OL = (order: number | undefined, ...items: Json[]): Json =>
  order === undefined
    ? { type: 'orderedList', content: items }
    : { type: 'orderedList', attrs: { order }, content: items };
const ROW = (...cells: Json[]): Json => ({ type: 'tableRow', content: cells });
const TD = (attrs: Json | undefined, ...content: Json[]): Json =>
  attrs === undefined ? { type: 'tableCell', content } : { type: 'tableCell', attrs, content };
const TH = (...content: Json[]): Json => ({ type: 'tableHeader', content });
const CODE = (text: string, language?: string): Json =>
  language === undefined
    ? { type: 'codeBlock', content: [{ type: 'text', text }] }
    : { type: 'codeBlock', attrs: { language }, content: [{ type: 'text', text }] };
const strong: Json = { type: 'strong' };
const em: Json = { type: 'em' };
const code: Json = { type: 'code' };
const link = (href: string): Json => ({ type: 'link', attrs: { href } });
const colour = (color: string): Json => ({ type: 'textColor', attrs: { color } });

function convert(html: string): unknown {
  const adf = htmlToAdf(html);
  expect(validateAdf(adf)).toBe(true);
  return adf;
}

// Recorded TeamSupport action Description (docs/teamsupport-api.md §16.2), entity-escaped as the API returned it.
const FIXTURE_16_2 =
  '&lt;p&gt;Good morning,&lt;/p&gt;\n&lt;p&gt;&amp;nbsp;&lt;/p&gt;\n&lt;p&gt;We&apos;ll be pleased to investigate this, and appreciate the screenshots.&lt;/p&gt;\n&lt;p&gt;I&apos;ll let you know what we&apos;re able to find.&lt;/p&gt;\n&lt;p&gt;&amp;nbsp;&lt;/p&gt;\n&lt;p&gt;&amp;nbsp;&lt;/p&gt;\n&lt;p&gt;Thank you&lt;/p&gt;';

const WORD_PASTE = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0in; font-size:11.0pt; font-family:"Calibri",sans-serif;} --></style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:"Table Normal";}</style><![endif]-->
</head>
<body lang=EN-US link="#0563C1" vlink="#954F72" style='tab-interval:.5in;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal>Hi Jane,<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal>The export fails with <b>error&nbsp;42</b> when the file is over <span style='color:#C00000'>2&nbsp;GB</span>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Open the report<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-add-space:auto;text-indent:-.25in;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Choose <i>Export</i><o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Wait<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>3.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Third step<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>4.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Fourth step<o:p></o:p></p>
<p class=MsoNormal><span style='mso-spacerun:yes'>&nbsp;&nbsp; </span>Regards,<br>Support<o:p></o:p></p>
<!--EndFragment-->
</body>
</html>`;

const ticketCases: [string, string, Json][] = [
  ['paragraphs', '<p>First line</p>\n<p>Second line</p>', doc(P(T('First line')), P(T('Second line')))],
  [
    '<br> line breaks (a trailing one adds no line)',
    '<p>Line one<br>Line two<br />Line three<br></p><p><br></p><p>after</p>',
    doc(P(T('Line one'), BR, T('Line two'), BR, T('Line three')), P(), P(T('after'))),
  ],
  [
    'div-per-line editor output',
    '<div>Hello</div><div><br></div><div>World</div>',
    doc(P(T('Hello')), P(), P(T('World'))),
  ],
  [
    'whitespace collapsed like a browser',
    '<p>  lots   of\n\t spaces  <b> bold </b> end </p>',
    doc(P(T('lots of spaces '), T('bold ', strong), T('end'))),
  ],
  [
    'entities and &nbsp;',
    '<p>Fish &amp; chips &lt;tag&gt; &copy; 2024&nbsp;&nbsp;ok &#x1F600; &bogus;</p>',
    doc(P(T('Fish & chips <tag> © 2024  ok 😀 &bogus;'))),
  ],
  [
    'a paragraph of only &nbsp; is a blank line; edge spaces are trimmed',
    '<p>a&nbsp;&nbsp;</p><p>&nbsp;</p><p>&nbsp;&nbsp;b</p>',
    doc(P(T('a')), P(), P(T('b'))),
  ],
  [
    'entity-escaped HTML (docs/teamsupport-api.md §16.2)',
    FIXTURE_16_2,
    doc(
      P(T('Good morning,')),
      P(),
      P(T("We'll be pleased to investigate this, and appreciate the screenshots.")),
      P(T("I'll let you know what we're able to find.")),
      P(),
      P(),
      P(T('Thank you')),
    ),
  ],
  [
    'nested lists with an ordered start',
    '<ul><li>One<ul><li>One.a</li><li>One.b<ol start="3"><li>deep</li></ol></li></ul></li><li>Two</li></ul>',
    doc(
      UL(LI(P(T('One')), UL(LI(P(T('One.a'))), LI(P(T('One.b')), OL(3, LI(P(T('deep'))))))), LI(P(T('Two')))),
    ),
  ],
  [
    'a list written directly in a list, and an item holding only a list',
    '<ol><li>a</li><ol><li>b</li></ol></ol><ul><li><ul><li>x</li></ul></li></ul>',
    doc(OL(undefined, LI(P(T('a')), OL(undefined, LI(P(T('b')))))), UL(LI(P(), UL(LI(P(T('x'))))))),
  ],
  [
    'blocks a list item cannot hold are reshaped',
    '<ul><li><h2>Heading in item</h2><table><tr><td>k</td><td>v</td></tr></table><blockquote>q</blockquote><hr><pre>code</pre></li></ul>',
    doc(UL(LI(P(T('Heading in item', strong)), P(T('k | v')), P(T('q')), CODE('code')))),
  ],
  [
    'table with header row, colspan, rowspan and an empty cell',
    '<table><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody><tr><td colspan="2">wide</td></tr><tr><td rowspan=2><p>a</p><p>b</p></td><td></td></tr></tbody></table>',
    doc({
      type: 'table',
      content: [
        ROW(TH(P(T('Key'))), TH(P(T('Value')))),
        ROW(TD({ colspan: 2 }, P(T('wide')))),
        ROW(TD({ rowspan: 2 }, P(T('a')), P(T('b'))), TD(undefined, P())),
      ],
    }),
  ],
  [
    'table caption, and a table inside a cell',
    '<table><caption>Cap</caption><tr><td><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></td></tr></table>',
    doc(P(T('Cap')), { type: 'table', content: [ROW(TD(undefined, P(T('x | y')), P(T('z'))))] }),
  ],
  [
    'links: http(s) and mailto kept, anything else plain text',
    '<p><a href="https://example.com/x?y=1">site</a> <a href="mailto:help@example.com">mail</a> <a href="javascript:alert(1)">bad</a> <a href="/relative">rel</a> <a name="top">anchor</a> <a href="https://e.com"><b>bold link</b></a></p>',
    doc(
      P(
        T('site', link('https://example.com/x?y=1')),
        T(' '),
        T('mail', link('mailto:help@example.com')),
        T(' bad rel anchor '),
        T('bold link', link('https://e.com/'), strong),
      ),
    ),
  ],
  [
    'images become labels, linked when on the web; tracking pixels vanish',
    '<p><img src="https://cdn.example.com/shots/screen%20one.png"> <img src="https://x.com/a.png" alt="Error dialog"> <img src="data:image/png;base64,AAAA" alt="pasted"> <img src="cid:image001.png@01D"> <img src="https://t.example.com/p.gif" width="1" height="1"><a href="https://e.com/full"><img src="https://e.com/thumb.png"></a></p>',
    doc(
      P(
        T('[image: screen one.png]', link('https://cdn.example.com/shots/screen%20one.png')),
        T(' '),
        T('[image: Error dialog]', link('https://x.com/a.png')),
        T(' [image: pasted] [image] '),
        T('[image: thumb.png]', link('https://e.com/full')),
      ),
    ),
  ],
  [
    'inline styles',
    '<p><span style="font-weight:bold">b</span> <span style="font-style:italic">i</span> <span style="text-decoration:underline">u</span> <span style="text-decoration: line-through">s</span> <span style="color:#FF0000">red</span> <span style="color: rgb(0, 128, 0)">green</span> <font color="blue">blue</font> <span style="background-color:yellow">hl</span> <span style="color:black">plain</span> <span style="vertical-align:super">up</span></p>',
    doc(
      P(
        T('b', strong),
        T(' '),
        T('i', em),
        T(' '),
        T('u', { type: 'underline' }),
        T(' '),
        T('s', { type: 'strike' }),
        T(' '),
        T('red', colour('#ff0000')),
        T(' '),
        T('green', colour('#008000')),
        T(' '),
        T('blue', colour('#0000ff')),
        T(' '),
        T('hl', { type: 'backgroundColor', attrs: { color: '#ffff00' } }),
        T(' plain '),
        T('up', { type: 'subsup', attrs: { type: 'sup' } }),
      ),
    ),
  ],
  [
    'Google Docs wrapper <b style="font-weight:normal">',
    '<b style="font-weight:normal;" id="docs-internal-guid-1"><span style="font-weight:700">bold</span><span style="font-weight:400"> normal</span></b>',
    doc(P(T('bold', strong), T(' normal'))),
  ],
  [
    'formatting tags; code combines only with link',
    '<p><strong>s</strong><em>e</em><u>u</u><s>s</s><del>d</del><strike>k</strike><code>c</code><sub>2</sub><sup>3</sup><b><code>cb</code></b><a href="https://e.com"><code>cl</code></a></p>',
    doc(
      P(
        T('s', strong),
        T('e', em),
        T('u', { type: 'underline' }),
        T('sdk', { type: 'strike' }),
        T('c', code),
        T('2', { type: 'subsup', attrs: { type: 'sub' } }),
        T('3', { type: 'subsup', attrs: { type: 'sup' } }),
        T('cb', code),
        T('cl', link('https://e.com/'), code),
      ),
    ),
  ],
  [
    'headings 1–6; empty and unknown levels',
    '<h1>H1</h1><h2>H2</h2><h3>H3</h3><h4>H4</h4><h5>H5</h5><h6>H6 <i>x</i></h6><h3></h3><h7>not</h7>',
    doc(
      H(1, T('H1')),
      H(2, T('H2')),
      H(3, T('H3')),
      H(4, T('H4')),
      H(5, T('H5')),
      H(6, T('H6 '), T('x', em)),
      P(T('not')),
    ),
  ],
  [
    'preformatted text keeps its whitespace',
    '<pre>line1\n    indented &lt;x&gt;\n</pre><pre><code class="language-python">print(1)</code></pre><pre>a<br>b</pre>',
    doc(CODE('line1\n    indented <x>'), CODE('print(1)', 'python'), CODE('a\nb')),
  ],
  [
    'blockquote (nested quotes flattened) and rule',
    '<blockquote><p>quoted</p><blockquote>nested</blockquote><h2>t</h2><hr></blockquote><hr>',
    doc(
      { type: 'blockquote', content: [P(T('quoted')), P(T('nested')), P(T('t', strong))] },
      { type: 'rule' },
    ),
  ],
  [
    'escaped markup inside real markup stays text',
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; is text</p>',
    doc(P(T('<script>alert(1)</script> is text'))),
  ],
  [
    'hidden and unknown elements',
    '<div style="display:none">preheader</div><custom-tag>keep</custom-tag><center>c</center>',
    doc(P(T('keep')), P(T('c'))),
  ],
  [
    'Word paste: MsoNormal, <o:p>, conditional comments, list paragraphs, &nbsp; runs',
    WORD_PASTE,
    doc(
      P(T('Hi Jane,')),
      P(),
      P(
        T('The export fails with '),
        T('error 42', strong),
        T(' when the file is over '),
        T('2 GB', colour('#c00000')),
        T('.'),
      ),
      UL(LI(P(T('Open the report')), UL(LI(P(T('Choose '), T('Export', em))))), LI(P(T('Wait')))),
      OL(3, LI(P(T('Third step'))), LI(P(T('Fourth step')))),
      P(T('Regards,'), BR, T('Support')),
    ),
  ],
  [
    'Outlook reply header',
    `<div class=WordSection1><p class=MsoNormal>Thanks!<o:p></o:p></p><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in'><p class=MsoNormal><b>From:</b> Jane &lt;jane@example.com&gt;<br><b>Sent:</b> Monday<o:p></o:p></p></div></div>`,
    doc(
      P(T('Thanks!')),
      P(T('From:', strong), T(' Jane <jane@example.com>'), BR, T('Sent:', strong), T(' Monday')),
    ),
  ],
];

const emptyInputs = [
  '',
  '   ',
  '<p></p>',
  '<br>',
  '<!-- only a comment -->',
  '<p>&nbsp;</p>',
  '<div><span></span></div>',
];

const hostileCases: [string, string, Json][] = [
  ['script', '<script>alert(1)</script><p>ok</p>', doc(P(T('ok')))],
  ['style', '<style>p{color:red}</style><p>styled</p>', doc(P(T('styled')))],
  ['iframe', '<iframe src="javascript:alert(1)">inner</iframe><p>after</p>', doc(P(T('after')))],
  [
    'object and embed',
    '<object data="x.swf"><param name=a value=b>fallback</object><embed src="x.swf">',
    doc(P()),
  ],
  [
    'form controls',
    '<form action="https://evil.example"><input value="secret"><button>Go</button><select><option>o</option></select><textarea>t</textarea>form text</form>',
    doc(P(T('form text'))),
  ],
  [
    'svg and math',
    '<svg><script>alert(1)</script><text>svg text</text></svg><math><mi>x</mi></math><p>visible</p>',
    doc(P(T('visible'))),
  ],
  [
    'event handlers',
    '<img src=x onerror="alert(1)"><p onclick="alert(1)" onmouseover="alert(2)">click</p>',
    doc(P(T('[image]')), P(T('click'))),
  ],
  [
    'script URLs in any spelling',
    '<a href="JaVaScRiPt:alert(1)">a</a> <a href=" javascript:alert(1)">b</a> <a href="java&#x09;script:alert(1)">c</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a> <a href="vbscript:msgbox(1)">e</a>',
    doc(P(T('a b c d e'))),
  ],
  [
    'head elements',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//"><link rel=stylesheet href="x.css"><title>t</title><p>body</p>',
    doc(P(T('body'))),
  ],
  [
    'noscript and template',
    '<noscript><p>ns</p></noscript><template><p>tpl</p></template><p>shown</p>',
    doc(P(T('shown'))),
  ],
  [
    'unclosed tags',
    '<p>one<p>two<b>bold<i>both</p>three<ul><li>a<li>b</ul><table><tr><td>c<td>d',
    doc(
      P(T('one')),
      P(T('two'), T('bold', strong), T('both', em, strong)),
      P(T('three', em, strong)),
      UL(LI(P(T('a', em, strong))), LI(P(T('b', em, strong)))),
      {
        type: 'table',
        content: [ROW(TD(undefined, P(T('c', em, strong))), TD(undefined, P(T('d', em, strong))))],
      },
    ),
  ],
  [
    'unclosed inline tags',
    '<div><span><b>unclosed <i>everything',
    doc(P(T('unclosed ', strong), T('everything', em, strong))),
  ],
  [
    'entity-escaped script is dropped after decoding',
    '&lt;p&gt;Hi &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&lt;/p&gt;',
    doc(P(T('Hi [image]'))),
  ],
  [
    'garbage spans and starts',
    '<table><tr><td colspan="2&quot; onclick=&quot;x" rowspan="-3">x</td><td colspan="99999">y</td></tr></table><ol start="-5"><li>neg</li></ol>',
    doc(
      { type: 'table', content: [ROW(TD(undefined, P(T('x'))), TD(undefined, P(T('y'))))] },
      OL(undefined, LI(P(T('neg')))),
    ),
  ],
  [
    'CSS expressions',
    '<span style="color: expression(alert(1)); background: url(javascript:alert(1))">css</span>',
    doc(P(T('css'))),
  ],
];

describe('htmlToAdf', () => {
  it.each(ticketCases)('converts %s', (_name, html, expected) => {
    expect(convert(html)).toEqual(expected);
  });

  it.each(emptyInputs)('turns %j into one empty paragraph', (html) => {
    expect(convert(html)).toEqual(doc(P()));
  });

  it.each(hostileCases)('neutralises %s', (_name, html, expected) => {
    const adf = convert(html);
    expect(adf).toEqual(expected);
    expect(JSON.stringify(adf)).not.toMatch(/alert\(|javascript:|vbscript:|data:text|onerror|onclick/i);
  });

  it.each([
    ['div', '<div>', '</div>'],
    ['span', '<span>', '</span>'],
    ['b/i/u', '<b><i><u>', '</u></i></b>'],
    ['ul/li', '<ul><li>', '</li></ul>'],
    ['blockquote', '<blockquote>', '</blockquote>'],
    ['table', '<table><tr><td>', '</td></tr></table>'],
  ])('keeps the text of %s nested 500 levels deep', (_name, open, close) => {
    const adf = convert(`${open.repeat(500)}deep text${close.repeat(500)}`);
    expect(htmlToPlainText(`${open.repeat(500)}deep text${close.repeat(500)}`)).toContain('deep text');
    expect(JSON.stringify(adf)).toContain('deep text');
  });

  it('converts 1 MB of ticket HTML', () => {
    const chunk =
      '<p>Hello <b>world</b> &amp; <a href="https://example.com">link</a><br>next&nbsp;line</p><ul><li>a</li><li>b</li></ul>';
    const html = chunk.repeat(Math.ceil(1_048_576 / chunk.length));
    const adf = htmlToAdf(html);
    expect(validateAdf(adf)).toBe(true);
    expect(adf.content).toHaveLength(2 * Math.ceil(1_048_576 / chunk.length));
  }, 90_000);

  it('reduces tens of thousands of unclosed nested tags to their text instead of parsing them for minutes', () => {
    const html = '<div>line'.repeat(20_000);
    const adf = htmlToAdf(html);
    expect(validateAdf(adf)).toBe(true);
    expect(adf.content).toHaveLength(20_000);
    expect(adf.content[0]).toEqual(P(T('line')));
  });

  it('reduces thousands of unmatched end tags under a deep stack to text', () => {
    const adf = htmlToAdf(`${'<div>'.repeat(900)}kept${'</x>'.repeat(100_000)}`);
    expect(validateAdf(adf)).toBe(true);
    expect(adf).toEqual(doc(P(T('kept'))));
  });
});
