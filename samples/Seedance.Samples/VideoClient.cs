using Seedance;

namespace Seedance.Samples;

/// <summary>The sample's Seedance client: the generator adds one Submit/Generate pair per model.</summary>
[SeedanceClient]
public partial class VideoClient
{
}
