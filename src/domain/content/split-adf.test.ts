// Splitting a long document into Jira comments under the size limit, with the header on each part and nothing lost.
import Ajv04 from 'ajv-draft-04';
import adfSchema from '@atlaskit/adf-schema/json-schema/v1/full.json';
import {
  code,
  doc,
  docOf,
  em,
  hardBreak,
  heading,
  linkedText,
  paragraph,
  paragraphOf,
  strong,
  text,
  type AdfBlock,
  type AdfDoc,
  type AdfInline,
  type AdfListItem,
  type AdfMark,
  type AdfNestedBlock,
  type AdfTableCell,
  type AdfTableRow,
  type NonEmpty,
} from './adf';
import { htmlToAdf } from './html-to-adf';
import { JIRA_TEXT_LIMIT, splitAdfForComments, type PartHeader } from './split-adf';

const validateAdf = new Ajv04({ strict: false }).compile(adfSchema);

const length = (value: unknown): number => JSON.stringify(value).length;

type Run = [marks: string, text: string];

/** The document's text in reading order, as runs of equal marks (a hard break is a run of its own kind). */
function runsOf(docs: readonly AdfDoc[], skipBlocks: (index: number) => number = () => 0): Run[] {
  const runs: Run[] = [];
  const push = (marks: string, value: string): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] === marks) last[1] += value;
    else runs.push([marks, value]);
  };
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if ('type' in node && node.type === 'hardBreak') push('hardBreak', '\n');
    if ('text' in node && typeof node.text === 'string') {
      push('marks' in node ? JSON.stringify(node.marks) : '', node.text);
    }
    if ('content' in node && Array.isArray(node.content)) for (const child of node.content) visit(child);
  };
  docs.forEach((part, index) => part.content.slice(skipBlocks(index)).forEach(visit));
  return runs;
}

function expectValidParts(parts: readonly AdfDoc[], limit: number): void {
  for (const part of parts) {
    expect(length(part)).toBeLessThanOrEqual(limit);
    if (!validateAdf(part)) throw new Error(JSON.stringify(validateAdf.errors?.slice(0, 3)));
  }
}

const words = (count: number, word = 'lorem'): string =>
  Array.from({ length: count }, (_, i) => `${word}${i}`).join(' ');

const item = (...blocks: [AdfInline | string, ...AdfNestedBlock[]]): AdfListItem => {
  const [first, ...rest] = blocks;
  return { type: 'listItem', content: [paragraph(first), ...rest] };
};
const items = (count: number, prefix: string): NonEmpty<AdfListItem> => [
  item(`${prefix} 0`),
  ...Array.from({ length: count - 1 }, (_, i) => item(`${prefix} ${i + 1}`)),
];
const cell = (value: string): AdfTableCell => ({ type: 'tableCell', content: [paragraph(value)] });
const row = (left: string, right: string): AdfTableRow => ({
  type: 'tableRow',
  content: [cell(left), cell(right)],
});

const continuedHeader: PartHeader = (part, count) =>
  part === 1 ? [] : [paragraph(text(`(continued, part ${part} of ${count})`, [em()]))];

