#!/usr/bin/env bash
# The real build as the judge: three projects built from the packed Seedance.Generators package with
# -p:ReportAnalyzer=true, alternately, several rounds; prints the medians and the ratios of docs/performance.md.
#   requests: 500 files, one [SeedanceClient], 2,000 request constructions
#   peers:    500 files, 2,000 string.Format sites (CA2241) and nine records under [JsonSerializable]; the package
#             referenced, nothing of it used
#   idle:     500 plain files; the package referenced, nothing of it used
# Usage: benchmarks/analyzer-load/run.sh [rounds (default 3)] [work folder (default: a new temp folder)]
# SHARED=1 builds through a warm compiler server (UseSharedCompilation=true), as a developer machine does; the
# default follows the environment (this workplace sets UseSharedCompilation=false: a fresh csc process per build).
set -euo pipefail
shared=()
if [ "${SHARED:-0}" = 1 ]; then export UseSharedCompilation=true; shared=(-p:UseSharedCompilation=true); fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
work=${2:-$(mktemp -d)}
mkdir -p "$work"

dotnet pack "$repo/src/Seedance" -c Release -o "$work/feed" > "$work/pack.log"
version=$(sed -nE 's/.*<Version>([^<]+)<\/Version>.*/\1/p' "$repo/Directory.Build.props" | head -1)
dotnet run -c Release --project "$repo/benchmarks/Seedance.Benchmarks" -- --write-projects "$work/src" > "$work/write.log"

for name in requests peers idle; do
  project="$work/$name"
  rm -rf "$project" && mkdir -p "$project"
  cp "$work/src/$name"/*.cs "$project/"
  cat > "$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  cat > "$project/$name.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NuGetAudit>false</NuGetAudit>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Seedance.Generators" Version="$version" />
  </ItemGroup>
</Project>
XML
  # CA2241 is not on by default; the peer measurement needs it running, as a warning.
  printf 'is_global = true\ndotnet_diagnostic.CA2241.severity = warning\n' > "$project/peer.globalconfig"
  cat > "$project/Directory.Build.props" <<XML
<Project>
  <ItemGroup>
    <GlobalAnalyzerConfigFiles Include="peer.globalconfig" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$project" > "$work/restore-$name.log"
  # One untimed build each, so that the first timed round does not pay for the compiler server's start.
  dotnet build "$project" -c Release --no-restore "${shared[@]}" > "$work/warm-$name.log"
done

for round in $(seq 1 "$rounds"); do
  for name in requests peers idle; do
    start=$(date +%s.%N)
    dotnet build "$work/$name" -c Release --no-restore --no-incremental -p:ReportAnalyzer=true "${shared[@]}" -v:d > "$work/$name-$round.log"
    end=$(date +%s.%N)
    echo "$end - $start" | bc > "$work/$name-$round.wall"
  done
done

python3 "$repo/benchmarks/analyzer-load/report.py" "$work" "$rounds"
if [ "${SHARED:-0}" = 1 ]; then dotnet build-server shutdown > /dev/null 2>&1 || true; fi
echo "(logs in $work)"
