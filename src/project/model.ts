/**
 * One model of an FC project, whichever tool's file it comes from (Fun `template.yml`, Serverless Devs `s.yaml`
 * with the `fc` 2.x or the `fc3` component): functions with their settings and triggers, and custom domains.
 */

/** Which file format a project was read from. */
export type ProjectFormat = 'fun' | 'fc' | 'fc3';

/** Where in the project file something was written: for messages that point at it. */
export interface Location {
  file: string;
  /** A path into the document, e.g. `resources.hello.props.triggers[0]`. */
  path: string;
}

export interface ProjectTrigger {
  name: string;
  /** The FC API trigger type: oss, timer, mns_topic, log, cdn_events, http, tablestore, eventbridge; anything else is kept as written (lint reports it). */
  type: string;
  /** `triggerConfig` in the FC API / fc3 shape (camelCase; `filter.key.prefix`), as schemas/trigger-config describes it. */
  config: Record<string, unknown>;
  sourceArn?: string;
  qualifier?: string;
  location: Location;
}

export interface ProjectFunction {
  name: string;
  /** FC 2.0 service; FC 3.0 has none. */
  service?: string;
  /** Absolute path of the code folder. */
  codeDir: string;
  handler: string;
  /** As written (lint checks it is a runtime FC has). */
  runtime: string;
  memorySize?: number;
  timeout?: number;
  initializer?: string;
  initializationTimeout?: number;
  preStop?: string;
  environment: Record<string, string>;
  region?: string;
  triggers: ProjectTrigger[];
  location: Location;
}

export interface CustomDomainRoute {
  /** `/a`, `/a/*`, `/*` */
  path: string;
  service?: string;
  functionName: string;
  methods?: string[];
  qualifier?: string;
}

export interface CustomDomain {
  domainName: string;
  protocol: string;
  routes: CustomDomainRoute[];
  location: Location;
}

/** Something the loader could not do: a variable it cannot resolve, a part it does not understand. */
export interface ProjectProblem {
  message: string;
  location: Location;
}

export interface Project {
  format: ProjectFormat;
  /** Absolute path of the project file. */
  file: string;
  /** Its folder: code paths are relative to it. */
  root: string;
  functions: ProjectFunction[];
  customDomains: CustomDomain[];
  problems: ProjectProblem[];
}
