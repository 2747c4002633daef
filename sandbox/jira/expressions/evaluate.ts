// Evaluates a parsed Jira expression against the emulator's state and meters it as Jira does: steps, expensive
// operations (loading comments or entity properties), and the Jira REST API objects ("beans") and primitive values
// in the answer, each against its limit (the figures of the spec's example answer for
// POST /rest/api/3/expression/evaluate, docs/jira-limits.md). An expression past a limit fails, as on Jira.
import type { JiraCore } from '../service/core';
import type { Json, JsonObject } from '../state/json';
import { countNodes, type Node } from './ast';
import { evaluationError, ExpressionError } from './errors';
import { parseExpression } from './parser';
import { Entity, EntityPropertiesValue, Lambda, MapValue, type EntityHost, type Value } from './values';

export const COMPLEXITY_LIMITS = {
  steps: 10_000,
  expensiveOperations: 10,
  beans: 1_000,
  primitiveValues: 10_000,
} as const;

/** Expressions are limited to 1,000 characters (https://developer.atlassian.com/cloud/jira/platform/jira-expressions/). */
export const MAX_EXPRESSION_LENGTH = 1_000;

export const COMPLEXITY_MEASURES = ['steps', 'expensiveOperations', 'beans', 'primitiveValues'] as const;

export type Complexity = { [K in keyof typeof COMPLEXITY_LIMITS]: number };

export interface Evaluation {
  value: Json;
  complexity: Complexity;
  /** syntax nodes of the expression (for the emulator's own reports; Jira does not answer it) */
  nodes: number;
}

/** Thrown by a `?.` whose left side is null; the chain it belongs to evaluates to null. */
class ShortCircuit extends Error {}
const SHORT_CIRCUIT = new ShortCircuit();

type Method = (args: Value[]) => Value;

export function typeName(value: Value): string {
  if (value === null) return 'Null';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  if (value instanceof MapValue) return 'Map';
  if (value instanceof Lambda) return 'Function';
  return value.typeName;
}

function truthy(value: Value): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  return !(typeof value === 'number' && Number.isNaN(value));
}

function equal(a: Value, b: Value): boolean {
  if (a instanceof Entity && b instanceof Entity) return a.identity() === b.identity();
  return a === b;
}

class Interpreter implements EntityHost {
  steps = 0;
  expensiveOperations = 0;

  constructor(
    readonly core: JiraCore,
    private readonly source: string,
  ) {}

  expensive(): void {
    this.expensiveOperations += 1;
    if (this.expensiveOperations > COMPLEXITY_LIMITS.expensiveOperations) {
      throw new ExpressionError(
        `Evaluation failed: the expression executed more than ${COMPLEXITY_LIMITS.expensiveOperations} expensive ` +
          'operations (operations that load data, such as comments or entity properties).',
      );
    }
  }

  private step(): void {
    this.steps += 1;
    if (this.steps > COMPLEXITY_LIMITS.steps) {
      throw new ExpressionError(
        `Evaluation failed: the expression took more than ${COMPLEXITY_LIMITS.steps} steps to evaluate.`,
      );
    }
  }

  private fragment(node: Node): string {
    return this.source.slice(node.start, node.end);
  }

