import { isSchemaName } from '../schema/catalog.js';
import { formatIssue } from '../schema/issues.js';
import { validate } from '../schema/validate.js';
import { isCustomRuntime, isRuntimeName } from '../runtime/runtimes.js';
import { isHttpTriggerType, moduleOfTrigger, triggers } from '../triggers/modules.js';
import { codeFolderProblem, customRuntimeEntryProblem, customRuntimeProgramProblem } from './code-location.js';
import { isDeprecatedRuntimeName, runtimeRunAs } from '../runtime/node/deprecated-runtimes.js';
import { imageBareNode } from '../runtime/node/fc-node-folders.js';
import { checkHandlerExport } from './handler-export.js';
import type { Location, Project, ProjectFormat, ProjectFunction, ProjectProblem, ProjectTrigger } from './model.js';

/**
 * The rule a lint finding breaks, one per FC rule fc-sim checks.
 *
 * @see https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-function
 * @see README.md#your-project-ls-lint-test-serve
 */
export type LintRule =
  | 'http-trigger-alone'
  | 'memory-size'
  | 'timeout'
  | 'handler-exists'
  | 'runtime-known'
  | 'cron-expression'
  | 'trigger-config'
  | 'trigger-type'
  | 'unresolved-variable'
  | 'variable-stops-deploy'
  | 'unknown-part'
  | 'unknown-property'
  | 'missing-property'
  | 'code-folder'
  | 'custom-runtime-entry'
  | 'custom-runtime-node'
  | 'no-functions';

/**
 * One broken rule: where it is in the project file, what is wrong and how to fix it.
 *
 * @example
 * ```ts
 * const findings: LintFinding[] = lintProject(loadProject('.'));
 * for (const finding of findings) console.log(`${finding.severity} ${finding.location.path}: ${finding.message} (fix: ${finding.fix})`);
 * ```
 * @see README.md#your-project-ls-lint-test-serve
 */
export interface LintFinding {
  rule: LintRule;
  severity: 'error' | 'warning';
  message: string;
  /** How to fix it. */
  fix: string;
  location: Location;
}

/** The trigger types FC has that fc-sim has no module for, and the schema of each one's config where there is one. */
const OTHER_TRIGGER_SCHEMAS: Readonly<Record<string, string | undefined>> = {
  rds: undefined,
  datahub: undefined,
};

/** Every trigger type FC has, and the schema of each one's config. */
const TRIGGER_SCHEMAS: Readonly<Record<string, string | undefined>> = {
  ...Object.fromEntries(triggers.map((module) => [module.apiType, module.schemas.config])),
  ...OTHER_TRIGGER_SCHEMAS,
};

/** FC runtimes fc-sim does not run (it runs Node.js): known, so a warning, not an error. */
const OTHER_FC_RUNTIMES = /^(python[23](\.\d+)?|java(8|11|17)|go1|php7\.2|dotnetcore[23]\.1|custom(\.debian1[01])?|custom-container)$/;

/** FC 3.0: memory 128 MB–32 GB in 64 MB steps; timeout 1–86,400 s (CreateFunctionInput; runtime.md §7). */
const MEMORY = { min: 128, max: 32768, step: 64 };
const TIMEOUT = { min: 1, max: 86400 };

/**
 * Why a custom runtime's bare `node` command finds none in FC, where its image has no `node` on the default PATH
 * ({@link imageBareNode}) and the function's PATH names no folder that could give one: a Node.js folder of FC's
 * (`/var/fc/lang/nodejs20/bin`, an official layer's `/opt/nodejs16/bin`), the code's or a layer's.
 */
function bareNodeProblem(fn: ProjectFunction): { inFc: string; fix: string } | undefined {
  if (fn.customRuntimeConfig?.command[0] !== 'node') return undefined;
  const problem = imageBareNode(fn.runtime);
  const path = fn.environment.PATH?.split(':') ?? [];
  if (!problem?.fix || path.some((dir) => /^\/(code|opt|var\/fc\/lang)(\/|$)/.test(dir))) return undefined;
  return { inFc: problem.inFc, fix: problem.fix };
}

