"""Reads the -p:ReportAnalyzer=true logs that run.sh wrote and prints medians and the ratios of docs/performance.md."""
import re
import statistics
import sys

work, rounds = sys.argv[1], int(sys.argv[2])

# "   0.364   30   Seedance.Generators.Analyzers.SeedanceRequestAnalyzer (SEED0001, ...)": seconds, percent, name.
LINE = re.compile(r"^\s*(<?\d+(?:\.\d+)?)\s+(<?\d+)\s+(\S.*?)\s*$")


def times(log):
    """Seconds per (section, name) of one build log: section "analyzer" or "generator", name an assembly or a type."""
    found = {}
    section = None
    for raw in open(log, encoding="utf-8", errors="replace"):
        if "Total analyzer execution time" in raw:
            section = "analyzer"
            continue
        if "Total generator execution time" in raw:
            section = "generator"
            continue
        match = LINE.match(raw)
        if not match or section is None:
            continue
        seconds, _, name = match.groups()
        name = re.sub(r"\s+\(.*\)$", "", name)
        seconds = 0.0 if seconds.startswith("<") else float(seconds)
        found.setdefault((section, name), seconds)
    return found


def assembly(found, name):
    """Analyzers plus generators of one assembly (its assembly lines, "Name, Version=…")."""
    return sum(v for (section, k), v in found.items() if k.startswith(name + ", Version="))


def series(name, key):
    values = []
    for r in range(1, rounds + 1):
        found = times(f"{work}/{name}-{r}.log")
        values.append(key(found) if callable(key) else found.get(key, 0.0))
    return values


def wall(name):
    return [float(open(f"{work}/{name}-{r}.wall").read()) for r in range(1, rounds + 1)]


def ms(values):
    return statistics.median(values) * 1000


seedance_total = lambda f: assembly(f, "Seedance.Generators")
request = series("requests", ("analyzer", "Seedance.Generators.Analyzers.SeedanceRequestAnalyzer"))
ca2241 = series("peers", ("analyzer", "Microsoft.NetCore.Analyzers.Runtime.ProvideCorrectArgumentsToFormattingMethodsAnalyzer"))
generator = series("requests", ("generator", "Seedance.Generators.Generator.SeedanceClientGenerator"))
stj = series("peers", ("generator", "System.Text.Json.SourceGeneration.JsonSourceGenerator"))
idle_analyzers = series("idle", lambda f: sum(v for (section, k), v in f.items() if section == "analyzer" and k.startswith("Seedance.Generators, Version=")))
idle_generator = series("idle", ("generator", "Seedance.Generators.Generator.SeedanceClientGenerator"))
idle = series("idle", seedance_total)
idle_peers = series("peers", seedance_total)
share = series("requests", seedance_total)
requests_wall = wall("requests")

rows = [
    ("SeedanceRequestAnalyzer, 2,000 requests / CA2241, 2,000 sites", ms(request), ms(ca2241), "<= 1"),
    ("generator, one client, 500 files / System.Text.Json, nine records", ms(generator), ms(stj), "<= 0.5"),
]
print(f"{rounds} rounds, medians (ms); every build --no-incremental, alternating requests, peers, idle")
print(f"{'':64} {'Seedance':>9} {'peer':>9} {'ratio':>7}  goal")
for label, ours, peer, goal in rows:
    print(f"{label:64} {ours:9.0f} {peer:9.0f} {ours / peer if peer else float('nan'):7.2f}  {goal}")
print(f"{'the package in a project that uses none of it (idle project)':64} {ms(idle):9.0f} {'':>9} {'':>7}  < 10 ms")
print(f"{'  of which analyzers / generator':64} {ms(idle_analyzers):9.0f} {ms(idle_generator):9.0f}")
print(f"{'the same, in the peers project':64} {ms(idle_peers):9.0f}")
print(f"{'Seedance analyzers + generator, requests project':64} {ms(share):9.0f}  of a {statistics.median(requests_wall):.1f} s build: {statistics.median([s / w for s, w in zip(share, requests_wall)]) * 100:.1f} %  (goal <= 5 %)")
print("raw (s): request analyzer", request, "CA2241", ca2241, "generator", generator, "STJ", stj, "idle", idle, "walls", requests_wall)
