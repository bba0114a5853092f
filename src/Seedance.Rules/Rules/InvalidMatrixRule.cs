namespace Seedance.Rules;

/// <summary>
/// SEED0015: a model matrix that is not valid JSON, breaks its schema, or holds a value that cannot be
/// written into generated code. <see cref="MatrixReader"/> reports it, at the file's line and column.
/// </summary>
internal sealed class InvalidMatrixRule() : Rule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0015", RuleSeverity.Error,
        "Invalid model matrix",
        "Invalid model matrix: {0}",
        "The model matrix file (seedance.models.json) must be valid JSON that follows seedance.models.schema.json; while it is invalid no request types are generated.",
        ReportedAtCompilationEnd: true);
}

internal static partial class RuleCatalog
{
    public static readonly InvalidMatrixRule InvalidMatrix = Add(new InvalidMatrixRule());
}
