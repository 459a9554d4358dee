/** `env=` of a C block, and the `NAME=value` prefix of a transcript's run command: the same grammar. */

/** Runtime variables a block may set with `env=`; the loader's and the shell's own are not the snippet's to change. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const ENV_FORBIDDEN = /^(LD_\w*|PATH|HOME|TMPDIR|LC_ALL)$/;

/** `env="A=1 B=x:y"` → [['A', '1'], ['B', 'x:y']]; undefined entries are malformed. */
export function parseEnv(value: string): ([string, string] | { bad: string })[] {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const equals = entry.indexOf('=');
      const name = equals > 0 ? entry.slice(0, equals) : '';
      if (!ENV_NAME.test(name) || ENV_FORBIDDEN.test(name)) return { bad: entry };
      return [name, entry.slice(equals + 1)];
    });
}
