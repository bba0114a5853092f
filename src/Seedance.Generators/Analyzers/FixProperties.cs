namespace Seedance.Generators.Analyzers;

/// <summary>Keys of <c>Diagnostic.Properties</c>: what the code fixes need, computed once by the analyzer.</summary>
internal static class FixProperties
{
    /// <summary>Source text that replaces the diagnostic's span.</summary>
    public const string Replacement = nameof(Replacement);

    /// <summary>Model IDs, one per line, each offered as its own fix (SEED0003).</summary>
    public const string Candidates = nameof(Candidates);

    /// <summary>A straight double quote as the literal writes it (SEED0013).</summary>
    public const string Quote = nameof(Quote);

    /// <summary>Source lengths of the opening and closing quote characters (SEED0013).</summary>
    public const string OpenLength = nameof(OpenLength);

    public const string CloseLength = nameof(CloseLength);

    /// <summary>
    /// The fix edits the diagnostic's first additional location, the literal that declares the const or
    /// readonly variable the value comes from, instead of the diagnostic's own span.
    /// </summary>
    public const string AtDeclaration = nameof(AtDeclaration);
}
