using BenchmarkDotNet.Running;
using Seedance.Benchmarks;

// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --filter '*'                 full run
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --job dry --filter '*Cold*'  quick mode (CI-sized)
// dotnet run -c Release --project benchmarks/Seedance.Benchmarks -- --analyzer-time 7            time inside each check, per site
if (args.Length >= 1 && args[0] == "--analyzer-time")
{
    return AnalyzerTimes.Run(args.Length > 1 && int.TryParse(args[1], out var runs) ? runs : 7);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
