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
/// <c>dotnet format</c> takes the key of the first fix of whichever diagnostic it meets first and then
/// fixes each requested rule with that key, so with a key per rule, the rules it did not meet first were
/// left unfixed. Further alternatives (SEED0003's other model IDs) keep keys of their own.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedanceCodeFixProvider)), Shared]
public sealed class SeedanceCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        RuleCatalog.All.Where(rule => rule.Info.FixTitle is not null).Select(rule => rule.Info.Id).ToImmutableArray();

    /// <summary>The equivalence key of each diagnostic's preferred fix.</summary>
    public const string PreferredFixKey = "Seedance.PreferredFix";

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var fixes = FixProperties.Read(diagnostic.Properties, out var atAdditionalLocations);
            if (fixes.Count == 0) continue;
            var targets = atAdditionalLocations ? diagnostic.AdditionalLocations : [diagnostic.Location];
            if (targets.Count == 0 || targets.Any(target => !target.IsInSource)) continue;
            for (var i = 0; i < fixes.Count; i++)
            {
                var fix = fixes[i];
                var key = i == 0 ? PreferredFixKey : diagnostic.Id + ":" + fix.Title;
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, cancellationToken => ReplaceAsync(context.Document.Project.Solution, targets, fix.Text, cancellationToken), key),
                    diagnostic);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Writes <paramref name="text"/> over each target span, document by document.</summary>
    private static async Task<Solution> ReplaceAsync(Solution solution, IReadOnlyList<Location> targets, string text, CancellationToken cancellationToken)
    {
        foreach (var group in targets.GroupBy(target => target.SourceTree))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null) return solution;
            var source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            foreach (var target in group)
            {
                if (target.SourceSpan.End > source.Length) return solution;
                changes.Add(new TextChange(target.SourceSpan, text));
            }
            solution = solution.WithDocumentText(document.Id, source.WithChanges(changes));
        }
        return solution;
    }
}
