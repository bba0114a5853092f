namespace Seedance.Client.Tests;

/// <summary>The generated client, as a user declares it: the tests run the runtime through it.</summary>
[SeedanceClient]
public partial class VideoClient
{
}