  evaluate(node: Node, scope: ReadonlyMap<string, Value>): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'identifier': {
        this.step();
        const value = scope.get(node.name);
        if (value === undefined)
          throw evaluationError(node.name, `the variable "${node.name}" is not available in this context`);
        return value;
      }
      case 'member': {
        this.step();
        const object = this.evaluate(node.object, scope);
        if (object === null) {
          if (node.optional) throw SHORT_CIRCUIT;
          throw evaluationError(
            this.fragment(node),
            `${this.fragment(node.object)} is null (use ?. to allow null)`,
          );
        }
        const key = typeof node.property === 'string' ? node.property : this.evaluate(node.property, scope);
        return this.member(node, object, key);
      }
      case 'call':
        this.step();
        return this.call(node, scope);
      case 'chain':
        try {
          return this.evaluate(node.expression, scope);
        } catch (error) {
          if (error === SHORT_CIRCUIT) return null;
          throw error;
        }
      case 'arrow':
        return new Lambda(node.params, node.body, scope, this.fragment(node));
      case 'object':
        return new MapValue(
          new Map(node.entries.map((entry) => [entry.key, this.evaluate(entry.value, scope)])),
        );
      case 'list':
        return node.items.map((item) => this.evaluate(item, scope));
      case 'unary': {
        this.step();
        const operand = this.evaluate(node.operand, scope);
        if (node.operator === '!') return !truthy(operand);
        if (node.operator === 'typeof') return typeName(operand);
        if (typeof operand !== 'number')
          throw evaluationError(this.fragment(node), `'-' needs a Number, not ${typeName(operand)}`);
        return -operand;
      }
      case 'binary':
        this.step();
        return this.binary(node, this.evaluate(node.left, scope), this.evaluate(node.right, scope));
      case 'logical': {
        this.step();
        const left = this.evaluate(node.left, scope);
        if (node.operator === '&&') return truthy(left) ? this.evaluate(node.right, scope) : left;
        return truthy(left) ? left : this.evaluate(node.right, scope);
      }
      case 'conditional':
        this.step();
        return truthy(this.evaluate(node.test, scope))
          ? this.evaluate(node.consequent, scope)
          : this.evaluate(node.alternate, scope);
    }
  }

  private member(node: Node, object: Value, key: Value): Value {
    if (Array.isArray(object) || typeof object === 'string') {
      if (key === 'length') return object.length;
      if (typeof key === 'number' && Number.isInteger(key)) {
        // Like JavaScript, an index outside the list reads as nothing (null here).
        return object[key < 0 ? object.length + key : key] ?? null;
      }
    } else if (object instanceof MapValue) {
      if (typeof key === 'string') return object.entries.get(key) ?? null;
    } else if (object instanceof EntityPropertiesValue) {
      if (typeof key === 'string') return object.property(key);
    } else if (object instanceof Entity && typeof key === 'string') {
      const value = object.property(key, this);
      if (value !== undefined) return value;
      const available = object.propertyNames.map((name) => `'${name}'`).join(', ');
      throw evaluationError(
        this.fragment(node),
        `Unrecognized property of \`${object.typeName}\`: "${key}". Available properties of type '${object.typeName}' ` +
          `are: ${available}`,
      );
    }
    throw evaluationError(this.fragment(node), `${typeName(object)} has no property ${JSON.stringify(key)}`);
  }

  private call(node: Extract<Node, { kind: 'call' }>, scope: ReadonlyMap<string, Value>): Value {
    const callee = node.callee;
    if (callee.kind !== 'member' || typeof callee.property !== 'string')
      throw evaluationError(
        this.fragment(node),
        'only methods of a value can be called (e.g. list.map(x => x.id))',
      );
    const receiver = this.evaluate(callee.object, scope);
    if (receiver === null) {
      if (callee.optional || node.optional) throw SHORT_CIRCUIT;
      throw evaluationError(
        this.fragment(node),
        `${this.fragment(callee.object)} is null (use ?. to allow null)`,
      );
    }
    const method = this.method(receiver, callee.property);
    if (!method)
      throw evaluationError(this.fragment(node), `${typeName(receiver)} has no method "${callee.property}"`);
    return method(node.args.map((arg) => this.evaluate(arg, scope)));
  }

  private method(receiver: Value, name: string): Method | undefined {
    if (Array.isArray(receiver)) return this.listMethod(receiver, name);
    if (typeof receiver === 'string') return stringMethod(receiver, name);
    if (receiver instanceof Entity) return receiver.method(name);
    return undefined;
  }

  private invoke(fn: Value, args: Value[]): Value {
    if (!(fn instanceof Lambda))
      throw new ExpressionError(`Evaluation failed: ${typeName(fn)} is not a function`);
    const scope = new Map(fn.scope);
    fn.params.forEach((param, index) => scope.set(param, args[index] ?? null));
    return this.evaluate(fn.body, scope);
  }

  private listMethod(list: Value[], name: string): Method | undefined {
    switch (name) {
      case 'filter':
        return ([fn = null]) => list.filter((item, index) => truthy(this.invoke(fn, [item, index])));
      case 'map':
        return ([fn = null]) => list.map((item, index) => this.invoke(fn, [item, index]));
      case 'some':
        return ([fn = null]) => list.some((item, index) => truthy(this.invoke(fn, [item, index])));
      case 'every':
        return ([fn = null]) => list.every((item, index) => truthy(this.invoke(fn, [item, index])));
      case 'includes':
        return ([value = null]) => list.some((item) => equal(item, value));
      case 'slice':
        return ([from = null, to = null]) =>
          list.slice(typeof from === 'number' ? from : 0, typeof to === 'number' ? to : undefined);
      default:
        return undefined;
    }
  }

  private binary(node: Extract<Node, { kind: 'binary' }>, left: Value, right: Value): Value {
    switch (node.operator) {
      case '==':
        return equal(left, right);
      case '!=':
        return !equal(left, right);
      case '+':
        if (typeof left === 'number' && typeof right === 'number') return left + right;
        if (typeof left === 'string' || typeof right === 'string') {
          if (isText(left) && isText(right)) return `${left}${right}`;
        }
        break;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (
          (typeof left === 'number' && typeof right === 'number') ||
          (typeof left === 'string' && typeof right === 'string')
        ) {
          if (node.operator === '<') return left < right;
          if (node.operator === '<=') return left <= right;
          if (node.operator === '>') return left > right;
          return left >= right;
        }
        break;
      default:
        if (typeof left === 'number' && typeof right === 'number') {
          if (node.operator === '-') return left - right;
          if (node.operator === '*') return left * right;
          if (node.operator === '/') return left / right;
          return left % right;
        }
    }
    throw evaluationError(
      this.fragment(node),
      `'${node.operator}' cannot combine ${typeName(left)} and ${typeName(right)}`,
    );
  }
}

