using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// The code fixes of SEED0001, SEED0002, SEED0003, SEED0007, SEED0012 and SEED0013. The analyzer puts
/// the exact replacement text in <see cref="Diagnostic.Properties"/>, so each fix is a text change at the
/// diagnostic's span and needs no semantic work of its own; Fix All batches those changes.
/// </summary>
/// <remarks>
/// Every diagnostic's preferred fix carries one equivalence key, <see cref="PreferredFixKey"/>.
/// <c>dotnet format</c> takes the key of the first fix of whichever diagnostic it meets first and then
/// fixes each requested rule with that key; with a key per rule, the rules it did not meet first were
/// left unfixed. The further SEED0003 alternatives keep keys of their own.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SeedanceCodeFixProvider)), Shared]
public sealed class SeedanceCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.TagSyntax, RuleIds.UnsupportedQuality, RuleIds.UnknownModel, RuleIds.DurationOutOfRange, RuleIds.BetterModel, RuleIds.UnspokenDialogue);

    /// <summary>The equivalence key of each diagnostic's preferred fix.</summary>
    public const string PreferredFixKey = "Seedance.PreferredFix";

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (span.End > text.Length) continue;
            var properties = diagnostic.Properties;
            // The value comes from a const or readonly variable used only here: the fix edits its declaration.
            Location? target = null;
            if (properties.ContainsKey(FixProperties.AtDeclaration))
            {
                if (diagnostic.AdditionalLocations.Count == 0 || !diagnostic.AdditionalLocations[0].IsInSource) continue;
                target = diagnostic.AdditionalLocations[0];
            }

            if (diagnostic.Id == RuleIds.UnknownModel)
            {
                if (!properties.TryGetValue(FixProperties.Candidates, out var candidates) || string.IsNullOrEmpty(candidates)) continue;
                var first = true;
                foreach (var id in candidates!.Split('\n'))
                {
                    var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(id, quote: true);
                    Register(context, diagnostic, $"Use model '{id}'", first ? PreferredFixKey : RuleIds.UnknownModel + ":" + id, span, literal, target);
                    first = false;
                }
                continue;
            }

            if (diagnostic.Id == RuleIds.UnspokenDialogue)
            {
                if (!properties.TryGetValue(FixProperties.Quote, out var quote) || quote is null
                    || !int.TryParse(properties.TryGetValue(FixProperties.OpenLength, out var open) ? open : null, NumberStyles.None, CultureInfo.InvariantCulture, out var openLength)
                    || !int.TryParse(properties.TryGetValue(FixProperties.CloseLength, out var close) ? close : null, NumberStyles.None, CultureInfo.InvariantCulture, out var closeLength)
                    || openLength + closeLength > span.Length)
                {
                    continue;
                }
                var inner = text.ToString(TextSpan.FromBounds(span.Start + openLength, span.End - closeLength));
                Register(context, diagnostic, "Use straight double quotes so the line is spoken", PreferredFixKey, span, quote + inner + quote);
                continue;
            }

            if (!properties.TryGetValue(FixProperties.Replacement, out var replacement) || replacement is null) continue;
            var title = diagnostic.Id switch
            {
                RuleIds.TagSyntax => $"Write \"{replacement}\"",
                RuleIds.UnsupportedQuality => $"Use quality {replacement}",
                RuleIds.DurationOutOfRange => $"Use duration {replacement}",
                _ => $"Switch to {replacement.Trim('"')}",
            };
            Register(context, diagnostic, title, PreferredFixKey, span, replacement, target);
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey, TextSpan span, string replacement, Location? target = null)
    {
        if (target is null)
        {
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ReplaceAsync(context.Document, span, replacement, cancellationToken), equivalenceKey),
                diagnostic);
            return;
        }
        var document = context.Document.Project.Solution.GetDocument(target.SourceTree);
        if (document is null) return;
        context.RegisterCodeFix(
            CodeAction.Create(title, async cancellationToken => (await ReplaceAsync(document, target.SourceSpan, replacement, cancellationToken).ConfigureAwait(false)).Project.Solution, equivalenceKey),
            diagnostic);
    }

    private static async Task<Document> ReplaceAsync(Document document, TextSpan span, string replacement, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (span.End > text.Length) return document;
        return document.WithText(text.WithChanges(new TextChange(span, replacement)));
    }
}
