import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { FcSimError } from '../../errors.js';
import { junitXml } from '../../project/junit.js';
import { onPlatform } from '../../project/function-runtime.js';
import { loadProject, projectName } from '../../project/load.js';
import type { TriggerResult } from '../../project/project-test.js';
import { testProject } from '../../project/project-test.js';
import type { FunctionFlags } from '../function-options.js';
import { platformFlag } from '../function-options.js';
import type { CommandIo } from '../io.js';
import { pathIn } from '../io.js';
import { checkOutputFile, checkOutputFolder } from '../output-paths.js';

export interface TestCommandOptions extends Pick<FunctionFlags, 'platform' | 'fc2' | 'fc3'> {
  project?: string;
  /** The project file in the folder, as `s -t` takes it. */
  template?: string;
  runs?: number;
  seed?: number;
  junit?: string;
  failures?: string;
}

function line(result: TriggerResult): string {
  const what = `${result.function} ← ${result.trigger} (${result.type})`;
  if (result.outcome === 'skipped') return `- ${what}: skipped: ${result.detail}\n`;
  const rejected = result.rejected ? `; ${result.rejected.count} events outside its filter (${result.rejected.reason}) would not invoke it` : '';
  if (result.outcome === 'passed') return `✓ ${what}: ${result.detail} in ${(result.durationMs / 1000).toFixed(2)} s${rejected}\n`;
  return `✗ ${what}:\n${result.detail.replace(/^/gm, '    ')}\n`;
}

/** `fc-sim test`: the contract checks of every function and trigger in the project, one report (and JUnit XML). */
export async function testCommand(options: TestCommandOptions, io: CommandIo): Promise<number> {
  // What is printed passes the redactor what is written does (signed Authorization values a function echoes).
  io.guard();
  if (options.junit) checkOutputFile('--junit', options.junit, pathIn(io, options.junit));
  if (options.failures) checkOutputFolder('--failures', options.failures, pathIn(io, options.failures));
  const project = onPlatform(loadProject(options.project ?? '.', { cwd: io.cwd, env: io.env, template: options.template }), platformFlag(options));
  io.stdout.write(`fc-sim test: ${relative(io.cwd, project.file) || project.file}, ${project.functions.length} functions\n`);
  const results = await testProject(project, {
    ...(options.runs === undefined ? {} : { runs: options.runs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.failures === undefined ? {} : { failuresDir: pathIn(io, options.failures) }),
    onResult: (result) => io.stdout.write(line(result)),
  });
  const count = (outcome: TriggerResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  io.stdout.write(`${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped\n`);
  if (options.junit) {
    try {
      // Through the same redactor as stdout: a report committed or uploaded by CI must not carry a secret.
      writeFileSync(pathIn(io, options.junit), io.redactor.redact(junitXml(projectName(project), results)));
    } catch (error) {
      throw new FcSimError('E_WRITE', `--junit ${options.junit}: cannot write: ${(error as Error).message}`);
    }
    io.stdout.write(`JUnit XML written to ${options.junit}\n`);
  }
  return count('failed') > 0 ? 1 : 0;
}
