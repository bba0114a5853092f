namespace Seedance;

/// <summary>How serious a broken rule is; matches the analyzers' default severities.</summary>
public enum SeedanceRuleSeverity
{
    /// <summary>A suggestion; the request is sent.</summary>
    Info,

    /// <summary>Likely a mistake; the request is sent.</summary>
    Warning,

    /// <summary>The API would reject the request or ignore part of it; the request is not sent.</summary>
    Error,
}

/// <summary>One broken rule of a request, with the same ID the analyzers report (such as <c>SEED0005</c>).</summary>
public sealed class SeedanceValidationError
{
    /// <summary>Creates an error.</summary>
    public SeedanceValidationError(string ruleId, SeedanceRuleSeverity severity, string field, string message)
    {
        RuleId = ruleId;
        Severity = severity;
        Field = field;
        Message = message;
    }

    /// <summary>The rule ID, such as <c>SEED0004</c>; see docs/rules/&lt;ID&gt;.md.</summary>
    public string RuleId { get; }

    /// <summary>How serious the problem is.</summary>
    public SeedanceRuleSeverity Severity { get; }

    /// <summary>The request field in the API's naming, such as <c>prompt</c> or <c>image_urls[2]</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId} ({Field}): {Message}";
}
