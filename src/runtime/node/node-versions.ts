import type { RuntimeName } from '../runtimes.js';

/**
 * The Node.js each runtime runs. nodejs12/14/16: the version FC's images pin (aliyun/fc-docker @d3f748b,
 * `nodejs{12,14,16}/base/Dockerfile`: v12.22.1, v14.18.1, v16.15.1). nodejs18/20: FC publishes no patch version
 * (runtime.md §1.1), so any release of the major will do: the host's Node when it is that major, else `fallback`
 * (the last release of the line on npm when this table was written).
 */
export const NODE_VERSIONS: Readonly<Record<RuntimeName, { exact: string } | { major: number; fallback: string }>> = {
  nodejs12: { exact: '12.22.1' },
  nodejs14: { exact: '14.18.1' },
  nodejs16: { exact: '16.15.1' },
  nodejs18: { major: 18, fallback: '18.20.8' },
  nodejs20: { major: 20, fallback: '20.20.2' },
};

/** The Node.js version a runtime runs on this machine (for nodejs18/20, the host's when it is the same major). */
export function nodeVersionOf(runtime: RuntimeName, hostVersion = process.versions.node): string {
  const wanted = NODE_VERSIONS[runtime];
  if ('exact' in wanted) return wanted.exact;
  return Number(hostVersion.split('.')[0]) === wanted.major ? hostVersion : wanted.fallback;
}

/** The major version of a `v16.15.1` or `16.15.1` string. */
export const majorOf = (version: string): number => Number(version.replace(/^v/, '').split('.')[0]);
