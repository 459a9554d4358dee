// Re-runs a script under another Node binary as a child that behaves like the parent process: every
// signal a terminal, process manager or `docker stop` sends the parent reaches the child, and the parent
// ends the way the child ended (same exit code, or killed by the same signal).
import { spawn } from 'node:child_process';

/** Signals a user or supervisor sends to stop or reload a process. */
const FORWARDED_SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * Runs `node args…` with inherited stdio and forwards FORWARDED_SIGNALS to it until it exits.
 * The child gets its own process group (like dumb-init): Ctrl-C in a terminal then reaches only this
 * process, which passes it on once, instead of the child receiving it twice (directly and forwarded).
 * @param {string} node path of the Node binary
 * @param {readonly string[]} args
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
export function rerun(node, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { stdio: 'inherit', detached: true });
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => {
      child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once('error', (error) => {
      stopForwarding();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve({ code, signal });
    });
  });
}

/**
 * Ends this process the way the child ended: killed by the same signal (the shell then reports it as
 * 128 + n, as it would for the child), else with its exit code.
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} outcome
 */
export function exitLike({ code, signal }) {
  if (signal) {
    process.kill(process.pid, signal);
    // Only reached if the signal is ignored here: 128 + n is what a shell would have reported.
    return;
  }
  process.exit(code ?? 70);
}
