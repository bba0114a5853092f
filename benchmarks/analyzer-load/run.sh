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
rm -rf "$project" && mkdir -p "$project/Requests"
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
cat > "$project/Client.cs" <<'CS'
using Seedance;
namespace Load;
[SeedanceClient] public partial class VideoClient { }
CS
for i in $(seq 1 500); do
  cat > "$project/Requests/Requests$i.cs" <<CS
using Seedance;
namespace Load;
public static class Requests$i
{
    const string Style = "Use image 1 for the art style and color palette; ";
    public static object A() => new ReferenceToVideoRequest
    {
        Prompt = Style + "replicate video 1's camera movement; use audio 1 as background music. Scene $i: a rider in Tokyo rain.",
        ImageUrls = ["https://example.com/$i/style.jpg"],
        VideoUrls = ["https://example.com/$i/pov.mp4"],
        AudioUrls = ["https://example.com/$i/bgm.mp3"],
        Duration = 10,
        Quality = "720p",
        AspectRatio = "16:9",
    };
    public static object B() => new ImageToVideoRequest
    {
        Prompt = @"Use the provided image as the first frame; the camera slowly pushes in ($i).",
        ImageUrls = new[] { "https://example.com/$i/portrait.jpg" },
        Duration = 5,
    };
    public static object C(string subject) => new TextToVideoRequest
    {
        Prompt = \$"A macro lens on {subject}, shot $i; she says: \"You finally understood.\"",
        Duration = 8,
        Quality = VideoQuality.P480,
    };
    public static object D() => new SeedanceRequest("seedance-2.0-fast-reference-to-video", """
        The character's appearance references image 1; images 2 and 3 set the style. Scene $i.
        """)
    {
        ImageUrls = ["https://example.com/$i/a.png", "https://example.com/$i/b.png", "https://example.com/$i/c.webp"],
    };
}
CS
done
dotnet restore "$project" > "$work/restore.log"
/usr/bin/time -f "wall %e s" dotnet build "$project" -c Release --no-restore --no-incremental -p:ReportAnalyzer=true -v:d > "$work/load.log" 2> "$work/load.time"
cat "$work/load.time"
report "$work/load.log"
echo "(logs in $work)"
