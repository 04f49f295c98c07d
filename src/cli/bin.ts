#!/usr/bin/env node
import { loadCli } from './load-cli.js';

// `fc-sim oss:put --count 1000 | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const argv = process.argv.slice(2);
const { run, exitOnStopSignals } = await loadCli(argv);
exitOnStopSignals();
process.exitCode = await run(argv);
