// The syntax tree of the Jira expression subset the emulator evaluates (docs/jira-limits.md, "Jira expressions").
// Every node keeps its place in the source so an evaluation error can quote the sub-expression, as Jira does.

export interface Span {
  start: number;
  end: number;
}

export type BinaryOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Node = Span &
  (
    | { kind: 'literal'; value: string | number | boolean | null }
    | { kind: 'identifier'; name: string }
    /** `a.b`, `a?.b`, `a[b]`, `a?.[b]`: `property` is the name for static access, a node for computed access */
    | { kind: 'member'; object: Node; property: string | Node; optional: boolean }
    | { kind: 'call'; callee: Node; args: Node[]; optional: boolean }
    /** the outermost node of a chain holding `?.`: a null before a `?.` makes the whole chain null, as in JavaScript */
    | { kind: 'chain'; expression: Node }
    | { kind: 'arrow'; params: string[]; body: Node }
    | { kind: 'object'; entries: Array<{ key: string; value: Node }> }
    | { kind: 'list'; items: Node[] }
    | { kind: 'unary'; operator: '!' | '-' | 'typeof'; operand: Node }
    | { kind: 'binary'; operator: BinaryOperator; left: Node; right: Node }
    | { kind: 'logical'; operator: '&&' | '||'; left: Node; right: Node }
    | { kind: 'conditional'; test: Node; consequent: Node; alternate: Node }
  );

/** How many syntax nodes an expression has (reported beside the complexity figures). */
export function countNodes(node: Node): number {
  switch (node.kind) {
    case 'literal':
    case 'identifier':
      return 1;
    case 'member':
      return (
        1 + countNodes(node.object) + (typeof node.property === 'string' ? 0 : countNodes(node.property))
      );
    case 'call':
      return 1 + countNodes(node.callee) + node.args.reduce((sum, arg) => sum + countNodes(arg), 0);
    case 'chain':
      return countNodes(node.expression);
    case 'arrow':
      return 1 + countNodes(node.body);
    case 'object':
      return 1 + node.entries.reduce((sum, entry) => sum + countNodes(entry.value), 0);
    case 'list':
      return 1 + node.items.reduce((sum, item) => sum + countNodes(item), 0);
    case 'unary':
      return 1 + countNodes(node.operand);
    case 'binary':
    case 'logical':
      return 1 + countNodes(node.left) + countNodes(node.right);
    case 'conditional':
      return 1 + countNodes(node.test) + countNodes(node.consequent) + countNodes(node.alternate);
  }
}
