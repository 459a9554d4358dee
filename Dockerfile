# proofdeck with everything it proves and prints with: Debian's gcc, clang and chromium, rustup's stable
# rustc, bubblewrap. Runs `proofdeck build` (or any proofdeck command) on a talk repository mounted at /talk:
#
#   docker build -t proofdeck .
#   docker run --rm --user "$(id -u):$(id -g)" --security-opt seccomp=unconfined \
#     --security-opt apparmor=unconfined -v "$PWD:/talk" proofdeck build
#
# The two security options let bubblewrap create the user namespace its sandbox needs; without them
# snippets still run, with CPU, memory and time limits, and the build warns `snippet/sandbox-degraded`.

# Stage 1: the package exactly as `npm pack` makes it (compiled JavaScript, no tests).
FROM node:24-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm pack --pack-destination /tmp && mv /tmp/proofdeck-*.tgz /tmp/proofdeck.tgz

# Stage 2: the toolchains and the installed package.
FROM node:24-bookworm-slim
ENV RUSTUP_HOME=/usr/local/rustup \
    CARGO_HOME=/usr/local/cargo \
    PATH=/usr/local/cargo/bin:$PATH \
    PUPPETEER_SKIP_DOWNLOAD=1 \
    PROOFDECK_CHROMIUM=/usr/bin/chromium
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates curl gcc libc6-dev clang libclang-rt-14-dev bubblewrap chromium \
      fonts-noto-color-emoji fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# World-readable toolchain: the container runs as the host user (--user) so dist/ is theirs.
RUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
      | sh -s -- -y --no-modify-path --profile minimal --default-toolchain stable \
 && chmod -R a+rX "$RUSTUP_HOME" "$CARGO_HOME" \
 && rustc --version
COPY --from=pack /tmp/proofdeck.tgz /tmp/proofdeck.tgz
RUN npm install -g --no-audit --no-fund /tmp/proofdeck.tgz && rm /tmp/proofdeck.tgz && proofdeck --version
# An arbitrary --user has no home: npm, rustup and chromium write there.
ENV HOME=/tmp
WORKDIR /talk
ENTRYPOINT ["proofdeck"]
CMD ["build"]
