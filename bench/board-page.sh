#!/usr/bin/env bash
# The board page's p50/p95/p99 for a practice, against a running server on a data directory: creates a STAFF user
# for the practice (admin password from the data directory), signs in through the form and times N sequential
# page loads with curl after 10 warm-up ones, with the server's CPU per request from /proc; then the same for
# "Show more" (the next rows after the first page, as board.js asks for them) and for the refresh of a board
# expanded to 1,000 rows (size=1000).
# Usage: bench/board-page.sh <data-dir> <port> <practice-id> [n]
set -euo pipefail
DATA=$1; PORT=$2; PRACTICE=$3; N=${4:-60}
ADMIN=$(cat $DATA/initial-admin-password)
USER=bench-board-$RANDOM
curl -s -o /dev/null -w "user %{http_code}\n" -u admin:$ADMIN -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USER\",\"password\":\"bench-board-secret\",\"displayName\":\"Bench\",\"roles\":[\"STAFF\"],\"practiceIds\":[\"$PRACTICE\"]}" \
  http://127.0.0.1:$PORT/api/v1/users
JAR=$(mktemp)
CSRF=$(curl -s -c $JAR -b $JAR http://127.0.0.1:$PORT/login | grep -o 'name="_csrf"[^>]*value="[^"]*"\|value="[^"]*"[^>]*name="_csrf"' | grep -o 'value="[^"]*"' | head -1 | sed 's/value="//; s/"$//')
curl -s -o /dev/null -w "login %{http_code}\n" -c $JAR -b $JAR --data-urlencode "username=$USER" --data-urlencode "password=bench-board-secret" --data-urlencode "_csrf=$CSRF" http://127.0.0.1:$PORT/login
PID=$(pgrep -f "server.port=$PORT" | head -1)
for i in 1 2 3 4 5 6 7 8 9 10; do curl -s -o /dev/null -b $JAR "http://127.0.0.1:$PORT/practices/$PRACTICE/board" ; done
rows=$(curl -s -b $JAR "http://127.0.0.1:$PORT/practices/$PRACTICE/board" | grep -o 'href="/callbacks/[0-9a-f-]\{36\}"' | sort -u | wc -l)
echo "rows on the page: $rows; load $(cut -d' ' -f1-3 /proc/loadavg)"
c0=$(awk '{print $14+$15}' /proc/$PID/stat)
for i in $(seq 1 $N); do curl -s -o /dev/null -w "%{time_total}\n" -b $JAR "http://127.0.0.1:$PORT/practices/$PRACTICE/board"; done | sort -n > $JAR.times
c1=$(awk '{print $14+$15}' /proc/$PID/stat)
awk -v n=$N '{a[NR]=$1} END {p50=a[int((n*50+99)/100)]; p95=a[int((n*95+99)/100)]; p99=a[int((n*99+99)/100)]; printf "board page n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms\n", n, p50*1000, p95*1000, p99*1000}' $JAR.times
echo "app CPU per request: $(( (c1-c0)*10 / N )) ms; load $(cut -d' ' -f1-3 /proc/loadavg)"
pct() { sort -n | awk -v what="$1" '{a[NR]=$1} END {printf "%s n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms\n", what, NR, a[int((NR*50+99)/100)]*1000, a[int((NR*95+99)/100)]*1000, a[int((NR*99+99)/100)]*1000}'; }
MORE=$(curl -s -b $JAR "http://127.0.0.1:$PORT/practices/$PRACTICE/board" | grep -o 'id="board-more"[^>]*href="[^"]*"' | sed 's/.*href="//; s/"$//; s/&amp;/\&/g' || true)
if [ -n "$MORE" ]; then
  for i in $(seq 1 $N); do curl -s -o /dev/null -w "%{time_total}\n" -H 'HX-Request: true' -b $JAR "http://127.0.0.1:$PORT$MORE"; done | pct "show more (next rows)"
  for i in $(seq 1 $N); do curl -s -o /dev/null -w "%{time_total}\n" -H 'HX-Request: true' -b $JAR "http://127.0.0.1:$PORT/practices/$PRACTICE/board?size=1000"; done | pct "refresh of 1,000 rows"
fi
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
