#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine: Debian packages when missing, npm packages when
# the lockfile changed. Called by `npm run build` and `npm test`, so a new clone needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: diagrams and PDFs; clang + compiler-rt: the second C compiler and its sanitizers;
# bubblewrap: the snippet sandbox; noto fonts: emoji and CJK in PDFs; poppler-utils: PDF tests.
packages=(chromium pandoc clang libclang-rt-14-dev bubblewrap fonts-noto-color-emoji fonts-noto-cjk poppler-utils)
packages+=("$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "proofdeck setup: installing Debian packages: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

for tool in gcc rustc; do
  command -v "$tool" >/dev/null || { echo "proofdeck setup: $tool is missing (gcc: apt-get install gcc; rustc: https://rustup.rs)" >&2; exit 3; }
done

stamp=node_modules/.proofdeck-setup
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/node ]; then
  echo "proofdeck setup: installing npm packages (npm ci)" >&2
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2
  touch "$stamp"
fi

# The CLI runs from one bundle (lib/) for start-up speed; rebuilt whenever a source it came from changed.
if ! node_modules/.bin/node --input-type=module -e "import { entryPoint } from './bin/entry.js'; process.exit(entryPoint(process.cwd()).endsWith('.ts') ? 1 : 0)"; then
  # Only a speed-up: without it (esbuild missing, say) the CLI runs from src/.
  node_modules/.bin/node scripts/bundle.ts >&2 || echo "proofdeck setup: bundling failed; the CLI runs from src/ (slower start-up)" >&2
fi
