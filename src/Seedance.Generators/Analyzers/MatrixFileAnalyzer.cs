using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Seedance.Generators.Analyzers.Facts;
using Seedance.Generators.Diagnostics;
using Seedance.Generators.Matrix;

namespace Seedance.Generators.Analyzers;

/// <summary>SEED0015: reports each problem of the project's <c>seedance.models.json</c> at its line and column.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MatrixFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SeedanceDescriptors.InvalidMatrix);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(static end =>
        {
            // Only a project's own matrix file can be invalid: without one, nothing is read.
            var hasMatrixFile = false;
            foreach (var additional in end.Options.AdditionalFiles) hasMatrixFile |= MatrixSource.IsMatrixFile(additional.Path);
            if (!hasMatrixFile) return;
            if (SeedanceSymbols.FindType(end.Compilation, "Seedance.SeedanceClientAttribute") is null) return;
            var (matrix, file) = AnalyzerMatrix.Get(end.Options.AdditionalFiles, end.CancellationToken);
            if (file is null || matrix.Result.Succeeded) return;
            {
                var text = file.GetText(end.CancellationToken);
                foreach (var error in matrix.Result.Errors)
                {
                    var span = new TextSpan(error.Offset, System.Math.Max(1, error.Length));
                    if (text is not null && span.End > text.Length) span = new TextSpan(System.Math.Max(0, text.Length - 1), text.Length > 0 ? 1 : 0);
                    var lines = text?.Lines.GetLinePositionSpan(span) ?? new LinePositionSpan(new LinePosition(error.Line - 1, error.Column - 1), new LinePosition(error.Line - 1, error.Column - 1));
                    end.ReportDiagnostic(Diagnostic.Create(SeedanceDescriptors.InvalidMatrix, Location.Create(file.Path, span, lines), error.Message));
                }
            }
        });
    }
}
