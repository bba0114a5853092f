using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Seedance.Generators.Analyzers;
using Seedance.Rules;

namespace Seedance.Generators.CodeFixes;

/// <summary>
/// The code fixes of every rule whose declaration has a fix title. The analyzer computes each fix's
/// title and text (<see cref="FixProperties"/>), so a fix is a text change at the diagnostic's span or at
/// its additional locations, with no semantic work here; Fix All batches those changes.
/// </summary>
/// <remarks>
/// Every diagnostic's preferred fix carries one equivalence key, <see cref="PreferredFixKey"/>:
/// <c>dotnet format</c> takes the key of the first fix of whichever diagnostic it meets first and fixes
/// each requested rule with that key only, so one shared key is what lets it fix every rule in one run.
/// Further alternatives (SEED0003's other model IDs) keep keys of their own.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedanceCodeFixProvider)), Shared]
public sealed class SeedanceCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        RuleCatalog.All.Where(rule => rule.Info.FixTitle is not null).Select(rule => rule.Info.Id).ToImmutableArray();

    /// <summary>The equivalence key of each diagnostic's preferred fix.</summary>
    public const string PreferredFixKey = "Seedance.PreferredFix";

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var fixes = FixProperties.Read(diagnostic.Properties, out var atAdditionalLocations);
            if (fixes.Count == 0) continue;
            var targets = atAdditionalLocations ? diagnostic.AdditionalLocations : [diagnostic.Location];
            // A diagnostic from an older text (its span past the end, a tree no longer in the solution) gets no fix.
            if (!await AllInSolutionAsync(context.Document.Project.Solution, targets, context.CancellationToken).ConfigureAwait(false)) continue;
            for (var i = 0; i < fixes.Count; i++)
            {
                var fix = fixes[i];
                var key = i == 0 ? PreferredFixKey : diagnostic.Id + ":" + fix.Title;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellationToken => ReplaceAsync(context.Document.Project.Solution, targets, fix.Text, cancellationToken), key),
                    diagnostic);
            }
        }
    }

    private static async Task<bool> AllInSolutionAsync(Solution solution, IReadOnlyList<Location> targets, CancellationToken cancellationToken)
    {
        if (targets.Count == 0) return false;
        foreach (var target in targets)
        {
            if (!target.IsInSource || solution.GetDocument(target.SourceTree) is not { } document) return false;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (target.SourceSpan.End > text.Length) return false;
        }
        return true;
    }

    /// <summary>Writes <paramref name="text"/> over each target span, document by document; all of them or none.</summary>
    private static async Task<Solution> ReplaceAsync(Solution solution, IReadOnlyList<Location> targets, string text, CancellationToken cancellationToken)
    {
        var changed = solution;
        foreach (var group in targets.GroupBy(target => target.SourceTree))
        {
            if (solution.GetDocument(group.Key) is not { } document) return solution;
            var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            foreach (var target in group)
            {
                if (target.SourceSpan.End > source.Length) return solution;
                changes.Add(new TextChange(target.SourceSpan, text));
            }
            changed = changed.WithDocumentText(document.Id, source.WithChanges(changes));
        }
        return changed;
    }
}
