namespace Seedance.Samples.BrokenMatrix;

// With the matrix invalid, this client gets no generated members; SEED0015 says why.
[Seedance.SeedanceClient]
public partial class VideoClient
{
}
