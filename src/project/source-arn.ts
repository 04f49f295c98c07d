import { objectIn, stringIn } from '../io/json-values.js';
import type { ProjectTrigger } from './model.js';

/**
 * Where a trigger's events come from, read from its sourceArn (`acs:oss:cn-hangzhou:123:my-bucket`,
 * `acs:mns:cn-hangzhou:123:/topics/t`, `acs:log:cn-hangzhou:123:project/p`, `acs:cdn:*:123`) and, for fc 2.x
 * projects, from the config keys that name the source (`bucketName`, `topicName`, `logConfig.project`).
 */
interface SourceArn {
  region: string | undefined;
  accountId: string | undefined;
  /** What follows the account: the bucket, `/topics/<name>`, `project/<name>`. */
  resource: string;
}

/**
 * A part of the ARN that names something: not empty, not CDN's `*` (a global service), not a `${…}` variable or an
 * `s init` `{{ … }}` placeholder the loader could not fill (it reports those), which would otherwise end up in the
 * events: a bucket named `{{ bucketName }}` is one OSS never sends, and SDKs refuse it.
 */
function named(part: string | undefined): string | undefined {
  return part === undefined || part === '' || part === '*' || holdsUnresolved(part) ? undefined : part;
}

/** A name written in a trigger's config, when it names something (see {@link named}). */
export const nameIn = (value: unknown): string | undefined => named(stringIn(value));

/** Whether a value holds a `${…}` variable or an `s init` `{{ … }}` placeholder left as written (the loader reports those). */
export const holdsUnresolved = (value: unknown): boolean => typeof value === 'string' && (value.includes('${') || value.includes('{{'));

export function parseSourceArn(arn: string | undefined): SourceArn | undefined {
  const parts = arn?.split(':');
  if (parts === undefined || parts.length < 4 || parts[0] !== 'acs') return undefined;
  return { region: named(parts[2]), accountId: named(parts[3]), resource: parts.slice(4).join(':') };
}

/** The resource after `pattern`'s prefix, e.g. the topic of `/topics/orders`. */
function resourceName(arn: SourceArn | undefined, pattern: RegExp): string | undefined {
  return named(arn?.resource.match(pattern)?.[1]);
}

/** The region and account every event of the trigger names, when the sourceArn gives them. */
export function sourceAccount(trigger: ProjectTrigger): { region?: string; accountId?: string } {
  const arn = parseSourceArn(trigger.sourceArn);
  return { region: arn?.region, accountId: arn?.accountId };
}

/** fc 2.x writes `bucketName`; fc3 and the API only have the sourceArn. */
export function sourceBucket(trigger: ProjectTrigger): string | undefined {
  return named(stringIn(trigger.config.bucketName)) ?? resourceName(parseSourceArn(trigger.sourceArn), /^([^/]+)$/);
}

/** fc 2.x writes `topicName`; fc3 and the API only have the sourceArn. */
export function sourceTopic(trigger: ProjectTrigger): string | undefined {
  return resourceName(parseSourceArn(trigger.sourceArn), /^\/topics\/(.+)$/) ?? named(stringIn(trigger.config.topicName));
}

/**
 * The SLS project the logs are read from: the sourceArn's, else `logConfig.project`, which Fun also builds the
 * sourceArn from (the source logstore and the job's log logstore share the project there).
 */
export function sourceProject(trigger: ProjectTrigger): string | undefined {
  return resourceName(parseSourceArn(trigger.sourceArn), /^project\/(.+)$/) ?? named(stringIn(objectIn(trigger.config.logConfig).project));
}

/**
 * The Tablestore instance and table a trigger reads the stream of: the sourceArn's
 * (`acs:ots:<region>:<account>:instance/<instance>/table/<table>`), else fc 2.x's and Fun's `instanceName`/`tableName`.
 */
export function sourceTable(trigger: Pick<ProjectTrigger, 'config' | 'sourceArn'>): { instance?: string; table?: string } {
  const match = parseSourceArn(trigger.sourceArn)?.resource.match(/^instance\/([^/]+)\/table\/([^/]+)$/);
  return {
    instance: named(match?.[1]) ?? named(stringIn(trigger.config.instanceName)),
    table: named(match?.[2]) ?? named(stringIn(trigger.config.tableName)),
  };
}
