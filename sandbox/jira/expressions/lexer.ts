// Tokens of the Jira expression subset: numbers, strings in single or double quotes, names and the punctuation of
// https://developer.atlassian.com/cloud/jira/platform/jira-expressions/ ("Syntax and semantics"). Anything else (a
// template string, a regular expression, a comment) is refused as a syntax error: the emulator does not guess.
import { syntaxError } from './errors';

export type Token =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'name'; value: string; start: number; end: number }
  | { kind: 'punct'; value: string; start: number; end: number }
  | { kind: 'end'; value: ''; start: number; end: number };

// Longest first, so `==` is never read as `=` `=`. `===` and `!==` are recognised only to be refused by name.
const PUNCTUATION = [
  '===',
  '!==',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '?.',
  '.',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '?',
  '!',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i));
      const text = match?.[0] ?? char;
      i += text.length;
      tokens.push({ kind: 'number', value: Number(text), start, end: i });
      continue;
    }
    if (/[A-Za-z_$]/.test(char)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))?.[0] ?? char;
      i += text.length;
      tokens.push({ kind: 'name', value: text, start, end: i });
      continue;
    }
    if (char === '"' || char === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= source.length) throw syntaxError(source, start, 'the string is not closed');
        const c = source.charAt(i);
        if (c === char) break;
        if (c === '\n') throw syntaxError(source, i, 'a string cannot span lines');
        if (c === '\\') {
          const next = source.charAt(i + 1);
          if (next === 'u') {
            const hex = source.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex))
              throw syntaxError(source, i, 'a \\u escape needs four hex digits');
            value += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            continue;
          }
          value += ESCAPES[next] ?? next;
          i += 2;
          continue;
        }
        value += c;
        i += 1;
      }
      i += 1;
      tokens.push({ kind: 'string', value, start, end: i });
      continue;
    }
    // `a?.5:1` is a conditional, not optional chaining (the JavaScript rule the docs' `?.` follows).
    const punct = PUNCTUATION.find(
      (p) => source.startsWith(p, i) && !(p === '?.' && /[0-9]/.test(source.charAt(i + 2))),
    );
    if (punct === undefined) throw syntaxError(source, i, `unexpected character '${char}'`);
    i += punct.length;
    tokens.push({ kind: 'punct', value: punct, start, end: i });
  }
  tokens.push({ kind: 'end', value: '', start: source.length, end: source.length });
  return tokens;
}
