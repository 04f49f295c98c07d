import { describe, expect, it } from 'vitest';
import { writeProjectProblems } from '../../src/cli/project-problems.js';
import type { Project } from '../../src/project/model.js';

describe('writeProjectProblems', () => {
  it('one line each: an error where s deploy stops, a warning, a note; the file named when it is not the project file', () => {
    const project = {
      file: '/p/s.pre.yaml',
      problems: [
        { kind: 'variable-stops-deploy', message: 'stops', location: { file: '/p/s.yaml', path: 'resources.a.props.x' } },
        { kind: 'unresolved-variable', message: 'left', location: { file: '/p/s.pre.yaml', path: 'resources.a.props.y' } },
        { kind: 'note', message: 'applied', location: { file: '/p/s.pre.yaml', path: '' } },
      ],
    } as unknown as Project;
    const lines: string[] = [];
    const stderr = {
      write: (text: string) => {
        lines.push(text);
        return true;
      },
    } as NodeJS.WritableStream;
    writeProjectProblems(project, { cwd: '/p', stderr });
    expect(lines.join('')).toBe(
      ['fc-sim: error: s.yaml resources.a.props.x: stops', 'fc-sim: warning: resources.a.props.y: left', 'fc-sim: note: s.pre.yaml: applied', ''].join('\n'),
    );
  });
});
