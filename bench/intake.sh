#!/usr/bin/env bash
# The intake load driver (src/test/java/org/ringback/bench/LoadDriver.java) against the packaged jar on a fresh
# data directory with the demo practice, 4 clients. Usage, from the project directory after
#   ./mvnw -q -o package -DskipTests && ./mvnw -q -o test-compile \
#   && ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# bench/intake.sh target/ringback.jar .
set -euo pipefail
JAR=$(realpath $1); T=$2; DATA=/tmp/intake-q; PORT=18500
rm -rf $DATA
(RINGBACK_DATA_DIR=$DATA nohup java -Xmx256m -XX:+UseSerialGC -jar $JAR --server.port=$PORT --ringback.sweep.enabled=false > $DATA-server.log 2>&1 &)
for i in $(seq 1 120); do grep -q "Ringback is ready" $DATA-server.log && break; sleep 2; done
PID=$(pgrep -f "server.port=$PORT" | head -1)
cd $T && java -cp target/test-classes:$(cat target/test-classpath.txt) org.ringback.bench.LoadDriver \
  --url=http://127.0.0.1:$PORT --password=$(cat $DATA/initial-admin-password) --data-dir=$DATA --pid=$PID \
  --clients=4 --seconds=120 --warmup-seconds=60
kill $PID
