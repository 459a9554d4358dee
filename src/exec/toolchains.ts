/** Finds gcc, clang, g++, clang++ and rustc, and reads their exact versions. */
import { closeSync, lstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileIdentity as identity, readCacheEntry, sha256, writeCacheEntry } from '../cache/store.ts';
import { findOnPath } from './sandbox.ts';
import { runProcess, SpawnError } from './spawn.ts';
import { MissingToolError } from '../model/errors.ts';

/** A compiler proofdeck can drive. */
export type ToolName = 'gcc' | 'clang' | 'g++' | 'clang++' | 'rustc';

/** A discovered compiler. */
export interface Toolchain {
  name: ToolName;
  /** Absolute path of the real binary (for rustc: inside the sysroot, not the rustup proxy). */
  path: string;
  /** Version number, e.g. `12.2.0`. */
  version: string;
  /** First line of `--version`, verbatim: part of every cache key. */
  versionLine: string;
  /** rustc only: the sysroot (bound read-only into the sandbox). */
  sysroot?: string;
}

const HINTS: Record<ToolName, string> = {
  gcc: 'install it with: apt-get install gcc',
  'g++': 'install it with: apt-get install g++',
  clang: 'install it with: apt-get install clang (plus libclang-rt-<version>-dev for sanitizers)',
  'clang++': 'install it with: apt-get install clang',
  rustc: 'install it with rustup (https://rustup.rs) or: apt-get install rustc',
};

/** A compiler a snippet needs is not installed. The CLI maps it to exit code 3. */
export class MissingToolchainError extends MissingToolError {
  readonly tool: ToolName;
  /** One-line fix, naming the Debian package. */
  readonly hint: string;
  constructor(tool: ToolName, detail?: string) {
    super(`${tool} is not installed${detail ? ` (${detail})` : ''}; ${HINTS[tool]}`);
    this.tool = tool;
    this.hint = HINTS[tool];
  }
}

function hostEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env['LC_ALL'] = 'C';
  return env;
}

async function capture(argv: string[], tool: ToolName): Promise<string> {
  try {
    const result = await runProcess(argv, { env: hostEnv(), timeoutMs: 30_000 });
    if (result.exitCode !== 0)
      throw new MissingToolchainError(
        tool,
        `\`${argv.join(' ')}\` failed: ${result.stderr.trim().split('\n')[0] ?? ''}`,
      );
    return result.stdout;
  } catch (error) {
    if (error instanceof SpawnError) throw new MissingToolchainError(tool, error.message);
    throw error;
  }
}

async function discoverRustc(path: string): Promise<Toolchain> {
  // Both through the rustup proxy, in parallel: the same toolchain answers, and a warm check waits once.
  const [sysrootOutput, verbose] = await Promise.all([
    capture([path, '--print', 'sysroot'], 'rustc'),
    capture([path, '-vV'], 'rustc'),
  ]);
  const sysroot = sysrootOutput.trim();
  const versionLine = verbose.split('\n')[0]?.trim() ?? '';
  const version = /^release: (\S+)/m.exec(verbose)?.[1] ?? /rustc (\S+)/.exec(versionLine)?.[1] ?? 'unknown';
  return {
    name: 'rustc',
    path: join(sysroot, 'bin', 'rustc'),
    version,
    versionLine,
    sysroot,
  };
}

/**
 * Follows symlinks only until the path is under /usr, which the sandbox sees. It stops there because
 * the name matters: `clang++` is a link to `clang`, and clang picks its C++ mode from the name.
 */
function visiblePath(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40 && !current.startsWith('/usr/'); hops++) {
    if (!lstatSync(current).isSymbolicLink()) return realpathSync(current);
    current = resolve(dirname(current), readlinkSync(current));
  }
  return current;
}

const WRAPPERS = new Set(['ccache', 'sccache', 'distcc', 'icecc']);

/**
 * A compiler cache or a script in front of the compiler: its own identity says nothing about the
 * compiler behind it (which an upgrade replaces), so such a tool is probed on every build.
 */
function isWrapper(path: string): boolean {
  try {
    if (WRAPPERS.has(basename(realpathSync(path)))) return true;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(2);
      readSync(fd, head, 0, 2, 0);
      return head.toString('latin1') === '#!';
    } finally {
      closeSync(fd);
    }
  } catch {
    return true;
  }
}

