/** serve --inspect: each instance's process listens for a debugger; the request is answered as without it. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { cleanUp, serve } from './helpers.js';

afterEach(cleanUp);

describe('serve with inspect', () => {
  it('starts the instance under the inspector on a free port, whose target a debugger finds', async () => {
    const urls: string[] = [];
    const { url } = await serve(loadProject('fixtures/projects/fc-app'), { inspect: { address: '127.0.0.1:0', onListening: (ws) => urls.push(ws) } });
    const response = await fetch(`${url}/2016-08-15/proxy/media/web/a/b`);
    expect(await response.text()).toBe('GET /a/b');
    expect(urls).toHaveLength(1);
    const targets = (await (await fetch(`http://${new URL(urls[0]!).host}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
    expect(targets.map((target) => target.webSocketDebuggerUrl)).toContain(urls[0]);
  });
});
