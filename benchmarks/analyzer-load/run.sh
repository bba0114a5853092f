#!/usr/bin/env bash
# Measures the analyzers' and generator's share of build time with -p:ReportAnalyzer=true:
#   1. on samples/Seedance.Samples;
#   2. on a generated project of 500 files holding 2,000 request constructions, built against the
#      packed Seedance.Generators package (as a user would get it).
# Usage: benchmarks/analyzer-load/run.sh [work folder]   (default: a new temp folder)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"

report() { # $1 = build log: print the compiler's analyzer and generator timing lines for the Seedance assemblies
  grep -E "Total analyzer execution time|Total generator execution time|Seedance\.Generators(\.CodeFixes)?, Version|Seedance\.Generators\.(Analyzers|Generator)\.[A-Za-z]+ " "$1" | sed -E 's/^ +//' | sort -u
}

echo "== sample (samples/Seedance.Samples)"
dotnet build "$repo/samples/Seedance.Samples" -c Release > "$work/sample-deps.log"
# Only the sample's own compilation, so that the report is not mixed with its dependencies' builds.
/usr/bin/time -f "wall %e s" dotnet build "$repo/samples/Seedance.Samples" -c Release --no-dependencies --no-incremental -p:ReportAnalyzer=true -v:d > "$work/sample.log" 2> "$work/sample.time"
cat "$work/sample.time"
report "$work/sample.log"

echo "== 500 files, 2,000 requests (packed package)"
dotnet pack "$repo/src/Seedance" -c Release -o "$work/feed" > "$work/pack.log"
version=$(sed -nE 's/.*<Version>([^<]+)<\/Version>.*/\1/p' "$repo/Directory.Build.props" | head -1)
project="$work/load"
rm -rf "$project" && mkdir -p "$project"
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
cat > "$project/Load.csproj" <<XML
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
# The same 500 files, 2,000 requests as the BenchmarkDotNet analyzer benchmarks (one definition, in Workloads.cs).
dotnet run -c Release --project "$repo/benchmarks/Seedance.Benchmarks" -- --write-requests "$project/Requests" > "$work/write.log"
dotnet restore "$project" > "$work/restore.log"
/usr/bin/time -f "wall %e s" dotnet build "$project" -c Release --no-restore --no-incremental -p:ReportAnalyzer=true -v:d > "$work/load.log" 2> "$work/load.time"
cat "$work/load.time"
report "$work/load.log"
echo "(logs in $work)"
