// CPU profile of a running server (started with --inspect=host:port) over a chosen window, through the
// V8 inspector protocol: --cpu-prof covers a whole run, and a slowdown in one step drowns in it.
import fs from 'node:fs';
import WebSocket from 'ws';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export async function startInspectorProfile(inspectorPort: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (raw) => {
    const m = JSON.parse(raw.toString()) as { id?: number; result?: unknown };
    if (m.id) pending.get(m.id)?.(m.result);
  });
  const call = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = next++;
      pending.set(id, resolve as (r: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 500 });
  await call('Profiler.start');
  return {
    /** Stops, writes the .cpuprofile (open it in Chrome DevTools) and returns the top self-time frames. */
    async stop(file: string, top = 25) {
      const { profile } = await call<{ profile: Profile }>('Profiler.stop');
      socket.close();
      fs.writeFileSync(file, JSON.stringify(profile));
      return topSelfTime(profile, top);
    },
  };
}

function topSelfTime(profile: Profile, top: number) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((nodeId, i) => {
    const frame = byNode.get(nodeId)!.callFrame;
    const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${frame}`);
}
