using BenchmarkDotNet.Running;
using System.Collections.Generic;
using Seedance.Benchmarks;

// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --filter '*'                 full run
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --job dry --filter '*Cold*'  quick mode (CI-sized)
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --analyzer-time 7 [seedance]  time inside each check, per site
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --check                      every workload runs and produces what it should
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --analyzer-parts 21         the request analyzer's time, part by part
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --replay 2000 [re]           the replayed request analyzer in a loop, for a profiler
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --write-requests <folder>   the 500-file workload as source files
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --write-projects <folder>   requests, peers and idle sources for analyzer-load/run.sh
if (args.Length == 2 && args[0] == "--write-requests")
{
    System.IO.Directory.CreateDirectory(args[1]);
    System.IO.File.WriteAllText(System.IO.Path.Combine(args[1], "Client.cs"), Workloads.Client);
    var i = 0;
    foreach (var source in Workloads.RequestFiles()) System.IO.File.WriteAllText(System.IO.Path.Combine(args[1], $"Requests{i++}.cs"), source);
    return 0;
}
if (args.Length == 2 && args[0] == "--write-projects")
{
    // The three sources of benchmarks/analyzer-load/run.sh: requests (one client, 2,000 requests), peers (2,000
    // string.Format sites and nine records under [JsonSerializable]) and idle (500 plain files); all 500 files each.
    static void Write(string folder, IEnumerable<string> files, string prefix, params (string Name, string Text)[] extra)
    {
        System.IO.Directory.CreateDirectory(folder);
        var i = 0;
        foreach (var source in files) System.IO.File.WriteAllText(System.IO.Path.Combine(folder, $"{prefix}{i++}.cs"), source);
        foreach (var (name, text) in extra) System.IO.File.WriteAllText(System.IO.Path.Combine(folder, name), text);
    }
    Write(System.IO.Path.Combine(args[1], "requests"), Workloads.RequestFiles(), "Requests", ("Client.cs", Workloads.Client));
    Write(System.IO.Path.Combine(args[1], "peers"), Workloads.FormatFiles(), "Formats", ("RequestContext.cs", Workloads.StjRecordsAndContext()));
    Write(System.IO.Path.Combine(args[1], "idle"), Workloads.PlainFiles(), "Plain");
    return 0;
}
if (args.Length >= 1 && args[0] == "--analyzer-time")
{
    return AnalyzerTimes.Run(args.Length > 1 && int.TryParse(args[1], out var runs) ? runs : 7, args.Length > 2 ? args[2] : "");
}
if (args.Length >= 1 && args[0] == "--callbacks")
{
    // Per operation kind: calls, time and bytes of the request analyzer's callbacks (re-analysis) and of CA2241's.
    var callbacks = new AnalyzerCallbackBenchmarks();
    callbacks.Setup();
    foreach (var (name, harness) in new[] { ("Seedance", callbacks.SeedanceHarness), ("CA2241", callbacks.Ca2241Harness) })
    {
        foreach (var (kind, calls, microseconds, bytes) in harness.ByKind(20)) System.Console.WriteLine($"  {name,-9} {kind,-16} {calls,6} calls {microseconds / Workloads.Sites,8:0.000} us/site {bytes / Workloads.Sites,6} B/site");
    }
    return 0;
}
if (args.Length >= 2 && args[0] == "--replay")
{
    // The replayed request analyzer in a loop, first analyses (cache emptied) unless "re" is given: to run under a profiler.
    var callbacks = new AnalyzerCallbackBenchmarks();
    callbacks.Setup();
    var first = !(args.Length > 2 && args[2] == "re");
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        if (first) callbacks.SeedanceFirstAnalysis(); else callbacks.SeedanceReanalysis();
    }
    System.Console.WriteLine($"{args[1]} runs, {watch.Elapsed.TotalMilliseconds / int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) * 1000 / Workloads.Sites:0.00} us per site (harness floor included)");
    return 0;
}
if (args.Length >= 1 && args[0] == "--check")
{
    return Checks.Run();
}
if (args.Length >= 1 && args[0] == "--analyzer-parts")
{
    return AnalyzerParts.Run(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 21);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
