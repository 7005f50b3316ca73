// `prepdeck lab`: backends, a balancer (built-in or a real HAProxy) and a session store on loopback.
// Runs until Ctrl+C (exit 130 once everything is stopped), or runs a scripted walk-through and exits.
import type { Context } from '../context.js';
import type { Lab } from '../lab/lab.js';
import { InterruptedError, UsageError } from '../errors.js';
import { redactUrl, isLoopback, backendName, spareNames, type LabOptions } from '../lab/options.js';
import { labPlan, type LabFlags, type LabPlan } from './lab-flags.js';
import { remoteWarning, renderBanner, LiveView } from '../ui/lab-view.js';
import { wrap } from '../ui/text.js';

/** Where the stop request comes from; the default listens for SIGINT (Ctrl+C), SIGTERM and SIGHUP. */
export interface StopSignal {
  wait(): Promise<string>;
  dispose(): void;
}

export interface LabDeps {
  stopSignal?: () => StopSignal;
  /** After Ctrl+C, return normally instead of ending with exit code 130 (for the home menu). */
  returnOnStop?: boolean;
}

function processSignals(): StopSignal {
  let handler: (() => void) | null = null;
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const wait = new Promise<string>((resolve) => {
    let got = false;
    handler = () => {
      if (got) return; // a second Ctrl+C while stopping: stopping is already bounded in time
      got = true;
      resolve('signal');
    };
    for (const s of signals) process.on(s, handler);
  });
  return {
    wait: () => wait,
    dispose: () => {
      for (const s of signals) if (handler) process.off(s, handler);
    },
  };
}

export async function run(args: LabFlags, ctx: Context, deps: LabDeps = {}): Promise<void> {
  const plan = labPlan(args);
  if (plan.printConfig) return printConfig(plan, ctx);
  if (!isLoopback(plan.options.host)) ctx.stderr.write(remoteWarning(plan.options.host, ctx.stderr));
  const stop = (deps.stopSignal ?? processSignals)();
  try {
    const fatal = fatalChannel();
    const view: { current: LiveView | null } = { current: null };
    const lab = await startLab(plan.options, ctx, stop, fatal, view);
    if (plan.script) return await walkThrough(plan, lab, ctx, stop);
    await runLive(plan.options, lab, ctx, stop, fatal.message, view);
    if (deps.returnOnStop) {
      ctx.stdout.write('Lab stopped: every server closed, every port freed.\n');
      return;
    }
    throw new InterruptedError(
      plan.options.balancer === 'haproxy'
        ? 'Lab stopped: HAProxy, the admin server and every backend closed, every port freed.'
        : 'Lab stopped: the balancer and every backend closed, every port freed.',
    );
  } finally {
    stop.dispose();
  }
}

/** HAProxy dying under the lab: the message arrives here and ends the live view. */
function fatalChannel(): { report(m: string): void; message: Promise<string> } {
  let report: (m: string) => void = () => undefined;
  const message = new Promise<string>((resolve) => (report = resolve));
  return { report: (m) => report(m), message };
}

/** Starts every server; Ctrl+C during start-up waits for the start to finish (bounded), then stops it all. */
async function startLab(o: LabOptions, ctx: Context, stop: StopSignal, fatal: { report(m: string): void }, view: { current: LiveView | null }): Promise<Lab> {
  // Heavy modules (node:http servers, the Redis client) only now.
  const { Lab: LabServers } = await import('../lab/lab.js');
  const startup = LabServers.start(o, ctx.env, {
    change: () => view.current?.changed(),
    log: (line) => view.current?.log(line),
    fatal: (m) => fatal.report(m),
  });
  const first = await Promise.race([startup.then(() => 'started' as const), stop.wait().then(() => 'stop' as const)]);
  const lab = await startup;
  for (const note of lab.cleaned) ctx.stderr.write(wrap(note, ctx.stderr.columns) + '\n');
  if (first === 'stop') {
    await lab.stop();
    throw new InterruptedError('Lab stopped before it was ready; every server closed, every port freed.');
  }
  return lab;
}

