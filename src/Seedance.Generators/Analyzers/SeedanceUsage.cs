using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// Whether a compilation can hold anything the analyzers check, decided before they register a single callback.
/// The package flows to every project that references one using it; there, the analyzers must cost nothing.
/// </summary>
/// <remarks>
/// A compilation can use Seedance only if one of its trees names it (a <c>using Seedance;</c>, an attribute, or the
/// generator's own output, which always does) or one of its references was itself built against the runtime (its
/// request types or helpers with <c>[SeedancePrompt]</c> parameters can then be used without naming Seedance). The
/// text test is per tree and cached on the tree: after an edit only the edited tree is read again.
/// </remarks>
internal static class SeedanceUsage
{
    private const string RuntimeAssembly = "Seedance";

    private static readonly ConditionalWeakTable<SyntaxTree, object> s_mentions = new();
    private static readonly ConditionalWeakTable<Compilation, object> s_byCompilation = new();
    private static readonly object s_yes = new();
    private static readonly object s_no = new();

    public static bool MayUse(Compilation compilation, CancellationToken cancellationToken)
    {
        if (s_byCompilation.TryGetValue(compilation, out var known)) return known == s_yes;
        var result = Decide(compilation, cancellationToken) ? s_yes : s_no;
        // Three analyzers ask at each compilation start; the first answer is kept.
        return s_byCompilation.GetValue(compilation, _ => result) == s_yes;
    }

    private static bool Decide(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Mentions(tree, cancellationToken)) return true;
        }
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == RuntimeAssembly) continue;
            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == RuntimeAssembly) return true;
                }
            }
        }
        return false;
    }

    private static bool Mentions(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (s_mentions.TryGetValue(tree, out var known)) return known == s_yes;
        var text = tree.GetText(cancellationToken).ToString();
        var result = text.IndexOf("Seedance", StringComparison.Ordinal) >= 0 ? s_yes : s_no;
        return s_mentions.GetValue(tree, _ => result) == s_yes;
    }
}
