#!/usr/bin/env bash
# Runs the README's commands, as a newcomer would, in a fresh clone of this repository (its last commit), and fails on
# the first that fails. Each step first checks that the README still shows the command, so the two cannot drift
# apart unnoticed. The Docker commands are left out (they need a daemon). Servers listen on a free port instead of
# 8080, so a server already running here is not disturbed.
#
#   src/test/sh/readme-commands.sh           every command, the tests and the benchmarks included (about 20 minutes)
#   QUICK=1 src/test/sh/readme-commands.sh   without ./mvnw verify and the benchmarks
set -euo pipefail

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill -- -"$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$repo" "$work/fonte"
cd "$work/fonte"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export MICRONAUT_SERVER_PORT=$port
passed=0

shown() { # the README must still show this text
  grep -qF -- "$1" README.md || { echo "FAIL: the README no longer shows: $1"; exit 1; }
}

run() { # a README command, run as it is written, or as the second argument says (on this port)
  shown "$1"
  local command=${2:-$1}
  echo "== $command"
  local started=$SECONDS
  if bash -c "$command" > "$work/step.log" 2>&1; then
    passed=$((passed + 1))
    echo "   ok in $((SECONDS - started)) s"
  else
    echo "FAIL: $1"; tail -40 "$work/step.log"; exit 1
  fi
}

start() { # a README command that starts the server; waits until it answers
  shown "$1"
  echo "== $1 (port $port)"
  setsid bash -c "$1" > "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    if curl -sf "localhost:$port/health/readiness" > /dev/null; then
      passed=$((passed + 1)); echo "   ready"; return
    fi
    sleep 1
  done
  echo "FAIL: not ready within 10 minutes: $1"; tail -40 "$work/server.log"; exit 1
}

stop() {
  kill -- -"$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

ask() { # the README's curl, on this port; the answer must be answered with a citation
  shown "curl -s localhost:8080/api/chat -H 'Content-Type: application/json'"
  local reply
  reply=$(curl -s "localhost:$port/api/chat" -H 'Content-Type: application/json' \
    -d '{"question": "Quante GPU avrà Meta entro fine anno?"}')
  echo "   $reply" | cut -c1-200
  grep -q '"answered":true' <<< "$reply" && grep -q '"citations":\[{' <<< "$reply" \
    || { echo "FAIL: the README's question was not answered with a citation"; exit 1; }
  passed=$((passed + 1))
}

start "./mvnw mn:run"
ask
url_eval='./mvnw -q -Peval compile exec:java -Dexec.args="--url http://localhost:8080 src/test/resources/fixtures"'
run "$url_eval" "${url_eval/8080/$port}"
stop

if [[ -z "${QUICK:-}" ]]; then
  run "./mvnw verify"
fi
start "./mvnw package -DskipTests && java -jar target/fonte-*.jar"
ask
stop

run "./mvnw -q -Peval compile exec:java"
run "./mvnw -q -Peval compile exec:java -Dexec.args=\"--compare-retrieval src/test/resources/fixtures\""
run "./mvnw -q -Peval compile exec:java -Dexec.args=\"--quiet --overwrite --markdown src/docs/eval-report.md src/test/resources/fixtures\""
if [[ -z "${QUICK:-}" ]]; then
  run "./mvnw -q -Pbench package -DskipTests"
fi
echo "all $passed README steps passed"
