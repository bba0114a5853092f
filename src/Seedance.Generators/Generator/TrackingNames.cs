namespace Seedance.Generators.Generator;

/// <summary>Names of the generator's pipeline steps, for <c>WithTrackingName</c> and the caching tests.</summary>
internal static class TrackingNames
{
    public const string MatrixFiles = nameof(MatrixFiles);
    public const string MatrixText = nameof(MatrixText);
    public const string Matrix = nameof(Matrix);
    public const string Clients = nameof(Clients);
    public const string ReferencedRequestTypes = nameof(ReferencedRequestTypes);
    public const string Namespaces = nameof(Namespaces);
    public const string ClientModels = nameof(ClientModels);
}
