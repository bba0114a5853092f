using System;
using System.Collections.Generic;
using System.Text;

namespace Seedance;

/// <summary>
/// A request breaks one or more rules of the model matrix; it was not sent, so nothing was charged.
/// </summary>
public sealed class SeedanceValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public SeedanceValidationException(IReadOnlyList<SeedanceValidationError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>The broken rules, each with its rule ID.</summary>
    public IReadOnlyList<SeedanceValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<SeedanceValidationError> errors)
    {
        var builder = new StringBuilder();
        builder.Append("The request was not sent: it breaks ").Append(errors.Count).Append(errors.Count == 1 ? " rule." : " rules.");
        foreach (var error in errors) builder.AppendLine().Append("  ").Append(error);
        return builder.ToString();
    }
}
