// HAProxy must die with the lab, even when the lab is killed with SIGKILL and runs no code at all.
// Linux's PR_SET_PDEATHSIG is out of reach from Node, so HAProxy is started through a tiny watchdog
// (`node -e WATCHDOG_SOURCE -- haproxy …`): the lab holds the write end of the watchdog's stdin, the
// kernel closes it whatever way the lab dies, and on end-of-file the watchdog stops HAProxy (SIGTERM,
// SIGKILL after a grace period) and exits. It is plain CommonJS in a string because the CLI is one
// esbuild bundle: no separate file to find at run time.
//
// Protocol: argv = the HAProxy command; stdin = the lifeline (nothing is ever written to it); stdout
// and stderr are HAProxy's own; fd 3 carries status lines to the lab: `pid N` once HAProxy runs,
// `exit CODE SIGNAL` when it ends (`-` for a missing part), `error MESSAGE` when it cannot start.
// SIGINT is ignored (Ctrl+C in a terminal reaches the whole process group; the lab decides), SIGTERM
// and SIGHUP stop HAProxy like the end of the lifeline. HAProxy gets /dev/null as stdin and fd 3, so
// that neither the lifeline nor the status pipe leaks into it.

export const WATCHDOG_GRACE_MS = 2000;

export const WATCHDOG_SOURCE = `
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const [bin, ...args] = process.argv.slice(1);
const say = (line) => { try { fs.writeSync(3, line + '\\n'); } catch {} };
let child = null;
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(0);
  try { child.kill('SIGTERM'); } catch {}
  setTimeout(() => { try { child.kill('SIGKILL'); } catch {} }, ${WATCHDOG_GRACE_MS}).unref();
};
process.on('SIGINT', () => {});
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
child = spawn(bin, args, { stdio: ['ignore', 'inherit', 'inherit', 'ignore'] });
child.once('error', (err) => { say('error ' + String(err.message).replace(/\\s+/g, ' ')); process.exit(1); });
child.once('spawn', () => say('pid ' + child.pid));
child.once('exit', (code, signal) => { say('exit ' + (code === null ? '-' : code) + ' ' + (signal || '-')); process.exit(0); });
`;

export type WatchdogStatus = { kind: 'pid'; pid: number } | { kind: 'exit'; code: number | null; signal: string | null } | { kind: 'error'; message: string };

/** One status line from the watchdog's fd 3 (null for anything else). */
export function parseWatchdogLine(line: string): WatchdogStatus | null {
  let m = /^pid (\d+)$/.exec(line);
  if (m) return { kind: 'pid', pid: Number(m[1]) };
  m = /^exit (-|\d+) (-|[A-Z0-9]+)$/.exec(line);
  if (m) return { kind: 'exit', code: m[1] === '-' ? null : Number(m[1]), signal: m[2] === '-' ? null : m[2]! };
  m = /^error (.*)$/.exec(line);
  if (m) return { kind: 'error', message: m[1]! };
  return null;
}
