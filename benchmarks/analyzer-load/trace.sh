#!/usr/bin/env bash
# Runs one project's compile (the csc command line its run.sh build logged) in its own process under dotnet-trace, as
# a build without the compiler server runs it, and prints where the samples under Seedance's frames go.
# Usage: benchmarks/analyzer-load/trace.sh <run.sh work folder> <requests|peers|idle>
# Needs dotnet-trace: dotnet tool install --tool-path /tmp/dt dotnet-trace; PATH=/tmp/dt:$PATH
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$1
name=$2
line=$(grep -m1 -E "Roslyn/bincore/csc /noconfig" "$work/$name-1.log" | sed -E 's/^ +//')
csc=${line%% *}
printf '%s\n' "${line#* }" > "$work/$name.rsp"
cd "$work/$name"
trace="$work/$name.nettrace"
rm -f "$trace" "$work/$name.speedscope.json"
dotnet-trace collect --profile dotnet-sampled-thread-time,dotnet-common -o "$trace" -- "$csc" "@$work/$name.rsp" > "$work/$name-trace.log" 2>&1 || true
dotnet-trace convert --format Speedscope "$trace" -o "$work/$name" > /dev/null
python3 "$repo/benchmarks/analyzer-load/frames.py" "$work/$name.speedscope.json"
