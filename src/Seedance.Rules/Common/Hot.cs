using System.Runtime.CompilerServices;

namespace Seedance.Rules;

/// <summary>
/// JIT hints for the rule engine's per-character loops. A build without the compiler server (UseSharedCompilation=false,
/// common in CI) loads the analyzers into a process that lives a few seconds: tiered compilation then runs these loops
/// unoptimized, with no inlining, for most of the build. The trace in docs/performance.md shows them at the top.
/// </summary>
internal static class Hot
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0's enum does not name: optimized at the first call.</summary>
    public const MethodImplOptions Loop = (MethodImplOptions)512;

    /// <summary>For the tiny character tests the loops call, so that the optimized loops inline them.</summary>
    public const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;
}
