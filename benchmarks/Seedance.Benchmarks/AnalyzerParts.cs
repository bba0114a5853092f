using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Seedance.Generators.Analyzers.Facts;
using Seedance.Generators.Matrix;
using Seedance.Rules;

namespace Seedance.Benchmarks;

/// <summary>
/// Where the request analyzer's per-site time goes, part by part, on the 2,000 sites of the analyzer
/// workload with the binding done beforehand: reading the facts (with the per-compilation symbol caches
/// cold and warm) and running the rules. Usage: Seedance.Benchmarks --analyzer-parts [rounds]
/// </summary>
internal static class AnalyzerParts
{
    public static int Run(int rounds)
    {
        var compilation = Workloads.RequestsWithGeneratedClient();
        var creations = new List<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (node.Parent is ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax && model.GetOperation(node) is { } operation) creations.Add(operation);
            }
        }
        var matrix = MatrixSource.Default.Result.Matrix!;
        var warmSymbols = SeedanceSymbols.Create(compilation)!;
        var pairs = creations.Select(c => (Operation: c, Site: RequestSite.FromCreation(c, warmSymbols)!)).Where(p => p.Site is not null).ToList();
        var sites = pairs.Select(p => p.Site).ToList();
        Console.WriteLine($"{sites.Count} request sites (of {creations.Count} creations); per site, median of {rounds} rounds:");

        Measure("facts, symbol caches cold (new SeedanceSymbols)", rounds, sites.Count, () =>
        {
            var symbols = SeedanceSymbols.Create(compilation)!;
            foreach (var creation in creations) RequestSite.FromCreation(creation, symbols);
        });
        Measure("facts, symbol caches warm", rounds, sites.Count, () =>
        {
            foreach (var creation in creations) RequestSite.FromCreation(creation, warmSymbols);
        });
        var violations = new List<RuleViolation>();
        Measure("rules (RequestRules.Check)", rounds, sites.Count, () =>
        {
            foreach (var site in sites)
            {
                violations.Clear();
                RequestRules.Check(matrix, site.Facts, violations);
            }
        });
        var outcomes = Seedance.Generators.Analyzers.RuleOutcomeCache.For(matrix);
        Measure("rules through the outcome cache, warm", rounds, sites.Count, () =>
        {
            foreach (var site in sites) outcomes.Check(site.Facts);
        });
        Measure("  of which: hashing the facts", rounds, sites.Count, () =>
        {
            foreach (var site in sites) site.Facts.GetHashCode();
        });
        var references = new List<PromptReference>();
        Measure("  of which: prompt references (PromptScanner.FindReferences)", rounds, sites.Count, () =>
        {
            foreach (var site in sites)
            {
                references.Clear();
                if (site.Facts.Prompt is { } prompt) PromptScanner.FindReferences(prompt, references);
            }
        });
        Measure("  of which: prompt length (PromptScanner.MeasureLength)", rounds, sites.Count, () =>
        {
            foreach (var site in sites)
            {
                if (site.Facts.Prompt is { } prompt) PromptScanner.MeasureLength(prompt, 1000, 1000, out _, out _, out _, out _);
            }
        });
        foreach (var group in pairs.GroupBy(p => p.Site.RequestType?.Name ?? "?"))
        {
            var list = group.Select(p => p.Site).ToList();
            var operations = group.Select(p => p.Operation).ToList();
            Measure("rules, " + group.Key, rounds, list.Count, () =>
            {
                foreach (var site in list)
                {
                    violations.Clear();
                    RequestRules.Check(matrix, site.Facts, violations);
                }
            });
            Measure("facts, " + group.Key, rounds, list.Count, () =>
            {
                foreach (var operation in operations) RequestSite.FromCreation(operation, warmSymbols);
            });
        }
        Measure("SeedanceSymbols.Create", rounds, sites.Count, () => SeedanceSymbols.Create(compilation));
        return 0;
    }

    private static void Measure(string name, int rounds, int sites, Action action)
    {
        // Warm up long enough for tiered compilation to promote the hot methods.
        for (var i = 0; i < 4; i++)
        {
            action();
            System.Threading.Thread.Sleep(150);
        }
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds * 1000 / sites);
        }
        times.Sort();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        action();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        Console.WriteLine($"  {name,-52} {times[times.Count / 2],7:0.00} us {bytes / sites,6} B");
    }
}
