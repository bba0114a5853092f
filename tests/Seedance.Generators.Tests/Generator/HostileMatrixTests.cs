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

    public static TheoryData<string, string, string> Cases() => new()
    {
        // where, JSON pointer-ish path of the value to replace, the value
        { "description with a newline", "models/0/description", "Video from text.\nnamespace Broken { class X" },
        { "description with CR LF", "models/0/description", "line one\r\nline two" },
        { "description with NEL and U+2028", "models/0/description", "one\u0085two\u2028three\u2029four" },
        { "description closing the summary", "models/0/description", "</summary><summary>x</summary> & more" },
        { "description with a comment end", "models/0/description", "ends */ here /* and starts" },
        { "description with quotes and backslashes", "models/0/description", "say \"hi\" \\ and \\\" \\n" },
        { "description, non-ASCII", "models/0/description", "文本生成视频 — Größe, émoji 🎬" },
        { "description, very long", "models/0/description", LongText },
        { "quality with a quote", "models/0/quality", "Q:7\"20p" },
        { "quality with a backslash and newline", "models/0/quality", "Q:72\\0p\nx" },
        { "aspect ratio with a quote", "models/0/aspectRatio", "R:16\"9" },
        { "field description with a newline", "models/0/fields/0/description", "Generate audio.\n#error injected" },
        { "field wire name with a quote", "models/0/fields/2/name", "model_params.web\"search" },
        { "field wire name with a newline", "models/0/fields/2/name", "model_params.web\nsearch" },
        { "field default string with escapes", "models/0/fields/1/default", "S:https://example.com/\"hook\"\n\\x" },
        { "field property, a C# keyword", "models/0/fields/0/property", "class" },
        { "field property, not an identifier", "models/0/fields/0/property", "9Lives" },
        { "field property, non-ASCII identifier", "models/0/fields/0/property", "Größe" },
        { "model name, a keyword", "models/0/name", "namespace" },
        { "model name, with a space", "models/0/name", "Text To Video" },
        { "model ID with a quote", "models/0/id", "seedance-2.0-text\"to-video" },
        { "extension with a newline", "models/1/assets/image/extensions/0", ".jpg\n// x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles_or_the_matrix_is_rejected(string what, string path, string value)
    {
        var json = Mutate(GeneratorHarness.ReadRepoFile("schema/seedance.models.json"), path, value);
        var read = MatrixReader.Read(json);
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
