// The built package (npm run bench builds first): the benchmarks measure what users run.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const distUrl = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
export const cliPath = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fcSim = () => import(distUrl('src/index.js'));
export const fcSimTesting = () => import(distUrl('src/testing/index.js'));
export const fcSimGenerators = () => import(distUrl('generators/index.js'));