/** --script: the walk-through against the live lab, then everything stops (Ctrl+C stops it early). */
async function walkThrough(plan: LabPlan, lab: Lab, ctx: Context, stop: StopSignal): Promise<void> {
  let outcome: 'done' | 'stop';
  try {
    const walking = runScript(plan, lab.url, lab.token, ctx);
    walking.catch(() => undefined); // reported below, unless Ctrl+C came first
    outcome = await Promise.race([walking.then(() => 'done' as const), stop.wait().then(() => 'stop' as const)]);
  } finally {
    await lab.stop();
  }
  if (outcome === 'stop') throw new InterruptedError('Script interrupted; every server closed, every port freed.');
}

/** The banner and the live view until Ctrl+C (or HAProxy dies); then every server stops. */
async function runLive(o: LabOptions, lab: Lab, ctx: Context, stop: StopSignal, fatal: Promise<string>, view: { current: LiveView | null }): Promise<void> {
  ctx.stdout.write(
    renderBanner(
      {
        url: lab.url,
        token: lab.token,
        balancer: o.balancer,
        strategy: o.strategy,
        rrMode: o.rrMode,
        store: o.store,
        redisUrl: redactUrl(o.redisUrl),
        backends: lab.backends,
        haproxyConfig: lab.haproxyConfigPath,
        haproxyPid: lab.haproxyPid,
      },
      ctx.stdout,
    ),
  );
  view.current = new LiveView(ctx.stdout, () => lab.snapshot());
  view.current.draw();
  const why = await Promise.race([stop.wait().then(() => null), fatal]);
  view.current.close();
  view.current = null;
  await lab.stop();
  // HAProxy dying under the lab is the environment's trouble, not a bug of prepdeck's: exit 2.
  if (why !== null) throw new UsageError(`The lab cannot go on: ${why}\nThe lab stopped every other server and freed every port.`);
}

async function runScript(plan: LabPlan, url: string, token: string, ctx: Context): Promise<void> {
  const [{ runScript: walk }, { SCRIPT_POINTS }, { renderStep, renderScriptHeader, renderScriptResult }] = await Promise.all([
    import('../lab/scripts.js'),
    import('../lab/script-steps.js'),
    import('../ui/lab-script.js'),
  ]);
  const o = plan.options;
  const script = plan.script!;
  if (!plan.json) {
    ctx.stdout.write(
      renderScriptHeader({ script, point: SCRIPT_POINTS[script], balancer: o.balancer, store: o.store, strategy: o.strategy, rrMode: o.rrMode }, url, ctx.stdout),
    );
  }
  const result = await walk(script, url, token, (step) => {
    if (!plan.json) ctx.stdout.write(renderStep(step, ctx.stdout));
  });
  ctx.stdout.write(plan.json ? JSON.stringify(result, null, 2) + '\n' : renderScriptResult(result, ctx.stdout));
}

async function printConfig(plan: LabPlan, ctx: Context): Promise<void> {
  const { haproxyConfig } = await import('../lab/haproxy.js');
  const o = plan.options;
  const port = o.port || 8080;
  const backends = Array.from({ length: o.backends }, (_, i) => ({ name: backendName(i), port: 40001 + i, weight: o.weights[i] ?? 1 }));
  ctx.stdout.write(
    '# The ports of the backends (40001…) and of the admin server (40000) are examples: the lab picks free\n' +
      '# ports when it starts, and writes the real file into a temporary folder (its path is printed).\n' +
      haproxyConfig({
        host: o.host,
        port,
        strategy: o.strategy,
        backends,
        spares: spareNames(o.backends),
        adminPort: 40000,
        socketPath: '/tmp/prepdeck-lab-run-PID-XXXXXX/haproxy.sock',
      }),
  );
}
