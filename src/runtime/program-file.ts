import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Why FC cannot start a file as a program, and what to do about it. */
export interface ProgramFileProblem {
  problem: string;
  fix: string;
}

/**
 * Why FC cannot start a file as a custom runtime's program, or undefined when it can (or the file is not there:
 * another check names that). FC runs it directly, as an executable file, without a shell (custom runtime doc
 * https://help.aliyun.com/document_detail/132044.htm: an executable `bootstrap` that starts the server, whose first
 * line must be `#!/bin/bash`, else `CAExited`). Here, Node.js's spawn would run a script without a `#!` line through
 * /bin/sh (execvp), and fail on a file without the executable bit with a bare EACCES. Windows files have no such bit,
 * so nothing is said there.
 */
export function programFileProblem(file: string): ProgramFileProblem | undefined {
  const stats = process.platform === 'win32' ? undefined : statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return undefined;
  if ((stats.mode & 0o111) === 0)
    return {
      problem: 'is not executable, and FC runs it as a program: its start fails with permission denied',
      fix: 'chmod +x it (in git: git update-index --chmod=+x <file>, so that every checkout keeps it)',
    };
  const head = Buffer.alloc(512);
  const descriptor = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  const start = head.subarray(0, length);
  // A binary (a NUL in its first bytes) is the system's to run or refuse; a script needs its interpreter named.
  if (start.includes(0) || start.subarray(0, 2).toString('latin1') === '#!') return undefined;
  return {
    problem: 'is a script without a #! line, which FC starts without a shell: its start fails there (CAExited)',
    fix: 'make #!/bin/bash (or the interpreter it needs) its first line',
  };
}
