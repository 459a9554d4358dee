/**
 * Wraps a compile or run step in bubblewrap + setpriv + prlimit (the flags below say why each is there),
 * or in limits only when bubblewrap is unusable.
 */
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runProcess } from './spawn.ts';

/** Resource limits for one step. */
export interface SandboxLimits {
  wallMs: number;
  cpuSeconds: number;
  fileSizeBytes: number;
  openFiles: number;
  processes: number;
  /** RLIMIT_AS; leave unset for sanitizer binaries (ASan reserves terabytes of shadow memory). */
  addressSpaceBytes?: number;
  /** Size of each writable tmpfs (`/tmp`, and the run step's working directory). */
  tmpfsBytes: number;
}

/** How steps are isolated on this machine; probed once per verification. */
export interface Sandbox {
  kind: 'bwrap' | 'limits-only';
  /** Why bubblewrap is not used (for the one warning). */
  reason?: string;
  bwrap?: string;
  prlimit?: string;
  setpriv?: string;
  /** Drop to this uid inside the sandbox (only when running as root: root ignores RLIMIT_NPROC). */
  uid?: number;
}

/** One step: compile (the job dir is writable) or run (the job dir is read-only, cwd is a fresh tmpfs). */
export interface SandboxStep {
  argv: string[];
  hostDir: string;
  phase: 'compile' | 'run';
  env: Record<string, string>;
  limits: SandboxLimits;
  /** Rust sysroot to expose (bound at /opt/rust under bubblewrap). */
  sysroot?: string;
  /** Extra read-only folders, bound at the same path (a compiler installed outside /usr). */
  binds?: string[];
}

/** Where things are as seen from inside the sandbox. */
export interface SandboxPaths {
  /** The job directory (sources, objects, the binary). */
  build: string;
  /** The Rust sysroot. */
  sysroot?: string;
}

/** The job directory and sysroot paths a command line must use under `sandbox`. */
export function sandboxPaths(sandbox: Sandbox, hostDir: string, sysroot?: string): SandboxPaths {
  if (sandbox.kind === 'bwrap') return { build: '/build', ...(sysroot ? { sysroot: '/opt/rust' } : {}) };
  return { build: hostDir, ...(sysroot ? { sysroot } : {}) };
}

