// Parses JQL text into the syntax tree of jql/ast.ts.
import type { ClauseOperator, Expression, JqlQuery, Operand, SortKey } from './ast';
import { jqlSyntaxError, JqlError } from './errors';
import { tokenize, type Token } from './lexer';

const MAX_SORT_FIELDS = 7;

const isKeyword = (token: Token | undefined, keyword: string): boolean =>
  token?.kind === 'word' && token.text.toUpperCase() === keyword;

/** Recursive descent over the JQL subset: clauses, AND/OR/NOT, parentheses, IN lists, IS EMPTY, ORDER BY. */
class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): JqlQuery {
    const where = this.atEnd() || isKeyword(this.peek(), 'ORDER') ? undefined : this.orExpression();
    const orderBy = isKeyword(this.peek(), 'ORDER') ? this.orderBy() : [];
    if (!this.atEnd()) {
      const token = this.peek();
      throw jqlSyntaxError(
        `Expecting either 'OR' or 'AND' but got '${token?.text ?? ''}'.`,
        token?.position ?? this.length,
      );
    }
    return where ? { where, orderBy } : { orderBy };
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  private atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  private next(expecting: string): Token {
    const token = this.tokens[this.index];
    if (!token) throw jqlSyntaxError(`Expecting ${expecting} but reached the end of the query.`, this.length);
    this.index += 1;
    return token;
  }

  private orExpression(): Expression {
    let left = this.andExpression();
    while (isKeyword(this.peek(), 'OR') || this.peek()?.text === '||') {
      this.index += 1;
      left = { kind: 'or', left, right: this.andExpression() };
    }
    return left;
  }

  private andExpression(): Expression {
    let left = this.notExpression();
    while (isKeyword(this.peek(), 'AND') || this.peek()?.text === '&&') {
      this.index += 1;
      left = { kind: 'and', left, right: this.notExpression() };
    }
    return left;
  }

  private notExpression(): Expression {
    if (isKeyword(this.peek(), 'NOT')) {
      this.index += 1;
      return { kind: 'not', expression: this.notExpression() };
    }
    if (this.peek()?.kind === 'lparen') {
      this.index += 1;
      const inner = this.orExpression();
      const close = this.next("')'");
      if (close.kind !== 'rparen')
        throw jqlSyntaxError(`Expecting ')' but got '${close.text}'.`, close.position);
      return inner;
    }
    return this.clause();
  }

  private clause(): Expression {
    const fieldToken = this.next('a field name');
    if (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') {
      throw jqlSyntaxError(`Expecting a field name but got '${fieldToken.text}'.`, fieldToken.position);
    }
    const field = fieldToken.text;
    const operator = this.operator();
    if (operator === 'in' || operator === 'not in') {
      // `sprint in openSprints()`: a list function stands where the parenthesised list would.
      const isFunction = this.peek()?.kind === 'word' && this.peek(1)?.kind === 'lparen';
      return { kind: 'clause', field, operator, operands: isFunction ? [this.operand()] : this.list() };
    }
    if (operator === 'is' || operator === 'is not') {
      const token = this.next("'EMPTY'");
      if (!isKeyword(token, 'EMPTY') && !isKeyword(token, 'NULL')) {
        throw jqlSyntaxError(`Expecting 'EMPTY' or 'NULL' but got '${token.text}'.`, token.position);
      }
      return { kind: 'clause', field, operator, operands: [{ kind: 'empty' }] };
    }
    return { kind: 'clause', field, operator, operands: [this.operand()] };
  }

  private operator(): ClauseOperator {
    const token = this.next('an operator');
    if (token.kind === 'operator') return token.text;
    if (isKeyword(token, 'IN')) return 'in';
    if (isKeyword(token, 'NOT') && isKeyword(this.peek(), 'IN')) {
      this.index += 1;
      return 'not in';
    }
    if (isKeyword(token, 'IS')) {
      if (isKeyword(this.peek(), 'NOT')) {
        this.index += 1;
        return 'is not';
      }
      return 'is';
    }
    throw jqlSyntaxError(`Expecting operator but got '${token.text}'.`, token.position);
  }

  private list(): Operand[] {
    const open = this.next("'('");
    if (open.kind !== 'lparen') throw jqlSyntaxError(`Expecting '(' but got '${open.text}'.`, open.position);
    const operands = [this.operand()];
    while (this.peek()?.kind === 'comma') {
      this.index += 1;
      operands.push(this.operand());
    }
    const close = this.next("')'");
    if (close.kind !== 'rparen')
      throw jqlSyntaxError(`Expecting ')' but got '${close.text}'.`, close.position);
    return operands;
  }

  private operand(): Operand {
    const token = this.next('a value');
    if (token.kind === 'string') return { kind: 'value', text: token.text };
    if (token.kind !== 'word')
      throw jqlSyntaxError(`Expecting a value but got '${token.text}'.`, token.position);
    if (isKeyword(token, 'EMPTY') || isKeyword(token, 'NULL')) return { kind: 'empty' };
    if (this.peek()?.kind === 'lparen') {
      this.index += 1;
      const args: string[] = [];
      while (this.peek() && this.peek()?.kind !== 'rparen') {
        const arg = this.next('a function argument');
        if (arg.kind === 'word' || arg.kind === 'string') args.push(arg.text);
      }
      this.next("')'");
      return { kind: 'function', name: token.text, args };
    }
    return { kind: 'value', text: token.text };
  }

  private orderBy(): SortKey[] {
    this.index += 1;
    const by = this.next("'by'");
    if (!isKeyword(by, 'BY')) throw jqlSyntaxError(`Expecting 'by' but got '${by.text}'.`, by.position);
    const keys: SortKey[] = [];
    do {
      if (keys.length > 0) this.index += 1;
      const field = this.next('a field name');
      if (field.kind !== 'word' && field.kind !== 'string') {
        throw jqlSyntaxError(`Expecting a field name but got '${field.text}'.`, field.position);
      }
      let direction: SortKey['direction'] = 'asc';
      if (isKeyword(this.peek(), 'ASC') || isKeyword(this.peek(), 'DESC')) {
        direction = this.next('a direction').text.toLowerCase() === 'desc' ? 'desc' : 'asc';
      }
      keys.push({ field: field.text, direction });
    } while (this.peek()?.kind === 'comma');
    if (keys.length > MAX_SORT_FIELDS)
      throw new JqlError(`The ORDER BY clause can contain at most ${MAX_SORT_FIELDS} fields.`);
    return keys;
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql), jql.length).parse();
}
