using System;

namespace Seedance;

/// <summary>
/// Marks a <c>partial class</c> as a Seedance client: the source generator adds a constructor, one
/// <c>Submit&lt;Model&gt;Async</c>/<c>Generate&lt;Model&gt;Async</c> pair per model of the model matrix, and the
/// request records, in the class's namespace.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SeedanceClientAttribute : Attribute
{
    /// <summary>Limits generation to these model IDs; by default every model of the matrix.</summary>
    public string[]? Models { get; set; }
}
