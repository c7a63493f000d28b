# shellcheck shell=bash
# Shared settings and helpers for tools/engines/start and tools/engines/stop.
# Sourced, not executed. Every setting can be overridden from the environment.

ENGINES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd "$ENGINES_DIR/../.." && pwd -P)

# Downloads and builds survive between runs (and between checkouts) here.
ENGINES_HOME=${ENGINES_HOME:-$HOME/.cache/ebp-engines}
# Per-checkout state: configs, data, logs, pid files, env. Git-ignored.
ENGINES_RUN=${ENGINES_RUN:-$REPO_ROOT/.engines}

KAFKA_VERSION=${KAFKA_VERSION:-4.4.0}
FERRETDB_VERSION=${FERRETDB_VERSION:-v1.24.2}

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
MONGO_PORT=${MONGO_PORT:-27017}
MONGO_DB=${MONGO_DB:-ebp}

# Seconds to wait for an engine to accept connections / to exit on SIGTERM.
ENGINES_TIMEOUT=${ENGINES_TIMEOUT:-120}
ENGINES_STOP_TIMEOUT=${ENGINES_STOP_TIMEOUT:-30}

ALL_ENGINES="kafka ferretdb"

# Progress goes to stderr so that stdout carries only the env lines
# (`eval "$(tools/engines/start)"` works as well as `source .engines/env`).
log() { printf '[engines] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# True if something accepts TCP connections on 127.0.0.1:$1 (bash /dev/tcp,
# so no nc/ss needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# What identifies each engine's process in `ps` output: a pid file alone
# could point at an unrelated process after a reboot (PID reuse).
engine_pattern() {
  case $1 in
    kafka) echo 'kafka\.Kafka' ;;
    ferretdb) echo 'ferretdb' ;;
    *) die "unknown engine '$1' (expected: $ALL_ENGINES)" ;;
  esac
}

pid_file() { echo "$ENGINES_RUN/$1/$1.pid"; }
log_file() { echo "$ENGINES_RUN/$1/$1.log"; }

# Prints the pid of the running engine $1, or fails if it is not running.
engine_pid() {
  local f pid
  f=$(pid_file "$1")
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null) || return 1
  case $pid in '' | *[!0-9]*) return 1 ;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  ps -ww -p "$pid" -o args= 2>/dev/null | grep -q -- "$(engine_pattern "$1")" || return 1
  echo "$pid"
}

# Serialise start/stop of one run directory (parallel test runners may call
# start concurrently). flock is util-linux; without it we just go ahead.
take_lock() {
  mkdir -p "$ENGINES_RUN"
  exec 9>"$ENGINES_RUN/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w "$((ENGINES_TIMEOUT * 3 + 600))" 9 || die "could not lock $ENGINES_RUN/.lock"
  fi
}

# SIGTERM, wait up to ENGINES_STOP_TIMEOUT, then SIGKILL.
stop_engine() {
  local name=$1 pid i
  if ! pid=$(engine_pid "$name"); then
    rm -f "$(pid_file "$name")"
    log "$name: not running"
    return 0
  fi
  log "$name: stopping pid $pid (SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < ENGINES_STOP_TIMEOUT * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: still alive after ${ENGINES_STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$(pid_file "$name")"
  log "$name: stopped"
}

# (Re)writes $ENGINES_RUN/env with one export line per engine running now
# (also those started earlier with `start kafka` / `start ferretdb` alone),
# prints those lines, and removes the file when nothing runs, so sourcing it
# never points a test at a dead engine.
write_env() {
  local lines=""
  if engine_pid kafka >/dev/null; then
    lines="${lines}export KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
"
  fi
  if engine_pid ferretdb >/dev/null; then
    lines="${lines}export MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT/$MONGO_DB
"
  fi
  if [ -z "$lines" ]; then
    rm -f "$ENGINES_RUN/env"
    return 0
  fi
  printf '%s' "$lines" >"$ENGINES_RUN/env.tmp"
  mv -f "$ENGINES_RUN/env.tmp" "$ENGINES_RUN/env"
  printf '%s' "$lines"
}

# Validates engine names given on the command line; none means all.
select_engines() {
  local e sel=""
  for e in "$@"; do
    case $e in
      kafka) sel="$sel kafka" ;;
      ferretdb | mongo | mongodb) sel="$sel ferretdb" ;;
      *) die "unknown engine '$e' (expected: $ALL_ENGINES)" ;;
    esac
  done
  echo "${sel:-$ALL_ENGINES}"
}
