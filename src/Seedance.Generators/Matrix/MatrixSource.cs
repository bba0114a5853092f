using System;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;
using Seedance.Rules;

namespace Seedance.Generators.Matrix;

/// <summary>A matrix file's path and text; <see cref="Path"/> is null for the package's embedded default.</summary>
internal sealed record MatrixText(string? Path, string Text)
{
    public bool IsDefault => Path is null;
}

/// <summary>A matrix file as read: its source, and the models or the errors (SEED0015) found in it; not the rules' <see cref="Seedance.Rules.ModelMatrix"/>, which is its <c>Result.Matrix</c>.</summary>
internal sealed record ParsedMatrix(MatrixText Source, MatrixReadResult Result);

/// <summary>
/// Where the model matrix comes from: a project's own <c>seedance.models.json</c> AdditionalFile wins over
/// the default embedded in this assembly. Shared by the generator and the analyzers so that both see
/// the same matrix; the default is read and parsed once per process.
/// </summary>
internal static class MatrixSource
{
    public const string FileName = "seedance.models.json";

    private static readonly Lazy<string> s_defaultText = new(LoadDefaultText);
    private static readonly Lazy<ParsedMatrix> s_default = new(() =>
    {
        var text = new MatrixText(null, s_defaultText.Value);
        return new ParsedMatrix(text, MatrixReader.Read(text.Text));
    });

    public static ParsedMatrix Default => s_default.Value;

    /// <summary>Stands for the embedded default before it is needed: choosing it reads and parses nothing.</summary>
    public static MatrixText DefaultMarker { get; } = new(null, string.Empty);

    /// <summary>What the generator holds while no class asks for a client: no models, no errors, nothing parsed.</summary>
    public static ParsedMatrix Unused { get; } = new(DefaultMarker, new MatrixReadResult(null, EquatableArray<MatrixError>.Empty));

    public static string DefaultText => s_defaultText.Value;

    /// <summary>
    /// Whether the file is named <c>seedance.models.json</c> (any case), without cutting the name out of the
    /// path. Either slash ends a folder, on every OS: a project's items may be written with backslashes.
    /// </summary>
    public static bool IsMatrixFile(string? path)
    {
        if (path is null || !path.EndsWith(FileName, StringComparison.OrdinalIgnoreCase)) return false;
        var before = path.Length - FileName.Length - 1;
        return before < 0 || path[before] == '/' || path[before] == '\\';
    }

    /// <summary>The project's matrix file when there is one (the first by ordinal path, for determinism), else <see cref="DefaultMarker"/>.</summary>
    public static MatrixText Choose(ImmutableArray<MatrixText> files)
    {
        MatrixText? chosen = null;
        foreach (var file in files)
        {
            if (chosen is null || string.CompareOrdinal(file.Path, chosen.Path) < 0) chosen = file;
        }
        return chosen ?? DefaultMarker;
    }

    public static ParsedMatrix Parse(MatrixText text, CancellationToken cancellationToken) =>
        text.IsDefault ? Default : new ParsedMatrix(text, MatrixReader.Read(text.Text, cancellationToken));

    private static string LoadDefaultText()
    {
        using var stream = typeof(MatrixSource).Assembly.GetManifestResourceStream("Seedance.seedance.models.json")
            ?? throw new InvalidOperationException("The default model matrix is missing from Seedance.Generators.dll.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
