using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Seedance.Generators.Matrix;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// The matrix an analyzer run checks against: the project's <c>seedance.models.json</c>, else the
/// default. Parsed once per distinct text, not once per compilation: every keystroke starts a compilation,
/// and each of the three analyzers asks.
/// </summary>
/// <remarks>
/// Two levels. An unchanged file keeps its <see cref="SourceText"/> from one compilation to the next, so
/// the text instance finds its parsed matrix without reading 16 KB again. A new instance with text seen
/// before (a file reloaded from disk) is matched by content among the last few parsed, which also lets
/// several projects with their own matrices share one IDE without re-parsing each other out. Keeping the
/// same <see cref="ModelMatrix"/> instance matters beyond the parse: the rules' outcome cache is per instance.
/// </remarks>
internal static class AnalyzerMatrix
{
    private const int Recent = 4;

    private static readonly ConditionalWeakTable<SourceText, ParsedMatrix> s_byText = new();

    // Written under the lock in Load, read without it (a slot is one reference, read and written whole).
    // Weak: a project's matrix stays while its text does (s_byText), and the slots find it again for a
    // reloaded copy of that text. So a project's matrix and outcome cache go with the project; a build
    // server may parse a matrix again after a collection between builds. The embedded default stays.
    private static readonly WeakReference<ParsedMatrix>?[] s_recent = new WeakReference<ParsedMatrix>?[Recent];
    private static int s_next;

    public static (ParsedMatrix Model, AdditionalText? File) Get(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        AdditionalText? chosen = null;
        foreach (var file in files)
        {
            if (MatrixSource.IsMatrixFile(file.Path) && (chosen is null || string.CompareOrdinal(file.Path, chosen.Path) < 0)) chosen = file;
        }
        if (chosen is null) return (MatrixSource.Default, null);

        var sourceText = chosen.GetText(cancellationToken);
        if (sourceText is not null && s_byText.TryGetValue(sourceText, out var known) && known.Source.Path == chosen.Path) return (known, chosen);

        return (Load(chosen.Path, sourceText, cancellationToken), chosen);
    }

    // Apart from Get, so that the hit path above allocates no closure. Rare (a new or edited file), so it
    // takes a lock: the three analyzers that miss together wait for one parse instead of running three
    // and filling the recent slots with copies.
    private static ParsedMatrix Load(string path, SourceText? sourceText, CancellationToken cancellationToken)
    {
        var text = sourceText?.ToString() ?? string.Empty;
        ParsedMatrix model;
        lock (s_recent)
        {
            model = FindRecent(path, text) ?? Remember(MatrixSource.Parse(new MatrixText(path, text), cancellationToken));
        }
        if (sourceText is null) return model;
        // One text instance shared by two paths keeps the first path's model; the other is matched by content.
        var stored = s_byText.GetValue(sourceText, _ => model);
        return stored.Source.Path == path ? stored : model;
    }

    private static ParsedMatrix? FindRecent(string path, string text)
    {
        for (var i = 0; i < Recent; i++)
        {
            if (Volatile.Read(ref s_recent[i]) is { } slot && slot.TryGetTarget(out var model) && model.Source.Path == path && model.Source.Text == text) return model;
        }
        return null;
    }

    private static ParsedMatrix Remember(ParsedMatrix model)
    {
        var slot = s_next++ % Recent;
        Volatile.Write(ref s_recent[slot], new WeakReference<ParsedMatrix>(model));
        return model;
    }
}
