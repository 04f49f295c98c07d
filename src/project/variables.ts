/**
 * Serverless Devs and Fun write `${...}` references the tools resolve when they deploy. fc-sim resolves the ones it
 * can know locally (`${vars.x}`, `${env(NAME)}`, `${env.NAME}`) and reports the others (`${config("AccountID")}`,
 * `${resources.x.output…}`), leaving them as written.
 */
export interface VariableContext {
  vars: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
  /** Called for each reference that cannot be resolved; `path` is where in the document it stands. */
  unresolved: (reference: string, path: string) => void;
}

const REFERENCE = /\$\{([^}]+)\}/g;

function lookup(reference: string, context: VariableContext): unknown {
  const expression = reference.trim();
  const env = /^env\(\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?\s*\)$|^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression);
  if (env) return context.env[env[1] ?? env[2]!];
  if (expression.startsWith('vars.')) {
    let value: unknown = context.vars;
    for (const key of expression.slice('vars.'.length).split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    return value;
  }
  return undefined;
}

export function resolveVariables(value: unknown, context: VariableContext, path = ''): unknown {
  if (typeof value === 'string') {
    // A value that is one reference keeps the referenced type (a number, an object).
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) {
      const resolved = lookup(whole[1]!, context);
      if (resolved === undefined) context.unresolved(value, path);
      return resolved === undefined ? value : resolveVariables(resolved, context, path);
    }
    return value.replace(REFERENCE, (match, reference: string) => {
      const resolved = lookup(reference, context);
      if (resolved === undefined) {
        context.unresolved(match, path);
        return match;
      }
      return String(resolved);
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveVariables(item, context, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveVariables(item, context, path ? `${path}.${key}` : key)]));
  }
  return value;
}
