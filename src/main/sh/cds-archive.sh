#!/usr/bin/env bash
# Writes an application class-data sharing archive of the server: a training start that answers one question and
# takes Slack requests, then stops (the JVM writes the archive on SIGTERM). Start the server with
# -XX:SharedArchiveFile=<archive> afterwards: the first answer, and the first Slack reply, come about a second sooner.
# A missing or stale archive only costs that speed (the JVM says so and runs without it). Exits non-zero when the
# server never answers: nothing to archive, and a broken build. Needs bash (its /dev/tcp); with openssl it also signs
# a Slack command and mention, as Slack does.
#
# usage: src/main/sh/cds-archive.sh [jar] [archive] [port]     (defaults: target/fonte-*.jar, fonte.jsa, 18080)
set -u
jar=${1:-$(ls target/fonte-*.jar 2>/dev/null | grep -v original | head -1)}
archive=${2:-fonte.jsa}
port=${3:-18080}
[ -f "$jar" ] || { echo "no jar: $jar" >&2; exit 1; }
rm -f "$archive"

# Slack is on in HTTP events mode for the training start, so that its classes are archived too (the SDK client, Bolt,
# the signature check: several hundred classes). Its Web API and response URL point at a closed local port: nothing
# leaves the machine, and the calls that fail at once still load the HTTP client's classes.
nowhere=http://127.0.0.1:9
secret=cds-training-secret
export SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-0000000000-0000000000000-cdstraining000000000000
export FONTE_SLACK_API_URL=$nowhere/api/
unset SLACK_APP_TOKEN SLACK_CLIENT_ID SLACK_CLIENT_SECRET

MICRONAUT_SERVER_PORT=$port java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >/dev/null 2>&1 &
pid=$!

# post PATH CONTENT-TYPE BODY [HEADER...]: prints the response
post() {
  local path=$1 type=$2 body=$3 headers=""
  shift 3
  for h in "$@"; do headers+="$h"$'\r\n'; done
  (exec 2>/dev/null; exec 3<>/dev/tcp/127.0.0.1/$port \
    && printf 'POST %s HTTP/1.0\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n%s' \
       "$path" "$type" ${#body} "$headers" "$body" >&3 && cat <&3)
}

# signed PATH CONTENT-TYPE BODY: as Slack signs it, when openssl is there
signed() {
  command -v openssl >/dev/null 2>&1 || return 0
  local ts signature
  ts=$(date +%s)
  signature=$(printf 'v0:%s:%s' "$ts" "$3" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')
  post "$1" "$2" "$3" "X-Slack-Request-Timestamp: $ts" "X-Slack-Signature: v0=$signature" >/dev/null
}

body='{"question":"Quante GPU saranno operative entro la fine dell anno?"}'
answered=no
for _ in $(seq 1 240); do
  sleep 0.5
  kill -0 $pid 2>/dev/null || break
  if reply=$(post /api/chat application/json "$body") && [[ $reply == *'"answered":true'* ]]; then
    answered=yes
    break
  fi
done
if [ $answered = yes ]; then
  form=application/x-www-form-urlencoded
  post /slack/commands $form 'ssl_check=1&token=x' >/dev/null
  post /slack/events application/json '{"type":"event_callback"}' >/dev/null # unsigned: 401
  signed /slack/commands $form "team_id=T0&channel_id=C0&user_id=U0&command=%2Ffonte&text=Quanto+spende+Meta%3F\
&response_url=$nowhere%2Fr"
  signed /slack/events application/json '{"type":"event_callback","team_id":"T0","event_id":"Ev0","event":'\
'{"type":"app_mention","user":"U0","text":"<@U1> How many GPUs?","ts":"1.0","channel":"C0"}}'
fi
sleep 1
kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
if [ "$answered" != yes ]; then
  echo "the training start never answered a question: the server is broken, no archive is kept" >&2
  rm -f "$archive"
  exit 1
fi
if [ -f "$archive" ]; then
  echo "class-data archive: $archive (training start answered: $answered)"
else
  echo "no archive was written (this JVM cannot dump one)" >&2
  exit 1
fi
