#!/bin/bash
# One start of a packaged app under async-profiler (CPU samples per thread, collapsed stacks), stopped at the first
# served GET /hello. Usage: profile-start.sh <app dir with quarkus-run.jar> <output prefix>
# ASYNC_PROFILER: libasyncProfiler.so (unzip linux-x64/ from tools.profiler:async-profiler:4.1's jar); INTERVAL: 200us.
app=$1/quarkus-run.jar; out=$2
java -agentpath:${ASYNC_PROFILER:?set ASYNC_PROFILER}=start,event=cpu,interval=${INTERVAL:-200us},threads,file=$out.collapsed \
    -Dquarkus.http.port=18233 -Dquarkus.http.host=127.0.0.1 -jar $app >/dev/null 2>$out.err &
pid=$!
until curl -s -o /dev/null 127.0.0.1:18233/hello; do sleep 0.005; done
kill $pid; wait $pid 2>/dev/null