function functionRules(fn: ProjectFunction): LintFinding[] {
  const findings: LintFinding[] = [];
  const at = fn.location;
  const label = fn.service ? `${fn.service}/${fn.name}` : fn.name;
  const http = fn.triggers.filter((trigger) => isHttpTriggerType(trigger.type));
  const codeProblem = codeFolderProblem(fn);
  if (codeProblem) {
    findings.push({
      rule: 'code-folder',
      // fc-sim needs the code only of the functions it runs; another language's build output is the build's business.
      severity: runtimeRunAs(fn.runtime) ? 'error' : 'warning',
      message: `${label}: ${codeProblem.slice(codeProblem.indexOf(': ') + 2)}`,
      fix: 'build the code first (a codeUri: ./dist needs the build), or point the code path at the folder holding the handler',
      location: fn.codeField ? { file: fn.location.file, path: fn.codeField } : at,
    });
  }
  const program = customRuntimeProgramProblem(fn);
  if (program) findings.push({ rule: 'custom-runtime-entry', severity: 'error', message: `${label}: ${program.problem}`, fix: program.fix, location: at });
  const entryProblem = customRuntimeEntryProblem(fn);
  if (entryProblem) {
    findings.push({
      rule: 'custom-runtime-entry',
      // As for the code folder: a Node.js server is fc-sim's to run; another language's build output is the build's business.
      severity: /(^|\/)node$/.test(fn.customRuntimeConfig?.command[0] ?? '') ? 'error' : 'warning',
      message: `${label}: ${entryProblem}`,
      fix: 'build the code first (s deploy runs the pre-deploy actions that build it), or fix the path in customRuntimeConfig',
      location: at,
    });
  }
  const bareNode = bareNodeProblem(fn);
  if (bareNode) {
    findings.push({
      rule: 'custom-runtime-node',
      severity: 'warning',
      message: `${label}: customRuntimeConfig starts a bare \`node\`, and ${bareNode.inFc}`,
      fix: bareNode.fix,
      location: at,
    });
  }
  // FC 3.0 takes an HTTP trigger per qualifier (devsapp's fc3 projects deploy one for LATEST and one for test), and
  // other triggers beside it; FC 2.0 takes one HTTP trigger and nothing else.
  if (fn.platform === 'fc3') {
    const qualifiers = http.map((trigger) => trigger.qualifier ?? 'LATEST');
    const repeated = qualifiers.filter((qualifier, index) => qualifiers.indexOf(qualifier) !== index);
    if (repeated.length > 0)
      findings.push({
        rule: 'http-trigger-alone',
        severity: 'error',
        message: `${label} has ${qualifiers.filter((qualifier) => qualifier === repeated[0]).length} HTTP triggers for qualifier ${repeated[0]}`,
        fix: 'FC 3.0 allows one HTTP trigger per qualifier: keep one, and list every method in it',
        location: at,
      });
  } else if (http.length > 1) {
    findings.push({
      rule: 'http-trigger-alone',
      severity: 'error',
      message: `${label} has ${http.length} HTTP triggers`,
      fix: 'FC allows one HTTP trigger per function: keep one, and list every method in it',
      location: at,
    });
  }
  if (fn.platform !== 'fc3' && http.length > 0 && fn.triggers.length > http.length) {
    const others = fn.triggers
      .filter((trigger) => !isHttpTriggerType(trigger.type))
      .map((trigger) => `${trigger.name} (${trigger.type})`)
      .join(', ');
    findings.push({
      rule: 'http-trigger-alone',
      severity: 'error',
      message: `${label} has an HTTP trigger and other triggers: ${others}`,
      fix: 'a function with an HTTP trigger takes no other trigger: move the others to a function of their own',
      location: at,
    });
  }
  if (fn.memorySize !== undefined && (fn.memorySize < MEMORY.min || fn.memorySize > MEMORY.max || fn.memorySize % MEMORY.step !== 0)) {
    const nearest = Math.min(MEMORY.max, Math.max(MEMORY.min, Math.round(fn.memorySize / MEMORY.step) * MEMORY.step));
    findings.push({
      rule: 'memory-size',
      severity: 'error',
      message: `${label}: memorySize ${fn.memorySize} MB`,
      fix: `use ${MEMORY.min}–${MEMORY.max} MB in steps of ${MEMORY.step} MB (e.g. ${nearest})`,
      location: at,
    });
  }
  if (fn.timeout !== undefined && (!Number.isInteger(fn.timeout) || fn.timeout < TIMEOUT.min || fn.timeout > TIMEOUT.max)) {
    findings.push({
      rule: 'timeout',
      severity: 'error',
      message: `${label}: timeout ${fn.timeout} s`,
      fix: `use a whole number of seconds from ${TIMEOUT.min} to ${TIMEOUT.max}`,
      location: at,
    });
  }
  // FC has retired them for new functions but still runs existing ones (every Node.js example of funcraft uses
  // nodejs6/8): a warning (runtime-support-policy).
  if (isDeprecatedRuntimeName(fn.runtime)) {
    findings.push({
      rule: 'runtime-known',
      severity: 'warning',
      message: `${label}: runtime ${fn.runtime} is deprecated: FC no longer creates functions on it (fc-sim runs it on nodejs12)`,
      fix: 'move to nodejs18 or nodejs20',
      location: at,
    });
  } else if (!isRuntimeName(fn.runtime) && !(fn.customRuntimeConfig && isCustomRuntime(fn.runtime))) {
    // A custom runtime's server fc-sim starts itself (its customRuntimeConfig, or ./bootstrap): nothing to say.
    const known = OTHER_FC_RUNTIMES.test(fn.runtime);
    findings.push({
      rule: 'runtime-known',
      severity: known ? 'warning' : 'error',
      message: known ? `${label}: runtime ${fn.runtime} is an FC runtime fc-sim does not run` : `${label}: unknown runtime "${fn.runtime}"`,
      fix: known
        ? fn.runtime === 'custom-container'
          ? 'run the image yourself and send it the events: --target custom-runtime --url http://127.0.0.1:9000'
          : 'fc-sim runs nodejs12–nodejs20 and custom runtimes; test this function with --url against a deployed copy'
        : 'use one of FC’s runtimes, e.g. nodejs20, nodejs18, nodejs16',
      location: at,
    });
  }
  for (const [hook, handler] of [
    ['handler', fn.handler],
    ['initializer', fn.initializer],
    ['preStop', fn.preStop],
  ] as const) {
    if (handler === undefined) continue;
    // Handler files are looked up for Node.js functions only (a Python handler names a .py module).
    if (fn.runtime.startsWith('nodejs') && !codeProblem) {
      const check = checkHandlerExport(fn.codeDir, handler);
      if (check.found === false)
        findings.push({
          rule: 'handler-exists',
          severity: 'error',
          message: `${label}: ${hook} ${handler}: ${check.reason}`,
          fix: `write the export, or point ${hook} at module.export relative to ${fn.codeDir}`,
          location: at,
        });
    }
  }
  return findings;
}

