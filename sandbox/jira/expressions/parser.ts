// Parses the Jira expression subset into a syntax tree (ast.ts): member access (static, computed, optional `?.`),
// calls, arrow functions (`c => …`, `(a, b) => …`; a body in braces is an object literal, as in the docs' own
// example `issue.comments.map(c => { id: c.id, … })`), object and list literals, `!`, `-`, `typeof`, arithmetic,
// comparisons, `==`/`!=`, `&&`/`||` and `?:`. What Jira has but the emulator does not model (`new`, `let`, `===`,
// template strings…) is refused by name rather than misread.
import type { BinaryOperator, Node } from './ast';
import { syntaxError } from './errors';
import { tokenize, type Token } from './lexer';

const UNSUPPORTED_WORDS = new Set(['new', 'let', 'const', 'var', 'function', 'return', 'if', 'else', 'this']);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);

const BINARY_OPERATORS: readonly BinaryOperator[] = [
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
];

function isBinaryOperator(value: string): value is BinaryOperator {
  return BINARY_OPERATORS.some((operator) => operator === value);
}

class Parser {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): Node {
    if (this.peek().kind === 'end') throw this.error(this.peek(), 'the expression is empty');
    const node = this.expression();
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.error(rest, `unexpected '${this.text(rest)}'`);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] ?? this.endToken();
  }

  private endToken(): Token {
    return { kind: 'end', value: '', start: this.source.length, end: this.source.length };
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'punct' && token.value === value;
  }

  private expect(value: string): Token {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value)
      throw this.error(token, `expected '${value}' but found ${this.describe(token)}`);
    return token;
  }

  private text(token: Token): string {
    return this.source.slice(token.start, token.end);
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? 'the end of the expression' : `'${this.text(token)}'`;
  }

  private error(token: Token, message: string) {
    return syntaxError(this.source, token.start, message);
  }

  /** Where the last token taken ends: the end of the node just parsed. */
  private end(): number {
    return this.tokens[this.index - 1]?.end ?? 0;
  }

  private expression(): Node {
    return this.conditional();
  }

  private conditional(): Node {
    const start = this.peek().start;
    const test = this.logical('||');
    if (!this.isPunct('?')) return test;
    this.next();
    const consequent = this.conditional();
    this.expect(':');
    const alternate = this.conditional();
    return { kind: 'conditional', test, consequent, alternate, start, end: this.end() };
  }

  private logical(operator: '&&' | '||'): Node {
    const start = this.peek().start;
    const operand = (): Node => (operator === '||' ? this.logical('&&') : this.equality());
    let left = operand();
    while (this.isPunct(operator)) {
      this.next();
      const right = operand();
      left = { kind: 'logical', operator, left, right, start, end: this.end() };
    }
    return left;
  }

  private binaryLevel(operators: Set<string>, operand: () => Node): Node {
    const start = this.peek().start;
    let left = operand();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'punct' && (token.value === '===' || token.value === '!=='))
        throw this.error(token, `'${token.value}' is not supported by the emulator: use '==' or '!='`);
      if (token.kind !== 'punct' || !operators.has(token.value) || !isBinaryOperator(token.value))
        return left;
      this.next();
      const right = operand();
      left = { kind: 'binary', operator: token.value, left, right, start, end: this.end() };
    }
  }

  private equality(): Node {
    return this.binaryLevel(new Set(['==', '!=']), () => this.relational());
  }

  private relational(): Node {
    return this.binaryLevel(RELATIONAL, () => this.additive());
  }

  private additive(): Node {
    return this.binaryLevel(new Set(['+', '-']), () => this.multiplicative());
  }

  private multiplicative(): Node {
    return this.binaryLevel(new Set(['*', '/', '%']), () => this.unary());
  }

  private unary(): Node {
    const token = this.peek();
    if (token.kind === 'punct' && (token.value === '!' || token.value === '-')) {
      this.next();
      const operand = this.unary();
      return { kind: 'unary', operator: token.value, operand, start: token.start, end: this.end() };
    }
    if (token.kind === 'name' && token.value === 'typeof') {
      this.next();
      const operand = this.unary();
      return { kind: 'unary', operator: 'typeof', operand, start: token.start, end: this.end() };
    }
    return this.postfix();
  }

  private postfix(): Node {
    const start = this.peek().start;
    let node = this.primary();
    let optionalSeen = false;
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const name = this.name();
        node = { kind: 'member', object: node, property: name, optional: false, start, end: this.end() };
      } else if (this.isPunct('?.')) {
        this.next();
        optionalSeen = true;
        if (this.isPunct('[')) {
          node = this.computed(start, node, true);
        } else if (this.isPunct('(')) {
          node = { kind: 'call', callee: node, args: this.args(), optional: true, start, end: this.end() };
        } else {
          const name = this.name();
          node = { kind: 'member', object: node, property: name, optional: true, start, end: this.end() };
        }
      } else if (this.isPunct('[')) {
        node = this.computed(start, node, false);
      } else if (this.isPunct('(')) {
        node = { kind: 'call', callee: node, args: this.args(), optional: false, start, end: this.end() };
      } else {
        return optionalSeen ? { kind: 'chain', expression: node, start, end: this.end() } : node;
      }
    }
  }

  private computed(start: number, object: Node, optional: boolean): Node {
    this.expect('[');
    const property = this.expression();
    this.expect(']');
    return { kind: 'member', object, property, optional, start, end: this.end() };
  }

  private name(): string {
    const token = this.next();
    if (token.kind !== 'name')
      throw this.error(token, `expected a property name but found ${this.describe(token)}`);
    return token.value;
  }

  private args(): Node[] {
    this.expect('(');
    const args: Node[] = [];
    while (!this.isPunct(')')) {
      args.push(this.expression());
      if (!this.isPunct(')')) this.expect(',');
    }
    this.expect(')');
    return args;
  }

  private arrowAhead(): boolean {
    if (this.peek().kind === 'name' && this.isPunct('=>', 1)) return true;
    if (!this.isPunct('(')) return false;
    // `(` name (`,` name)* `)` `=>`, or `()` `=>`
    let offset = 1;
    if (this.isPunct(')', offset)) return this.isPunct('=>', offset + 1);
    for (;;) {
      if (this.peek(offset).kind !== 'name') return false;
      offset += 1;
      if (this.isPunct(')', offset)) return this.isPunct('=>', offset + 1);
      if (!this.isPunct(',', offset)) return false;
      offset += 1;
    }
  }

  private arrow(): Node {
    const start = this.peek().start;
    const params: string[] = [];
    if (this.isPunct('(')) {
      this.next();
      while (!this.isPunct(')')) {
        params.push(this.name());
        if (!this.isPunct(')')) this.expect(',');
      }
      this.next();
    } else {
      params.push(this.name());
    }
    this.expect('=>');
    const body = this.isPunct('{') ? this.objectLiteral() : this.conditional();
    return { kind: 'arrow', params, body, start, end: this.end() };
  }

  private objectLiteral(): Node {
    const start = this.expect('{').start;
    const entries: Array<{ key: string; value: Node }> = [];
    while (!this.isPunct('}')) {
      const keyToken = this.next();
      if (keyToken.kind !== 'name' && keyToken.kind !== 'string')
        throw this.error(keyToken, `expected a key but found ${this.describe(keyToken)}`);
      if (!this.isPunct(':'))
        throw this.error(
          this.peek(),
          `expected ':' after the key '${keyToken.value}' (shorthand keys are not supported)`,
        );
      this.next();
      entries.push({ key: keyToken.value, value: this.expression() });
      if (!this.isPunct('}')) this.expect(',');
    }
    this.next();
    return { kind: 'object', entries, start, end: this.end() };
  }

  private primary(): Node {
    if (this.arrowAhead()) return this.arrow();
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value, start: token.start, end: this.end() };
      case 'name':
        if (token.value === 'true' || token.value === 'false')
          return { kind: 'literal', value: token.value === 'true', start: token.start, end: this.end() };
        if (token.value === 'null')
          return { kind: 'literal', value: null, start: token.start, end: this.end() };
        if (UNSUPPORTED_WORDS.has(token.value))
          throw this.error(
            token,
            `'${token.value}' is not supported by the emulator's Jira expression evaluator`,
          );
        return { kind: 'identifier', name: token.value, start: token.start, end: this.end() };
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.value === '{') {
          this.index -= 1;
          return this.objectLiteral();
        }
        if (token.value === '[') {
          const items: Node[] = [];
          while (!this.isPunct(']')) {
            items.push(this.expression());
            if (!this.isPunct(']')) this.expect(',');
          }
          this.next();
          return { kind: 'list', items, start: token.start, end: this.end() };
        }
        throw this.error(token, `unexpected '${token.value}'`);
      case 'end':
        throw this.error(token, 'the expression ends too early');
    }
  }
}

export function parseExpression(source: string): Node {
  return new Parser(source, tokenize(source)).parseAll();
}
