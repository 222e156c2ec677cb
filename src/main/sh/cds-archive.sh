#!/usr/bin/env bash
# Writes an application class-data sharing archive of the server: a training start that answers one question, then
# stops (the JVM writes the archive on SIGTERM). Start the server with -XX:SharedArchiveFile=<archive> afterwards:
# the first answer comes about a second sooner. A missing or stale archive only costs that speed (the JVM says so and
# runs without it). Exits non-zero when the server never answers: nothing to archive, and a broken build. Needs bash
# (its /dev/tcp), nothing else.
#
# usage: src/main/sh/cds-archive.sh [jar] [archive] [port]     (defaults: target/fonte-*.jar, fonte.jsa, 18080)
set -u
jar=${1:-$(ls target/fonte-*.jar 2>/dev/null | grep -v original | head -1)}
archive=${2:-fonte.jsa}
port=${3:-18080}
[ -f "$jar" ] || { echo "no jar: $jar" >&2; exit 1; }
rm -f "$archive"
MICRONAUT_SERVER_PORT=$port java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >/dev/null 2>&1 &
pid=$!
body='{"question":"Quante GPU saranno operative entro la fine dell anno?"}'
answered=no
for _ in $(seq 1 240); do
  sleep 0.5
  kill -0 $pid 2>/dev/null || break
  if reply=$(exec 2>/dev/null; exec 3<>/dev/tcp/127.0.0.1/$port \
      && printf 'POST /api/chat HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
         ${#body} "$body" >&3 && cat <&3) && [[ $reply == *'"answered":true'* ]]; then
    answered=yes
    break
  fi
done
sleep 2 # the corpus words are embedded (and kept in the vector store) just after readiness
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