describe('splitAdfForComments', () => {
  it('returns a document that fits as its only part', () => {
    const small = doc(paragraph('Hello'), heading(2, 'World'));
    expect(splitAdfForComments(small, JIRA_TEXT_LIMIT)).toEqual([small]);
    expect(splitAdfForComments(small, JIRA_TEXT_LIMIT, continuedHeader)).toEqual([small]);
  });

  const cases: Array<{
    name: string;
    input: AdfDoc;
    limit: number;
    check: (parts: NonEmpty<AdfDoc>, input: AdfDoc) => void;
  }> = [
    {
      name: 'many small blocks: cut between blocks only, every block whole',
      input: docOf(Array.from({ length: 60 }, (_, i) => paragraph(`Paragraph ${i} ${words(8)}`))),
      limit: 1_000,
      check: (parts, input) => {
        expect(parts.length).toBeGreaterThan(1);
        expect(parts.flatMap((part) => part.content)).toEqual(input.content);
      },
    },
    {
      name: 'one paragraph longer than a part: cut inside the text, at a space, marks kept',
      input: doc(paragraph(text(words(400), [strong()]), text(' tail', [em()]))),
      limit: 1_000,
      check: (parts) => {
        expect(parts.length).toBeGreaterThan(3);
        // No word is cut in two: every part holds whole words only.
        for (const [, value] of parts.flatMap((part) => runsOf([part]))) {
          for (const word of value.split(' ').filter((w) => w !== ''))
            expect(word).toMatch(/^(lorem\d+|tail)$/);
        }
        expect(parts.flatMap((part) => runsOf([part])).every(([marks]) => marks !== '')).toBe(true);
      },
    },
    {
      name: 'a heading longer than a part stays a heading of the same level',
      input: doc(heading(3, words(200))),
      limit: 800,
      check: (parts) => {
        for (const part of parts)
          expect(part.content).toEqual([expect.objectContaining({ attrs: { level: 3 } })]);
      },
    },
    {
      name: 'a code block: cut at line breaks, language kept',
      input: doc({
        type: 'codeBlock',
        attrs: { language: 'java' },
        content: [{ type: 'text', text: Array.from({ length: 300 }, (_, i) => `line ${i};`).join('\n') }],
      }),
      limit: 900,
      check: (parts) => {
        expect(parts.length).toBeGreaterThan(2);
        for (const part of parts) {
          const [block] = part.content;
          expect(block).toMatchObject({ type: 'codeBlock', attrs: { language: 'java' } });
          if (part !== parts[parts.length - 1]) expect(JSON.stringify(block)).toMatch(/;\\n"}]}$/);
        }
      },
    },
    {
      name: 'a long ordered list: cut between items, numbering goes on',
      input: doc({ type: 'orderedList', attrs: { order: 5 }, content: items(80, 'Step') }),
      limit: 1_200,
      check: (parts) => {
        let expected = 5;
        for (const part of parts) {
          const [list] = part.content;
          if (list?.type !== 'orderedList') throw new Error('not a list');
          expect(list.attrs?.order).toBe(expected);
          expect(list.content[0]?.content[0]).toEqual(paragraph(`Step ${expected - 5}`));
          expected += list.content.length;
        }
        expect(expected).toBe(85);
      },
    },
    {
      name: 'an ordered list item longer than a part: the item is cut, the next part numbers it again',
      input: doc({
        type: 'orderedList',
        content: [
          item('short'),
          item(words(150), { type: 'codeBlock', content: [{ type: 'text', text: words(150) }] }),
        ],
      }),
      limit: 1_000,
      check: (parts) => {
        const orders = parts.map((part) =>
          part.content[0]?.type === 'orderedList' ? part.content[0].attrs?.order : 0,
        );
        expect(orders[0]).toBeUndefined();
        expect(orders.slice(1).every((order) => order === 2)).toBe(true);
      },
    },
    {
      name: 'a nested bullet list and a quote longer than a part',
      input: doc(
        { type: 'bulletList', content: [item('outer', { type: 'bulletList', content: items(60, 'inner') })] },
        { type: 'blockquote', content: [paragraph(words(120)), paragraph(words(120))] },
      ),
      limit: 900,
      check: (parts) => {
        expect(parts.length).toBeGreaterThan(3);
        expect(parts.some((part) => part.content.some((block) => block.type === 'blockquote'))).toBe(true);
      },
    },
    {
      name: 'a table: cut between rows, and a row longer than a part between its cells',
      input: doc({
        type: 'table',
        content: [
          row('header left', 'header right'),
          ...Array.from({ length: 20 }, (_, i) => row(`r${i}c0`, `r${i}c1`)),
          row(words(100, 'left'), words(100, 'right')),
        ],
      }),
      limit: 900,
      check: (parts) => {
        for (const part of parts) {
          const [table] = part.content;
          if (table?.type !== 'table') throw new Error('not a table');
          for (const row of table.content) expect(row.content).toHaveLength(2);
        }
      },
    },
  ];

  it.each(cases)('$name', ({ input, limit, check }) => {
    const parts = splitAdfForComments(input, limit);
    expectValidParts(parts, limit);
    expect(runsOf(parts)).toEqual(runsOf([input]));
    check(parts, input);
  });

  it("puts the caller's header on each part, counts it against the limit and names the final count", () => {
    const input = docOf([paragraph(text('Comment from ticket #5', [em()])), paragraph(words(2_000))]);
    const parts = splitAdfForComments(input, 2_000, continuedHeader);
    expectValidParts(parts, 2_000);
    expect(parts.length).toBeGreaterThan(9);
    expect(parts[0].content[0]).toEqual(input.content[0]);
    parts
      .slice(1)
      .forEach((part, i) =>
        expect(part.content[0]).toEqual(
          paragraph(text(`(continued, part ${i + 2} of ${parts.length})`, [em()])),
        ),
      );
    expect(runsOf(parts, (i) => (i === 0 ? 0 : 1))).toEqual(runsOf([input]));
  });

  it('splits a 40,000-character ticket action into valid Jira comments with nothing lost', () => {
    const action = Array.from({ length: 400 }, (_, i) => `<p>Line ${i}: ${'x'.repeat(90)}</p>`).join('');
    const body = htmlToAdf(`<p><b>Steps</b></p>${action}<pre>${'code line\n'.repeat(500)}</pre>`);
    expect(length(body)).toBeGreaterThan(40_000);
    const parts = splitAdfForComments(body, JIRA_TEXT_LIMIT, continuedHeader);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expectValidParts(parts, JIRA_TEXT_LIMIT);
    expect(runsOf(parts, (i) => (i === 0 ? 0 : 1))).toEqual(runsOf([body]));
    // A single 40,000-character paragraph too.
    const oneParagraph = doc(paragraph('y'.repeat(40_000)));
    const halves = splitAdfForComments(oneParagraph, JIRA_TEXT_LIMIT);
    expect(halves).toHaveLength(2);
    expectValidParts(halves, JIRA_TEXT_LIMIT);
    expect(runsOf(halves)).toEqual(runsOf([oneParagraph]));
  });

  it('counts escaped characters and never cuts a surrogate pair', () => {
    const tricky = '"\\\u0001é😀'.repeat(400);
    const input = doc(paragraph(tricky));
    const parts = splitAdfForComments(input, 500);
    expectValidParts(parts, 500);
    for (const part of parts) expect(JSON.stringify(part)).not.toMatch(/\\ud[89a-f]/i);
    expect(runsOf(parts)).toEqual(runsOf([input]));
  });

  it('refuses a limit that cannot hold the header and any content', () => {
    expect(() => splitAdfForComments(doc(paragraph(words(50))), 60)).toThrow(RangeError);
    expect(() =>
      splitAdfForComments(doc(paragraph(words(500))), 200, () => [paragraph('h'.repeat(300))]),
    ).toThrow(RangeError);
  });
});

/** mulberry32: a small deterministic PRNG, so every run checks the same documents. */
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

describe('splitAdfForComments on random documents', () => {
  const rng = random(20_240_607);
  const int = (min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => {
    const value = values[int(0, values.length - 1)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  };
  const PIECES = [
    'word',
    ' ',
    'longerword',
    '"',
    '\\',
    '\n',
    'é',
    '😀',
    '漢字',
    '\u0007',
    '<b>',
    'https://e.com/?a=1&b=2',
  ];
  const randomText = (max: number): string =>
    Array.from({ length: int(1, max) }, () => pick(PIECES)).join('');
  const MARKS: AdfMark[][] = [[], [], [strong()], [em()], [strong(), em()], [code()]];
  const inlines = (): (AdfInline | string)[] =>
    Array.from({ length: int(1, 4) }, () =>
      rng() < 0.1
        ? hardBreak()
        : rng() < 0.1
          ? linkedText(randomText(20), 'https://example.com/page')
          : text(randomText(rng() < 0.1 ? 300 : 12), pick(MARKS)),
    );
  const nested = (depth: number): AdfNestedBlock => {
    const kind = depth > 2 ? 0 : int(0, 3);
    if (kind === 1) return { type: 'codeBlock', content: [{ type: 'text', text: randomText(100) }] };
    if (kind === 2 || kind === 3) {
      const listItems = Array.from({ length: int(1, 4) }, (): AdfListItem => ({
        type: 'listItem',
        content: [paragraphOf(inlines()), ...Array.from({ length: int(0, 2) }, () => nested(depth + 1))],
      }));
      const [first, ...rest] = listItems;
      if (first === undefined) throw new Error('no items');
      return kind === 2
        ? { type: 'bulletList', content: [first, ...rest] }
        : { type: 'orderedList', attrs: { order: int(1, 9) }, content: [first, ...rest] };
    }
    return paragraphOf(inlines());
  };
  const block = (): AdfBlock => {
    switch (int(0, 6)) {
      case 0:
        return heading(pick([1, 2, 3, 4, 5, 6] as const), ...inlines());
      case 1:
        return {
          type: 'blockquote',
          content: [nested(1), ...Array.from({ length: int(0, 3) }, () => nested(1))],
        };
      case 2: {
        const columns = int(1, 3);
        const row = () => ({
          type: 'tableRow' as const,
          content: [
            cell(randomText(30)),
            ...Array.from({ length: columns - 1 }, () => ({
              type: 'tableCell' as const,
              content: [nested(2)] satisfies NonEmpty<AdfNestedBlock>,
            })),
          ] satisfies NonEmpty<AdfTableCell>,
        });
        return { type: 'table', content: [row(), ...Array.from({ length: int(0, 6) }, row)] };
      }
      case 3:
        return { type: 'rule' };
      default:
        return nested(0);
    }
  };

  it('keeps every part within the limit and valid, and loses no text, marks or order', () => {
    for (let run = 0; run < 120; run++) {
      const input = docOf(Array.from({ length: int(1, 14) }, block));
      const limit = int(1_200, 4_000);
      const header = rng() < 0.5 ? continuedHeader : undefined;
      const parts = splitAdfForComments(input, limit, header);
      expectValidParts(parts, limit);
      if (length(input) <= limit) expect(parts).toHaveLength(1);
      else expect(parts.length).toBeGreaterThan(1);
      const skip = header === undefined ? () => 0 : (i: number) => (i === 0 ? 0 : 1);
      expect(runsOf(parts, skip)).toEqual(runsOf([input]));
    }
  });
});