/**
 * Everything that decides which compiler `path` runs and what it is. For rustup's proxy that is also
 * its settings (default toolchain, overrides), RUSTUP_TOOLCHAIN and rust-toolchain files above cwd.
 */
function fingerprint(name: ToolName, path: string): string {
  const parts: (string | undefined)[] = [name, path, identity(path)];
  if (name === 'rustc') {
    const rustupHome = process.env['RUSTUP_HOME'] ?? join(homedir(), '.rustup');
    parts.push(process.env['RUSTUP_TOOLCHAIN'], rustupHome, identity(join(rustupHome, 'settings.toml')));
    for (let dir = process.cwd(); ; dir = dirname(dir)) {
      for (const file of ['rust-toolchain', 'rust-toolchain.toml']) {
        const found = identity(join(dir, file));
        if (found) parts.push(found);
      }
      if (dirname(dir) === dir) break;
    }
  }
  return sha256(JSON.stringify(parts));
}

interface RememberedToolchain {
  toolchain: Toolchain;
  /**
   * Identity of the binary that answered (for rustc the sysroot's, behind the proxy): a changed one is probed again.
   */
  binary: string;
}

function recall(cacheDir: string, key: string): Toolchain | undefined {
  try {
    const entry = JSON.parse(readCacheEntry(cacheDir, key, 'json') ?? 'null') as RememberedToolchain | null;
    return entry && identity(entry.toolchain.path) === entry.binary ? entry.toolchain : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the compiler itself (spawns `--version`, or rustc twice through rustup's proxy). */
async function probe(name: ToolName, path: string): Promise<Toolchain> {
  if (name === 'rustc') return discoverRustc(path);
  const output = await capture([path, '--version'], name);
  const versionLine = output.split('\n')[0]?.trim() ?? '';
  // gcc: "gcc (Debian 12.2.0-14+deb12u1) 12.2.0"; clang: "Debian clang version 14.0.6".
  const version =
    /version (\d+\.\d+(?:\.\d+)?)/.exec(versionLine)?.[1] ??
    /(\d+\.\d+(?:\.\d+)?)\s*$/.exec(versionLine)?.[1] ??
    'unknown';
  return { name, path, version, versionLine };
}

/** Options for {@link discoverToolchain}. */
export interface DiscoverOptions {
  /** PATH to search. @default process.env.PATH */
  pathEnv?: string | undefined;
  /**
   * Folder remembering probed toolchains by {@link fingerprint}: spawning compilers for their versions
   * is most of a fully cached build's snippet stage. `undefined` probes every time.
   */
  cacheDir?: string | undefined;
}

/** Locates `name` on PATH and reads its version; throws {@link MissingToolchainError} when it is absent or broken. */
export async function discoverToolchain(name: ToolName, options: DiscoverOptions = {}): Promise<Toolchain> {
  const found = findOnPath(name, options.pathEnv);
  if (!found) throw new MissingToolchainError(name);
  const path = name === 'rustc' ? found : visiblePath(found);
  // rustup's proxy is a real binary (not a wrapper by these rules); the sysroot rustc it answers with is checked on
  // every recall.
  const cacheDir = options.cacheDir !== undefined && !isWrapper(path) ? options.cacheDir : undefined;
  if (cacheDir === undefined) return probe(name, path);
  const key = fingerprint(name, path);
  const remembered = recall(cacheDir, key);
  if (remembered) return remembered;
  const toolchain = await probe(name, path);
  const binary = identity(toolchain.path);
  if (binary !== undefined)
    writeCacheEntry(cacheDir, key, 'json', JSON.stringify({ toolchain, binary } satisfies RememberedToolchain));
  return toolchain;
}

/** Discovers each toolchain at most once per verification run (no module-level state). */
export interface ToolchainSet {
  get(name: ToolName): Promise<Toolchain>;
}

/** A memoising {@link ToolchainSet}; `pathEnv` pins where compilers are looked up (tests, unusual installs). */
export function createToolchainSet(options: DiscoverOptions = {}): ToolchainSet {
  const found = new Map<ToolName, Promise<Toolchain>>();
  return {
    get(name) {
      let pending = found.get(name);
      if (!pending) {
        pending = discoverToolchain(name, options);
        // Keep the rejection observed: callers may not await every tool.
        pending.catch(() => undefined);
        found.set(name, pending);
      }
      return pending;
    },
  };
}
