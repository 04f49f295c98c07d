import { relative } from 'node:path';
import { lintProject } from '../../project/lint.js';
import { loadProject } from '../../project/load.js';
import type { Project, ProjectTrigger } from '../../project/model.js';
import { table } from '../table.js';
import { moduleOfTrigger } from '../../triggers/modules.js';
import type { CliIo } from '../io.js';
import { writeProjectProblems } from '../project-problems.js';

export interface ProjectOptions {
  project?: string;
  /** The project file in the folder, as `s -t` takes it. */
  template?: string;
  /** `--env <name>`: an environment of the project's env.yaml. */
  env?: string;
  json?: boolean;
}

/** The trigger's `ls` line, from its module; nothing for types fc-sim has no module for. */
function describeTrigger(trigger: ProjectTrigger): string {
  return moduleOfTrigger(trigger)?.project.describe(trigger.config, trigger.sourceArn) ?? '';
}

/** `fc-sim ls`: the project's functions and their triggers. */
export async function lsCommand(options: ProjectOptions, io: CliIo): Promise<number> {
  const project = loadProject(options.project ?? '.', { cwd: io.cwd, env: io.env, template: options.template, environment: options.env });
  if (options.json) {
    io.stdout.write(`${JSON.stringify(project, null, 2)}\n`);
    return 0;
  }
  const rows = [['function', 'runtime', 'handler', 'memory', 'timeout', 'triggers']];
  for (const fn of project.functions) {
    const triggers = fn.triggers.map((trigger) => `${trigger.name} (${trigger.type}: ${describeTrigger(trigger)})`);
    rows.push([
      fn.service ? `${fn.service}/${fn.name}` : fn.name,
      fn.runtime,
      fn.handler,
      fn.memorySize ? `${fn.memorySize} MB` : '-',
      fn.timeout ? `${fn.timeout} s` : '-',
      triggers[0] ?? '-',
    ]);
    for (const more of triggers.slice(1)) rows.push(['', '', '', '', '', more]);
  }
  io.stdout.write(
    `${relative(io.cwd, project.file) || project.file} (${formatName(project)}): ${project.functions.length} function${project.functions.length === 1 ? '' : 's'}\n\n${table(rows)}`,
  );
  for (const domain of project.customDomains) {
    io.stdout.write(`\ncustom domain ${domain.domainName} (${domain.protocol})\n`);
    io.stdout.write(
      table([
        ['path', 'function', 'methods'],
        ...domain.routes.map((route) => [
          route.path,
          route.service ? `${route.service}/${route.functionName}` : route.functionName,
          route.methods?.join(',') ?? 'trigger’s',
        ]),
      ]),
    );
  }
  writeProjectProblems(project, io);
  return 0;
}

function formatName(project: Project): string {
  return { fun: 'Fun template', fc: 'Serverless Devs, fc component', fc3: 'Serverless Devs, fc3 component' }[project.format];
}

/** `fc-sim lint`: FC's documented rules; exit 1 when a rule is broken (warnings alone exit 0). */
export async function lintCommand(options: ProjectOptions, io: CliIo): Promise<number> {
  const project = loadProject(options.project ?? '.', { cwd: io.cwd, env: io.env, template: options.template, environment: options.env });
  const findings = lintProject(project);
  if (options.json) io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else {
    const shown = (path: string) => relative(io.cwd, path) || path;
    const file = shown(project.file);
    for (const finding of findings) {
      // Where it is: the project file, or the file it extends or takes its environment from.
      io.stdout.write(
        `${finding.severity === 'error' ? '✗' : '!'} ${finding.severity} ${finding.rule}: ${shown(finding.location.file)} ${finding.location.path}\n  ${finding.message}\n  fix: ${finding.fix}\n`,
      );
    }
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    io.stdout.write(
      `${errors > 0 ? '✗' : project.functions.length === 0 ? '!' : '✓'} ${file}: ${project.functions.length} functions, ${errors} error${errors === 1 ? '' : 's'}, ${findings.length - errors} warning${findings.length - errors === 1 ? '' : 's'}\n`,
    );
  }
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
