// Splits JQL text into words, quoted strings, operators, parentheses and commas.
import { jqlSyntaxError } from './errors';

export type Token =
  | { kind: 'word'; text: string; position: number }
  | { kind: 'string'; text: string; position: number }
  | { kind: 'operator'; text: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~'; position: number }
  | { kind: 'lparen' | 'rparen' | 'comma'; text: string; position: number };

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'] as const;
const WORD_BREAK = /[\s=!<>~(),"']/;

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const char = jql.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({
        kind: char === '(' ? 'lparen' : char === ')' ? 'rparen' : 'comma',
        text: char,
        position: i,
      });
      i += 1;
      continue;
    }
    const operator = OPERATORS.find((op) => jql.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator, position: i });
      i += operator.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const start = i;
      let text = '';
      i += 1;
      while (i < jql.length && jql.charAt(i) !== char) {
        if (jql.charAt(i) === '\\' && i + 1 < jql.length) i += 1;
        text += jql.charAt(i);
        i += 1;
      }
      if (i >= jql.length)
        throw jqlSyntaxError(`The quoted string ${jql.slice(start)} has not been completed.`, start);
      tokens.push({ kind: 'string', text, position: start });
      i += 1;
      continue;
    }
    const start = i;
    while (i < jql.length && !WORD_BREAK.test(jql.charAt(i))) i += 1;
    if (i === start) throw jqlSyntaxError(`The character '${char}' is a reserved JQL character.`, start);
    tokens.push({ kind: 'word', text: jql.slice(start, i), position: start });
  }
  return tokens;
}
