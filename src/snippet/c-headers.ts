/** Which standard header declares an identifier a C or C++ fragment uses (for auto-wrapped fragments). */

const C_HEADERS: Record<string, string[]> = {
  'stdio.h': [
    'printf',
    'fprintf',
    'sprintf',
    'snprintf',
    'puts',
    'fputs',
    'putchar',
    'getchar',
    'fgets',
    'scanf',
    'sscanf',
    'fopen',
    'fclose',
    'fread',
    'fwrite',
    'fflush',
    'perror',
    'FILE',
    'stdin',
    'stdout',
    'stderr',
    'EOF',
    'remove',
    'rename',
  ],
  'stdlib.h': [
    'malloc',
    'calloc',
    'realloc',
    'free',
    'exit',
    'abort',
    'atoi',
    'atol',
    'strtol',
    'strtoul',
    'qsort',
    'bsearch',
    'rand',
    'srand',
    'getenv',
    'system',
    'EXIT_SUCCESS',
    'EXIT_FAILURE',
    'abs',
    'atexit',
  ],
  'string.h': [
    'strcpy',
    'strncpy',
    'strcat',
    'strncat',
    'strlen',
    'strcmp',
    'strncmp',
    'strchr',
    'strrchr',
    'strstr',
    'strdup',
    'strndup',
    'memcpy',
    'memmove',
    'memset',
    'memcmp',
    'strerror',
    'strtok',
  ],
  'stddef.h': ['NULL', 'size_t', 'ptrdiff_t', 'offsetof'],
  'stdint.h': [
    'int8_t',
    'int16_t',
    'int32_t',
    'int64_t',
    'uint8_t',
    'uint16_t',
    'uint32_t',
    'uint64_t',
    'intptr_t',
    'uintptr_t',
    'SIZE_MAX',
    'INT32_MAX',
    'UINT32_MAX',
    'INT64_MAX',
  ],
  'stdbool.h': ['bool', 'true', 'false'],
  'assert.h': ['assert'],
  'errno.h': ['errno', 'EINVAL', 'ENOMEM', 'EAGAIN'],
  'limits.h': ['INT_MAX', 'INT_MIN', 'UINT_MAX', 'LONG_MAX', 'LONG_MIN', 'CHAR_BIT', 'CHAR_MAX'],
  'ctype.h': ['isalpha', 'isdigit', 'isalnum', 'isspace', 'isupper', 'islower', 'toupper', 'tolower'],
  'math.h': ['sqrt', 'pow', 'fabs', 'floor', 'ceil', 'sin', 'cos', 'log', 'exp'],
  'stdarg.h': ['va_list', 'va_start', 'va_end', 'va_arg'],
  'time.h': ['time', 'clock', 'time_t', 'CLOCKS_PER_SEC'],
  'signal.h': ['signal', 'raise', 'SIGINT', 'SIGSEGV'],
  'unistd.h': ['fork', 'getpid', 'sleep', 'usleep', 'read', 'write', 'close', 'pipe', 'dup2', 'execvp', 'unlink'],
  'fcntl.h': ['open', 'O_RDONLY', 'O_WRONLY', 'O_CREAT', 'O_TRUNC'],
  'sys/wait.h': ['wait', 'waitpid'],
  'sys/socket.h': ['socket', 'connect', 'bind', 'listen', 'accept', 'AF_INET', 'SOCK_STREAM'],
  'netinet/in.h': ['sockaddr_in', 'htons', 'htonl', 'INADDR_LOOPBACK'],
  'arpa/inet.h': ['inet_pton', 'inet_addr'],
  'pthread.h': [
    'pthread_t',
    'pthread_create',
    'pthread_join',
    'pthread_mutex_t',
    'pthread_mutex_lock',
    'pthread_mutex_unlock',
  ],
};

/** C++ spellings of the C headers (`<cstdio>` …); POSIX headers keep their names. */
const CXX_OF_C: Record<string, string> = {
  'stdio.h': 'cstdio',
  'stdlib.h': 'cstdlib',
  'string.h': 'cstring',
  'stddef.h': 'cstddef',
  'stdint.h': 'cstdint',
  'assert.h': 'cassert',
  'errno.h': 'cerrno',
  'limits.h': 'climits',
  'ctype.h': 'cctype',
  'math.h': 'cmath',
  'stdarg.h': 'cstdarg',
  'time.h': 'ctime',
  'signal.h': 'csignal',
};

const CXX_STD: Record<string, string[]> = {
  iostream: ['cout', 'cerr', 'cin', 'endl'],
  vector: ['vector'],
  string: ['string', 'to_string'],
  memory: ['unique_ptr', 'shared_ptr', 'make_unique', 'make_shared', 'weak_ptr'],
  utility: ['move', 'swap', 'pair'],
  array: ['array'],
  map: ['map'],
  algorithm: ['sort', 'find', 'min', 'max'],
};

function invert(table: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [header, names] of Object.entries(table))
    for (const name of names) if (!map.has(name)) map.set(name, header);
  return map;
}

const C_BY_NAME = invert(C_HEADERS);
const CXX_BY_NAME = invert(CXX_STD);

/**
 * Headers for the identifiers in `masked` (comments and literals already blanked), minus those the
 * code includes itself. Sorted, so the generated program is deterministic.
 */
export function headersFor(masked: string, lang: 'c' | 'cpp', alreadyIncluded: ReadonlySet<string>): string[] {
  const headers = new Set<string>();
  // After `using namespace std;` a slide writes `cout`, `vector` unqualified.
  const usingStd = lang === 'cpp' && /\busing\s+namespace\s+std\s*;/.test(masked);
  for (const match of masked.matchAll(/(std::)?\b([A-Za-z_]\w*)\b/g)) {
    const name = match[2] ?? '';
    if (usingStd && !match[1] && CXX_BY_NAME.has(name)) headers.add(CXX_BY_NAME.get(name) ?? '');
    if (lang === 'cpp' && match[1]) {
      const header = CXX_BY_NAME.get(name);
      if (header) headers.add(header);
      continue;
    }
    const header = C_BY_NAME.get(name);
    if (!header) continue;
    // C++ has bool/true/false built in.
    if (lang === 'cpp' && header === 'stdbool.h') continue;
    headers.add(lang === 'cpp' ? (CXX_OF_C[header] ?? header) : header);
  }
  return [...headers].filter((header) => !alreadyIncluded.has(header)).sort();
}
