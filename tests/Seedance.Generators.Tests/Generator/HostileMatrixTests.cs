using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Generator;

/// <summary>
/// A user's matrix may hold anything. For each hostile value, either the reader rejects the matrix (SEED0015, at
/// its line) or the generated code compiles: never a compiler error inside a generated file.
/// </summary>
public sealed class HostileMatrixTests
{
    private static readonly string LongText = string.Concat(Enumerable.Repeat("A very long description; ", 2000));

    public static TheoryData<string, string, string, Outcome> Cases() => new()
    {
        // what, a JSON-pointer-like path of the value to replace, the value, and what must happen
        { "description with a newline", "models/0/description", "Video from text.\nnamespace Broken { class X", Outcome.Compiles },
        { "description with CR LF", "models/0/description", "line one\r\nline two", Outcome.Compiles },
        { "description with NEL and U+2028", "models/0/description", "one\u0085two\u2028three\u2029four", Outcome.Compiles },
        { "description closing the summary", "models/0/description", "</summary><summary>x</summary> & more", Outcome.Compiles },
        { "description with a comment end", "models/0/description", "ends */ here /* and starts", Outcome.Compiles },
        { "description with quotes and backslashes", "models/0/description", "say \"hi\" \\ and \\\" \\n", Outcome.Compiles },
        { "description, non-ASCII", "models/0/description", "文本生成视频 — Größe, émoji 🎬", Outcome.Compiles },
        { "description, very long", "models/0/description", LongText, Outcome.Compiles },
        { "quality with a quote", "models/0/quality", "Q:7\"20p", Outcome.Compiles },
        { "quality with a backslash and newline", "models/0/quality", "Q:72\\0p\nx", Outcome.Compiles },
        { "aspect ratio with a quote", "models/0/aspectRatio", "R:16\"9", Outcome.Compiles },
        { "field description with a newline", "models/0/fields/0/description", "Generate audio.\n#error injected", Outcome.Compiles },
        { "field wire name with a quote", "models/0/fields/2/name", "model_params.web\"search", Outcome.Rejected },
        { "field wire name with a newline", "models/0/fields/2/name", "model_params.web\nsearch", Outcome.Rejected },
        { "field default string with escapes", "models/0/fields/1/default", "S:https://example.com/\"hook\"\n\\x", Outcome.Compiles },
        { "field property, a C# keyword", "models/0/fields/0/property", "class", Outcome.Rejected },
        { "field property, not an identifier", "models/0/fields/0/property", "9Lives", Outcome.Rejected },
        { "field property, non-ASCII identifier", "models/0/fields/0/property", "Größe", Outcome.Compiles },
        { "model name, a keyword", "models/0/name", "namespace", Outcome.Rejected },
        { "model name, with a space", "models/0/name", "Text To Video", Outcome.Rejected },
        { "model ID with a quote", "models/0/id", "seedance-2.0-text\"to-video", Outcome.Rejected },
        { "model name, very long", "models/0/name", new string('A', 600), Outcome.Rejected },
        { "field property, very long", "models/0/fields/0/property", "P" + new string('x', 600), Outcome.Rejected },
        { "extension with a newline", "models/1/assets/image/extensions/0", ".jpg\n// x", Outcome.Rejected },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles_or_the_matrix_is_rejected(string what, string path, string value, Outcome expected)
    {
        var json = Mutate(GeneratorHarness.ReadRepoFile("schema/seedance.models.json"), path, value);
        var read = MatrixReader.Read(json);
        // Each case has one right answer: a value that can be escaped is, and one that cannot is rejected.
        Assert.True(expected == (read.Succeeded ? Outcome.Compiles : Outcome.Rejected),
            $"{what}: expected {expected}, got {(read.Succeeded ? "a valid matrix" : string.Join("; ", read.Errors.Select(e => e.Message)))}");
        if (!read.Succeeded)
        {
            Assert.NotEmpty(read.Errors);
            Assert.All(read.Errors, e => Assert.True(e.Line > 0, $"{what}: an error without a line"));
            return;
        }

        var (result, output) = GeneratorHarness.Run(
            GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient),
            new InMemoryAdditionalText("/project/seedance.models.json", json));
        Assert.NotEmpty(result.GeneratedTrees);
        var generated = new HashSet<SyntaxTree>(result.GeneratedTrees);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        Assert.True(errors.Count == 0, $"{what}: {string.Join(Environment.NewLine, errors.Take(5))}");
    }

    public enum Outcome
    {
        /// <summary>The matrix is valid and the generated code compiles.</summary>
        Compiles,

        /// <summary>SEED0015 at the value's line.</summary>
        Rejected,
    }

    /// <summary>Replaces one value; a leading "Q:", "R:" or "S:" says how: the model's only quality, its only ratio, a string default.</summary>
    private static string Mutate(string matrix, string path, string value)
    {
        var root = JsonNode.Parse(matrix)!;
        var parts = path.Split('/');
        JsonNode node = root;
        foreach (var part in parts[..^1]) node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        var last = parts[^1];
        JsonNode? replacement = value;
        if (value.StartsWith("Q:", StringComparison.Ordinal) || value.StartsWith("R:", StringComparison.Ordinal))
        {
            var text = value[2..];
            replacement = new JsonObject { ["values"] = new JsonArray(text), ["default"] = text };
            if (value.StartsWith("Q:", StringComparison.Ordinal)) ((JsonObject)node).Remove("pricePerSecond");
        }
        else if (value.StartsWith("S:", StringComparison.Ordinal))
        {
            replacement = value[2..];
        }
        if (int.TryParse(last, out var at)) node[at] = replacement;
        else node[last] = replacement;
        return root.ToJsonString();
    }
}
