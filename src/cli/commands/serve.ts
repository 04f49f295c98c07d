import { relative } from 'node:path';
import { FcSimError } from '../../errors.js';
import { onPlatform } from '../../project/function-runtime.js';
import { loadProject } from '../../project/load.js';
import type { Project } from '../../project/model.js';
import { folderPairs, localFolders } from '../../project/project-instance.js';
import { FC2_PROXY_PREFIX, FC3_FUNCTIONS_PREFIX, ownHost } from '../../serve/routes.js';
import { accessKeyFromEnv } from '../../remote/credentials.js';
import type { RunningServer } from '../../serve/server.js';
import { startServer } from '../../serve/server.js';
import { endAllGroups } from '../../runtime/process-group.js';
import type { FunctionFlags } from '../function-options.js';
import { inspectFrom, platformFlag } from '../function-options.js';
import type { CliIo } from '../io.js';
import { writeProjectProblems } from '../project-problems.js';
import { onStopSignal } from '../signals.js';
import { table } from '../table.js';

export interface ServeCommandOptions extends Pick<FunctionFlags, 'platform' | 'fc2' | 'fc3' | 'inspect' | 'inspectBrk'> {
  project?: string;
  /** The project file in the folder, as `s -t` takes it. */
  template?: string;
  /** `--env <name>`: an environment of the project's env.yaml. */
  env?: string;
  port?: number;
  host?: string;
  watch?: boolean;
  /** --layer <arn>=<dir>, --nas <mountDir>=<dir>: local folders for the functions' layers and NAS mounts. */
  layer?: string[];
  nas?: string[];
}

/** What `fc-sim serve` prints on standard output once it listens: every URL it answers. */
export function startupText(project: Project, running: RunningServer, cwd: string): string {
  const { url, routes } = running;
  const file = relative(cwd, project.file) || project.file;
  let text = `fc-sim serve: ${file} on ${url}\n`;
  if (routes.functions.length === 0) {
    if (!routes.routes.some((route) => route.target)) text += '  no function has an HTTP trigger: nothing to serve\n';
  } else {
    text += `\nfunctions (FC 2.0: ${FC2_PROXY_PREFIX}<service>/<function>/<path>; FC 3.0: ${FC3_FUNCTIONS_PREFIX}<function>/<path>; the function sees /<path>)\n`;
    text += table(
      routes.functions.map((entry) => [entry.key, entry.fn.runtime, entry.methods.join(','), entry.authType, `${url}${entry.basePath}`]),
      '  ',
    );
    const port = new URL(url).port;
    text += `\neach also on a host of its own, where it sees the whole path, as on FC (browsers and curl resolve *.localhost; other clients send Host):\n`;
    for (const host of routes.functions.map(ownHost)) if (host) text += `  http://${host}${port ? `:${port}` : ''}/\n`;
  }
  const domains = [...new Set(routes.routes.map((route) => route.domainName))];
  for (const domain of domains) {
    text += `\ncustom domain ${domain} (served at ${url}/; the function sees the whole path; send Host: ${domain} to use only its routes)\n`;
    text += table(
      routes.routes
        .filter((route) => route.domainName === domain)
        .map((route) => [`${url}${route.path}`, route.target?.key ?? `${route.functionName} (not served)`, (route.methods ?? []).join(',')]),
      '  ',
    );
  }
  for (const note of routes.notes) text += `\nnote: ${note}\n`;
  text += `\n${running.watching.size > 0 ? 'code reloads on change; ' : ''}${running.verifiesSignatures ? 'signatures verified with ALIBABA_CLOUD_ACCESS_KEY_ID' : 'signatures of authType function are not verified (no ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET)'}; logs on standard error; Ctrl-C stops\n`;
  return text;
}

/** How long `serve` waits, once told to stop, for in-flight requests and PreStop hooks: fc-sim exits within a second. */
const STOP_WAIT_MS = 400;

/** `fc-sim serve`: serves until SIGINT, SIGTERM or SIGHUP, then stops the instances and the server. */
export async function serveCommand(options: ServeCommandOptions, io: CliIo): Promise<number> {
  const project = onPlatform(
    loadProject(options.project ?? '.', { cwd: io.cwd, env: io.env, template: options.template, environment: options.env }),
    platformFlag(options),
  );
  writeProjectProblems(project, io);
  const port = options.port ?? 9000;
  if (port > 65535) throw new FcSimError('E_USAGE', `--port: ${port} is not a port (0 to 65535)`);
  const host = options.host ?? '127.0.0.1';
  let running: RunningServer;
  try {
    running = await startServer(project, {
      port,
      host,
      watch: options.watch !== false,
      log: (line) => void io.stderr.write(`${line}\n`),
      accessKey: accessKeyFromEnv(io.env) ?? null,
      folders: localFolders(project, { layers: folderPairs('--layer', options.layer), nas: folderPairs('--nas', options.nas) }, io.cwd),
      inspect: inspectFrom(options, io),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new FcSimError('E_USAGE', `port ${port} on ${host} is in use`, 'pass another --port (0 picks a free one)');
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new FcSimError('E_USAGE', `cannot listen on ${host}: ${code}`, 'pass --host 127.0.0.1');
    throw error;
  }
  io.stdout.write(startupText(project, running, io.cwd));
  await new Promise<void>((resolve) => {
    const stopListening = onStopSignal((signal) => {
      stopListening();
      io.stderr.write(`fc-sim: ${signal}: stopping\n`);
      // Queued requests are dropped with their connections; an instance still busy past the wait ends with its group.
      const waited = new Promise<void>((done) => setTimeout(done, STOP_WAIT_MS));
      void Promise.race([running.close(), waited])
        .then(() => endAllGroups())
        .then(resolve, resolve);
    });
  });
  return 0;
}
