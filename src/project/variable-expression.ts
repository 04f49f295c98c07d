/**
 * The expressions inside Serverless Devs' `${…}`: calls of its functions, dotted names, string and number literals,
 * `a || b`, and a member of a call's value (`${json(file('./x.json')).key}`). What a dialect makes of them is
 * `variables.ts`'s concern; this file only reads them.
 */

export type Segment = string | number;

export type Expression =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'path'; segments: Segment[] }
  | { kind: 'call'; name: string; args: Expression[] }
  /** A member of a computed value: `json(…).key`. */
  | { kind: 'member'; object: Expression; segments: Segment[] }
  | { kind: 'or'; left: Expression; right: Expression };

/** Text that is no expression of this grammar. */
export class ExpressionSyntaxError extends Error {
  constructor(expression: string) {
    super(`"${expression}" is not an expression fc-sim reads`);
  }
}

type Token = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'punct'; value: string };

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < expression.length) {
    const char = expression[at]!;
    if (/\s/.test(char)) {
      at++;
    } else if (char === "'" || char === '"' || char === '`') {
      const end = expression.indexOf(char, at + 1);
      if (end < 0) throw new ExpressionSyntaxError(expression);
      tokens.push({ kind: 'string', value: expression.slice(at + 1, end) });
      at = end + 1;
    } else if (/[0-9]/.test(char)) {
      const number = /^[0-9]+(\.[0-9]+)?/.exec(expression.slice(at))![0];
      tokens.push({ kind: 'number', value: Number(number) });
      at += number.length;
    } else if (/[A-Za-z_$-]/.test(char)) {
      // Resource names may hold dashes (`${resources.my-api.props.x}`), as the parser's lodash paths allow.
      const name = /^[A-Za-z_$][\w$-]*/.exec(expression.slice(at))?.[0];
      if (!name) throw new ExpressionSyntaxError(expression);
      tokens.push({ kind: 'name', value: name });
      at += name.length;
    } else if (expression.startsWith('||', at)) {
      tokens.push({ kind: 'punct', value: '||' });
      at += 2;
    } else if ('.()[],'.includes(char)) {
      tokens.push({ kind: 'punct', value: char });
      at++;
    } else {
      throw new ExpressionSyntaxError(expression);
    }
  }
  return tokens;
}

/** The expression `text` holds; throws {@link ExpressionSyntaxError} for anything else. */
export function parseExpression(text: string): Expression {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (value: string) => tokens[at]?.kind === 'punct' && tokens[at]!.value === value;
  const expect = (value: string) => {
    if (!peek(value)) throw new ExpressionSyntaxError(text);
    at++;
  };
  /** `.name`, `.0` and `[index]` steps after a name or a call. */
  const members = (): Segment[] => {
    const segments: Segment[] = [];
    for (;;) {
      const next = tokens[at + 1];
      if (peek('.') && (next?.kind === 'name' || next?.kind === 'number')) {
        segments.push(String(next.value));
        at += 2;
      } else if (peek('[')) {
        at++;
        const index = tokens[at++];
        if (!index || (index.kind !== 'string' && index.kind !== 'number')) throw new ExpressionSyntaxError(text);
        segments.push(index.value);
        expect(']');
      } else return segments;
    }
  };
  const primary = (): Expression => {
    const token = tokens[at++];
    if (!token) throw new ExpressionSyntaxError(text);
    if (token.kind === 'string' || token.kind === 'number') return { kind: 'literal', value: token.value };
    if (token.kind !== 'name') throw new ExpressionSyntaxError(text);
    if ((token.value === 'true' || token.value === 'false') && !peek('.')) return { kind: 'literal', value: token.value === 'true' };
    if (peek('(')) {
      at++;
      const args: Expression[] = [];
      while (!peek(')')) {
        args.push(or());
        if (!peek(')')) expect(',');
      }
      expect(')');
      const call: Expression = { kind: 'call', name: token.value, args };
      const segments = members();
      return segments.length === 0 ? call : { kind: 'member', object: call, segments };
    }
    return { kind: 'path', segments: [token.value, ...members()] };
  };
  const or = (): Expression => {
    let left = primary();
    while (peek('||')) {
      at++;
      left = { kind: 'or', left, right: primary() };
    }
    return left;
  };
  const result = or();
  if (at !== tokens.length) throw new ExpressionSyntaxError(text);
  return result;
}
