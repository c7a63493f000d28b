# syntax=docker/dockerfile:1.7
# One image for every app of the platform; APP picks which dist/apps/<APP>/src/main.js runs:
#   platform (embedded, SQLite) | <context>-api (one command API per bounded context, e.g. service-desk-api)
#   | relay | projector | query-api
# Every app listens on PORT: 3000 in the image; compose and k8s set each app's own (service-desk-api
# 3001, relay 3002, projector 3003, query-api 3004, a new context's API whatever its service sets).
#
#   docker build -t ebp:dev .                                   # APP=platform
#   docker build -t ebp-relay:dev --build-arg APP=relay .
#   docker run -e APP=query-api -e MONGO_URL=... -e JWT_SECRET=... ebp:dev   # APP can also be chosen at run time
#
# Stages: deps (npm ci from the lock file + native build of better-sqlite3) → build (tsc) → prune to
# production dependencies → runtime (Node 22 LTS slim, non-root, tini as PID 1).

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------- deps --
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Toolchain for node-gyp, used when no prebuilt better-sqlite3 binary is used (see SQLITE_FROM_SOURCE).
# Debian stable's packages are not pinned: the archive drops superseded versions.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp compiles against the headers shipped in the image instead of downloading them.
ENV npm_config_nodedir=/usr/local \
    npm_config_audit=false \
    npm_config_fund=false \
    npm_config_update_notifier=false \
    SCARF_ANALYTICS=false
# true: compile better-sqlite3 here (no binary fetched from outside the npm registry); false: try its prebuilt first.
ARG SQLITE_FROM_SOURCE=true
COPY package.json package-lock.json ./
# Install scripts are off (package.json's allowScripts lists the only ones the project trusts); the one
# the runtime needs, better-sqlite3's native build, is run explicitly.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts \
 && npm_config_build_from_source=${SQLITE_FROM_SOURCE} npm rebuild better-sqlite3 \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"

# --------------------------------------------------------------------------------------- build --
FROM deps AS build
COPY tsconfig.json tsconfig.base.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
# Only better-sqlite3's compiled addon is kept: its sources and intermediate objects are ~25 MB.
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts \
 && mv node_modules/better-sqlite3/build/Release/better_sqlite3.node /tmp/ \
 && rm -rf node_modules/better-sqlite3/build node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
 && mkdir -p node_modules/better-sqlite3/build/Release \
 && mv /tmp/better_sqlite3.node node_modules/better-sqlite3/build/Release/ \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"

# ------------------------------------------------------------------------------------- runtime --
FROM ${NODE_IMAGE} AS runtime
# tini is PID 1: it forwards SIGTERM/SIGINT to node and reaps zombies. Node then runs as a normal
# process, so Nest's shutdown hooks (enableShutdownHooks) see SIGTERM and drain before exiting.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown 1000:1000 /data
WORKDIR /app
# Code and dependencies stay root-owned and read-only to the app user (uid 1000, `node` in the base image).
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/tools/node/register-paths.js ./tools/node/register-paths.js
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

ARG APP=platform
ENV APP=${APP} \
    NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# Whatever the app, it listens on PORT (set it per container; the healthcheck follows it).
EXPOSE 3000
# Numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000

# Liveness only (the process answers HTTP); readiness (/health/ready) also needs the engines and is
# what compose's depends_on and Kubernetes' readinessProbe use. No curl in slim: node does the GET.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('node:http').get({host:'127.0.0.1',port:Number(process.env.PORT||3000),path:'/health/live',timeout:4000},(r)=>process.exit(r.statusCode===200?0:1)).on('timeout',()=>process.exit(1)).on('error',()=>process.exit(1))"]

STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
# exec: node replaces the shell, so tini's signals reach it directly.
CMD ["/bin/sh", "-c", "main=dist/apps/$APP/src/main.js; [ -f \"$main\" ] || { echo \"unknown APP '$APP': $main not found\" >&2; exit 64; }; exec node -r ./tools/node/register-paths.js \"$main\""]
