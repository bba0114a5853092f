using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Seedance.Generators.Matrix;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// The matrix an analyzer run checks against: the project's <c>seedance.models.json</c>, else the
/// default. Parsed once per distinct text (the last result is kept), not once per keystroke.
/// </summary>
internal static class AnalyzerMatrix
{
    private static MatrixModel? s_last;

    public static (MatrixModel Model, AdditionalText? File) Get(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        AdditionalText? chosen = null;
        foreach (var file in files)
        {
            if (MatrixSource.IsMatrixFile(file.Path) && (chosen is null || string.CompareOrdinal(file.Path, chosen.Path) < 0)) chosen = file;
        }
        if (chosen is null) return (MatrixSource.Default, null);
        var text = chosen.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var last = s_last;
        if (last is not null && last.Source.Path == chosen.Path && last.Source.Text == text) return (last, chosen);
        var parsed = MatrixSource.Parse(new MatrixText(chosen.Path, text), cancellationToken);
        s_last = parsed;
        return (parsed, chosen);
    }
}
