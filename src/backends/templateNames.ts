import Handlebars from 'handlebars';

/**
 * Names a template uses that its data does not have. Handlebars' strict mode catches a
 * misspelt `{{pseudonyn}}` only when rendered, and not at all as a helper argument
 * (`{{json transcrpt}}` quietly sends null), so templates are checked against the real
 * data of a case before any call.
 */
export interface UnknownName {
  name: string;
  line: number;
}

const BUILTIN_HELPERS = new Set(['each', 'if', 'unless', 'with', 'lookup', 'log']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function unknownTemplateNames(source: string, data: Record<string, unknown>, helpers: readonly string[] = []): UnknownName[] {
  const known = new Set([...BUILTIN_HELPERS, ...helpers]);
  const found: UnknownName[] = [];
  const ast = Handlebars.parse(source);

  /** Checks a path in the context; returns the value it names, when it can tell. */
  const check = (p: hbs.AST.Expression, ctx: unknown): unknown => {
    if (p.type !== 'PathExpression') return undefined;
    const path = p as hbs.AST.PathExpression;
    // @index and friends, `this`, and `../name` (the parent, not tracked) are fine.
    if (path.data || path.depth > 0 || path.parts.length === 0) return path.parts.length === 0 ? ctx : undefined;
    const head = path.parts[0]!;
    if (!isObject(ctx) || !(head in ctx)) {
      found.push({ name: path.original, line: path.loc.start.line });
      return undefined;
    }
    let value: unknown = ctx[head];
    for (const part of path.parts.slice(1)) value = isObject(value) ? value[part] : undefined;
    return value;
  };

  const call = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, ctx: unknown): unknown[] => {
    const isHelperCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'BlockStatement';
    const values = node.params.map((p) => walkExpr(p, ctx));
    for (const pair of node.hash?.pairs ?? []) walkExpr(pair.value, ctx);
    if (isHelperCall) {
      const name = (node.path as hbs.AST.PathExpression).original;
      if (!known.has(name) && node.path.type === 'PathExpression') found.push({ name, line: node.loc.start.line });
    } else check(node.path, ctx);
    return values;
  };

  const walkExpr = (e: hbs.AST.Expression, ctx: unknown): unknown =>
    e.type === 'SubExpression' ? (call(e as hbs.AST.SubExpression, ctx), undefined) : check(e, ctx);

  const walk = (program: hbs.AST.Program | undefined, ctx: unknown): void => {
    for (const st of program?.body ?? []) {
      if (st.type === 'MustacheStatement') call(st as hbs.AST.MustacheStatement, ctx);
      else if (st.type === 'BlockStatement') {
        const block = st as hbs.AST.BlockStatement;
        const [arg] = call(block, ctx);
        const name = block.path.original;
        // Inside each/with the context is the item: check against the first one.
        const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : isObject(v) ? Object.values(v)[0] : undefined);
        const inner = name === 'each' ? first(arg) : name === 'with' ? arg : ctx;
        walk(block.program, inner ?? {});
        walk(block.inverse, ctx);
      }
    }
  };
  walk(ast, data);
  return found;
}