/** Finds an executable on PATH, or undefined. */
export function findOnPath(name: string, path = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function rootLinks(): string[] {
  const args: string[] = [];
  for (const name of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) {
    const path = `/${name}`;
    if (!existsSync(path)) continue;
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else args.push('--ro-bind', path, path);
  }
  return args;
}

function prlimitArgs(sandbox: Sandbox, limits: SandboxLimits): string[] {
  if (!sandbox.prlimit) return [];
  const args = [
    sandbox.prlimit,
    // Soft limit first: SIGXCPU (exit 152) says "CPU limit" where a bare SIGKILL would not.
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--fsize=${limits.fileSizeBytes}`,
    `--nofile=${limits.openFiles}`,
    `--nproc=${limits.processes}`,
    '--core=0',
  ];
  if (limits.addressSpaceBytes !== undefined) args.push(`--as=${limits.addressSpaceBytes}`);
  return [...args, '--'];
}

function setprivArgs(sandbox: Sandbox): string[] {
  if (sandbox.uid === undefined || !sandbox.setpriv) return [];
  const id = String(sandbox.uid);
  return [
    sandbox.setpriv,
    `--reuid=${id}`,
    `--regid=${id}`,
    '--clear-groups',
    '--inh-caps=-all',
    '--bounding-set=-all',
    '--no-new-privs',
    '--',
  ];
}

function bwrapArgs(sandbox: Sandbox, step: SandboxStep): string[] {
  const size = String(step.limits.tmpfsBytes);
  const args = [
    sandbox.bwrap ?? 'bwrap',
    '--unshare-net',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--die-with-parent',
    '--new-session',
    '--ro-bind',
    '/usr',
    '/usr',
    ...rootLinks(),
    // Parent dirs that bwrap creates are 0700 root: make them enterable for the dropped uid.
    '--perms',
    '0755',
    '--dir',
    '/etc',
    '--ro-bind-try',
    '/etc/alternatives',
    '/etc/alternatives',
    '--ro-bind-try',
    '/etc/ld.so.cache',
    '/etc/ld.so.cache',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--perms',
    '1777',
    '--size',
    size,
    '--tmpfs',
    '/tmp',
  ];
  if (step.sysroot) args.push('--perms', '0755', '--dir', '/opt', '--ro-bind', step.sysroot, '/opt/rust');
  for (const path of step.binds ?? []) {
    // Parents that bwrap creates would be 0700 root; the dropped uid must be able to walk through them.
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) args.push('--perms', '0755', '--dir', `/${parts.slice(0, i).join('/')}`);
    args.push('--ro-bind', path, path);
  }
  if (step.phase === 'compile') args.push('--bind', step.hostDir, '/build', '--chdir', '/build');
  else
    args.push(
      '--ro-bind',
      step.hostDir,
      '/build',
      '--perms',
      '1777',
      '--size',
      size,
      '--tmpfs',
      '/work',
      '--chdir',
      '/work',
    );
  args.push('--clearenv');
  for (const [key, value] of Object.entries(step.env).sort(([a], [b]) => a.localeCompare(b)))
    args.push('--setenv', key, value);
  return args;
}

/** The full command line (and spawn cwd/env) that runs `step` under `sandbox`. */
export function sandboxCommand(
  sandbox: Sandbox,
  step: SandboxStep,
): { argv: string[]; cwd: string; env: Record<string, string> } {
  if (sandbox.kind === 'bwrap') {
    return {
      argv: [...prlimitArgs(sandbox, step.limits), ...bwrapArgs(sandbox, step), ...setprivArgs(sandbox), ...step.argv],
      cwd: step.hostDir,
      env: {},
    };
  }
  // Without namespaces the compiler keeps our uid (the rustup sysroot is often private to it);
  // the snippet's own binary still runs as the unprivileged uid so RLIMIT_NPROC holds.
  const drop = step.phase === 'run' ? setprivArgs(sandbox) : [];
  const cwd = step.phase === 'run' ? join(step.hostDir, 'run') : step.hostDir;
  // No private /tmp here: temporary files go to the step's own folder, which is removed afterwards.
  return {
    argv: [...prlimitArgs(sandbox, step.limits), ...drop, ...step.argv],
    cwd,
    env: { ...step.env, TMPDIR: cwd },
  };
}

/** Decides how to isolate steps here: bubblewrap when it can start a trivial sandbox, else limits only. */
export async function probeSandbox(options: { uid?: number; disableBwrap?: boolean } = {}): Promise<Sandbox> {
  const prlimit = findOnPath('prlimit');
  const setpriv = findOnPath('setpriv');
  const isRoot = process.getuid?.() === 0;
  const uid = isRoot && setpriv ? (options.uid ?? 65534) : undefined;
  const base = {
    ...(prlimit ? { prlimit } : {}),
    ...(setpriv ? { setpriv } : {}),
    ...(uid !== undefined ? { uid } : {}),
  };
  const bwrap = findOnPath('bwrap');
  if (options.disableBwrap) return { kind: 'limits-only', reason: 'bubblewrap disabled by option', ...base };
  if (!bwrap)
    return { kind: 'limits-only', reason: 'bubblewrap (bwrap) is not installed: apt-get install bubblewrap', ...base };
  const candidate: Sandbox = { kind: 'bwrap', bwrap, ...base };
  const probe = sandboxCommand(candidate, {
    argv: ['/usr/bin/true'],
    hostDir: '/tmp',
    phase: 'run',
    env: { PATH: '/usr/bin' },
    limits: { wallMs: 5000, cpuSeconds: 5, fileSizeBytes: 1 << 20, openFiles: 64, processes: 64, tmpfsBytes: 1 << 20 },
  });
  try {
    const result = await runProcess(probe.argv, { cwd: probe.cwd, env: probe.env, timeoutMs: 5000 });
    if (result.exitCode === 0) return candidate;
    return {
      kind: 'limits-only',
      reason: `bubblewrap cannot create a sandbox here: ${result.stderr.trim().split('\n')[0] ?? ''}`,
      ...base,
    };
  } catch (error) {
    return { kind: 'limits-only', reason: `bubblewrap cannot start: ${String(error)}`, ...base };
  }
}
