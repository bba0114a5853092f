using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Seedance.Generators.Analyzers.Facts;
using Seedance.Generators.Diagnostics;
using Seedance.Rules;
using Seedance.Rules.Json;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// Checks request bodies kept as <c>*.seedance.json</c> AdditionalFiles with the same rules as C#
/// requests, located at the line and column inside the JSON file (prompt spans through escapes).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestFileAnalyzer : DiagnosticAnalyzer
{
    public const string FileSuffix = ".seedance.json";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SeedanceDescriptors.RequestRules;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Most projects have no request file: that is known without a single symbol look-up.
            var hasRequestFiles = false;
            foreach (var file in start.Options.AdditionalFiles) hasRequestFiles |= IsRequestFile(file.Path);
            if (!hasRequestFiles) return;
            if (SeedanceSymbols.FindType(start.Compilation, "Seedance.SeedanceRequest") is null) return;
            var matrix = AnalyzerMatrix.Get(start.Options.AdditionalFiles, start.CancellationToken).Model.Result.Matrix;
            if (matrix is null) return;
            start.RegisterAdditionalFileAction(file =>
            {
                if (!IsRequestFile(file.AdditionalFile.Path)) return;
                var text = file.AdditionalFile.GetText(file.CancellationToken);
                if (text is null) return;
                Analyze(file, text, matrix);
            });
        });
    }

    private static bool IsRequestFile(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    private static void Analyze(AdditionalFileAnalysisContext context, SourceText text, ModelMatrix matrix)
    {
        var source = text.ToString();
        // A file that is not JSON is left to the editor's JSON support (and its $schema line).
        var root = JsonParser.Parse(source, out _, context.CancellationToken);
        if (root is null || root.Kind != JsonKind.Object) return;

        var facts = new RequestFacts
        {
            ModelId = root[WireNames.Model] is { Kind: JsonKind.String } model ? model.StringValue : null,
            Prompt = root[WireNames.Prompt] is { Kind: JsonKind.String } prompt ? prompt.StringValue : null,
            Images = Assets(root[WireNames.ImageUrls]),
            Videos = Assets(root[WireNames.VideoUrls]),
            Audios = Assets(root[WireNames.AudioUrls]),
            Duration = root[WireNames.Duration] is { Kind: JsonKind.Number, IsInt32: true } duration ? (int)duration.NumberValue : null,
            Quality = root[WireNames.Quality] is { Kind: JsonKind.String } quality ? quality.StringValue : null,
            AspectRatio = root[WireNames.AspectRatio] is { Kind: JsonKind.String } ratio ? ratio.StringValue : null,
        };
        var violations = new List<RuleViolation>();
        RequestRules.Check(matrix, facts, violations);
        foreach (var violation in violations)
        {
            var span = Locate(root, source, violation);
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(SeedanceDescriptors.For(violation.Rule), location, violation.Args));
        }
    }

    private static AssetFacts Assets(JsonNode? node)
    {
        if (node is null || node.Kind == JsonKind.Null) return AssetFacts.None;
        if (node.Kind != JsonKind.Array) return AssetFacts.Unknown;
        var urls = new List<string?>(node.Items!.Count);
        foreach (var item in node.Items) urls.Add(item.Kind == JsonKind.String ? item.StringValue : null);
        return AssetFacts.Of(urls);
    }

    private static TextSpan Locate(JsonNode root, string source, RuleViolation violation)
    {
        var field = WireNames.Of(violation.Target) is { } name ? root[name] : null;
        var node = violation.Target is RuleTarget.Images or RuleTarget.Videos or RuleTarget.Audios ? Element(field, violation.Index) : field;
        if (node is null) return new TextSpan(root.Start, 1);
        if (violation.Target == RuleTarget.Prompt && violation.Start >= 0 && node.Kind == JsonKind.String)
        {
            var from = node.MapStringOffset(source, violation.Start);
            var to = node.MapStringOffset(source, violation.Start + violation.Length);
            return TextSpan.FromBounds(from, Math.Max(from, to));
        }
        return TextSpan.FromBounds(node.Start, node.End);
    }

    private static JsonNode? Element(JsonNode? list, int index) =>
        list is { Kind: JsonKind.Array } && index >= 0 && index < list.Items!.Count ? list.Items[index] : list;
}
