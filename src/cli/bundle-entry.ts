/**
 * What the bin needs from the CLI, as one module: `npm run build` bundles it, with everything it imports, into
 * dist/cli/fc-sim.cjs (scripts/bundle-cli.ts), which the bin runs with V8's code cache (src/cli/load-cli.ts).
 */
export { run } from './main.js';
export { exitOnStopSignals } from './signals.js';
