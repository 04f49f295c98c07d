import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Json } from '../io/json-values.js';
import type { LoadContext } from './load.js';

/** The components a format reads: the one whose resources are functions, and (fc3) the one for custom domains. */
export interface ComponentNames {
  function: string | readonly string[];
  domain?: string;
}

const named = (component: string, names: string | readonly string[]) =>
  (typeof names === 'string' ? [names] : names).some((name) => new RegExp(`(^|/)${name}(@.*)?$`).test(component));

/** A component given as a local folder (`component: ../../fc3`, `${path('…')}`): a development copy of a component. */
const isLocal = (component: string, root: string) => isAbsolute(component) || /^\.\.?[/\\]/.test(component) || existsSync(resolve(root, component));

/** Props that describe a function: what the fc3 component (or fc 2.x's `function:`) requires. */
const looksLikeFunction = (props: Json) => ['functionName', 'handler', 'runtime', 'code'].some((key) => key in props) || 'function' in props;

/**
 * What a resource of the project is, from its `component`: a function, a custom domain, or something fc-sim does not
 * read — reported with its name rather than dropped. A component given as a local path (devsapp's own projects
 * develop the fc3 component this way) is read as a function when its props are a function's, with a note.
 */
export function componentOf(component: unknown, props: Json, at: string, context: LoadContext, names: ComponentNames): 'function' | 'domain' | undefined {
  const written = typeof component === 'string' ? component : '';
  if (names.domain !== undefined && named(written, names.domain)) return 'domain';
  if (named(written, names.function)) return 'function';
  const main = typeof names.function === 'string' ? names.function : names.function[0]!;
  if ((written.includes('${') || isLocal(written, context.root)) && written !== '' && looksLikeFunction(props)) {
    context.problems.push({
      kind: 'note',
      message: `component ${written} is not ${main}; read as ${main} because its props describe a function`,
      location: { file: context.file, path: `${at}.component` },
    });
    return 'function';
  }
  context.problems.push({
    kind: 'unknown-part',
    message: `component ${written === '' ? '(none)' : `"${written}"`} is not one fc-sim reads (${[...(typeof names.function === 'string' ? [names.function] : names.function), ...(names.domain ? [names.domain] : [])].join(', ')}): ${at} is not tested or served`,
    location: { file: context.file, path: `${at}.component` },
  });
  return undefined;
}