function triggerRules(fn: ProjectFunction, trigger: ProjectTrigger, format: ProjectFormat): LintFinding[] {
  const at = trigger.location;
  const label = `${fn.name}/${trigger.name}`;
  if (!(trigger.type in TRIGGER_SCHEMAS)) {
    return [
      {
        rule: 'trigger-type',
        severity: 'error',
        message: `${label}: unknown trigger type "${trigger.type}"`,
        fix: `use one of: ${Object.keys(TRIGGER_SCHEMAS).join(', ')}`,
        location: at,
      },
    ];
  }
  const declaredIn = moduleOfTrigger(trigger)?.project.declaredIn;
  if (declaredIn && !declaredIn.formats.includes(format)) {
    return [
      {
        rule: 'trigger-type',
        severity: 'error',
        message: `${label}: "${trigger.type}" is no trigger type of ${format} projects`,
        fix: declaredIn.fix,
        location: at,
      },
    ];
  }
  const findings: LintFinding[] = [];
  const schema = TRIGGER_SCHEMAS[trigger.type];
  if (schema && isSchemaName(schema)) {
    for (const issue of validate(schema, trigger.config).issues) {
      findings.push({
        rule: 'trigger-config',
        severity: 'error',
        message: `${label}: ${formatIssue(issue).replace(/\n\s*hint: /, ' (')}${issue.hint ? ')' : ''}`,
        fix: issue.hint ?? `see fc-sim schema ${schema}`,
        location: at,
      });
    }
  }
  for (const finding of moduleOfTrigger(trigger)?.project.lint?.(trigger.config, trigger.sourceArn) ?? []) {
    findings.push({ rule: finding.rule as LintRule, severity: 'error', message: `${label}: ${finding.message}`, fix: finding.fix, location: at });
  }
  return findings;
}

/** What the loader reported, as the lint finding it is; notes (stand-ins worth knowing) are no findings. */
function problemFinding(problem: ProjectProblem): LintFinding | undefined {
  const { message, location } = problem;
  switch (problem.kind) {
    case 'note':
      return undefined;
    case 'unknown-part':
      return { rule: 'unknown-part', severity: 'warning', message, fix: 'fc-sim skips it; test it another way', location };
    case 'unknown-property':
    case 'missing-property':
      return { rule: problem.kind, severity: problem.stopsDeploy ? 'error' : 'warning', message, fix: problem.fix ?? 'see the message', location };
    case 'variable-stops-deploy':
      return {
        rule: 'variable-stops-deploy',
        severity: 'error',
        message,
        fix: problem.fix ?? 'name a value the project has (vars:, resources.<name>.props, this), or write the value itself',
        location,
      };
    default:
      return {
        rule: 'unresolved-variable',
        severity: 'warning',
        message,
        fix: problem.fix ?? 'set the variable (vars:, the environment, or .env beside the project file) to test with its value',
        location,
      };
  }
}

/**
 * Checks a project against FC's documented rules; each finding says how to fix it.
 *
 * @example
 * ```ts
 * const errors = lintProject(loadProject('.')).filter((finding) => finding.severity === 'error');
 * if (errors.length > 0) process.exitCode = 1;
 * ```
 * @see https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-function
 * @see README.md#your-project-ls-lint-test-serve
 */
export function lintProject(project: Project): LintFinding[] {
  return [
    ...(project.functions.length === 0
      ? [
          {
            rule: 'no-functions',
            severity: 'warning',
            message: 'no functions: nothing here to test or serve',
            fix: 'check the component names (fc3, fc) or resource types the warnings name; fc-sim reads Fun and Serverless Devs fc/fc3 functions',
            location: { file: project.file, path: '' },
          } satisfies LintFinding,
        ]
      : []),
    ...project.problems.flatMap((problem) => problemFinding(problem) ?? []),
    ...project.functions.flatMap((fn) => [...functionRules(fn), ...fn.triggers.flatMap((trigger) => triggerRules(fn, trigger, project.format))]),
  ];
}
