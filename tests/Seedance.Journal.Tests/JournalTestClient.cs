using Seedance;

namespace Seedance.Journal.Tests;

/// <summary>A generated client, so that the typed batch overloads are tested as users call them.</summary>
[SeedanceClient]
public partial class JournalTestClient
{
}