function isText(value: Value): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function stringMethod(text: string, name: string): Method | undefined {
  switch (name) {
    case 'includes':
      return ([part = null]) => typeof part === 'string' && text.includes(part);
    case 'slice':
      return ([from = null, to = null]) =>
        text.slice(typeof from === 'number' ? from : 0, typeof to === 'number' ? to : undefined);
    case 'toLowerCase':
      return () => text.toLowerCase();
    case 'toUpperCase':
      return () => text.toUpperCase();
    case 'trim':
      return () => text.trim();
    default:
      return undefined;
  }
}

/** The answer's JSON, counting the beans and primitive values in it. */
function toJson(value: Value, host: EntityHost, counts: { beans: number; primitiveValues: number }): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    counts.primitiveValues += 1;
    return value;
  }
  if (typeof value === 'number') {
    counts.primitiveValues += 1;
    return Number.isFinite(value) ? value : null;
  }
  if (Array.isArray(value)) return value.map((item) => toJson(item, host, counts));
  if (value instanceof MapValue) {
    const json: JsonObject = {};
    for (const [key, item] of value.entries) json[key] = toJson(item, host, counts);
    return json;
  }
  if (value instanceof Lambda) {
    // The spec: an expression that returns a function answers "a simple string representation".
    counts.primitiveValues += 1;
    return value.source;
  }
  const rendered = value.render(host);
  if (rendered.bean) counts.beans += 1;
  else counts.primitiveValues += 1;
  return rendered.json;
}

/** Parses and evaluates `source` with the given context variables; ExpressionError when Jira would refuse it. */
export function evaluateExpression(
  core: JiraCore,
  source: string,
  variables: (host: EntityHost) => ReadonlyMap<string, Value>,
): Evaluation {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `Jira expression is invalid: it is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}.`,
    );
  }
  const tree = parseExpression(source);
  const interpreter = new Interpreter(core, source);
  const result = interpreter.evaluate(tree, variables(interpreter));
  const counts = { beans: 0, primitiveValues: 0 };
  const value = toJson(result, interpreter, counts);
  for (const measure of ['beans', 'primitiveValues'] as const) {
    if (counts[measure] > COMPLEXITY_LIMITS[measure]) {
      throw new ExpressionError(
        `Evaluation failed: the result holds ${counts[measure]} ${measure === 'beans' ? 'Jira REST API objects' : 'primitive values'}; ` +
          `the limit is ${COMPLEXITY_LIMITS[measure]}.`,
      );
    }
  }
  return {
    value,
    complexity: {
      steps: interpreter.steps,
      expensiveOperations: interpreter.expensiveOperations,
      ...counts,
    },
    nodes: countNodes(tree),
  };
}
