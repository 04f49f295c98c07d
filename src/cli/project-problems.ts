import { relative } from 'node:path';
import type { Project } from '../project/model.js';
import type { CliIo } from './io.js';

/**
 * What the project loader could not read as written, one line each on stderr: an error where the tool's deploy itself
 * stops there (`s deploy` on a `${…}`, `fun deploy` on a key it does not know), a warning for what stays as written,
 * a note for a stand-in. Where it is names the file when it is not the project file (the file it extends, its env.yaml).
 */
export function writeProjectProblems(project: Project, io: Pick<CliIo, 'cwd' | 'stderr'>): void {
  const shown = (path: string) => relative(io.cwd, path) || path;
  for (const problem of project.problems) {
    const level = problem.kind === 'note' ? 'note' : problem.kind === 'variable-stops-deploy' || problem.stopsDeploy ? 'error' : 'warning';
    const file = problem.location.file === project.file ? '' : `${shown(problem.location.file)} `;
    io.stderr.write(`fc-sim: ${level}: ${file}${problem.location.path || shown(project.file)}: ${problem.message}\n`);
  }
}
