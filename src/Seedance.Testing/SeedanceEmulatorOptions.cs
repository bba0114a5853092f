using System;

namespace Seedance.Testing;

/// <summary>Settings of a <see cref="SeedanceEmulator"/>.</summary>
public sealed class SeedanceEmulatorOptions
{
    /// <summary>The API key the emulator expects by default.</summary>
    public const string DefaultApiKey = "sk-seedance-emulator";

    /// <summary>
    /// The bearer key every API call must carry (default <see cref="DefaultApiKey"/>); a call without it is answered
    /// 401 <c>authentication_error</c>. Null accepts any non-empty key. Result files need no key, like the real CDN.
    /// </summary>
    public string? ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The model matrix request bodies are validated against (default <see cref="SeedanceModelCatalog.Default"/>).</summary>
    public SeedanceModelCatalog Catalog { get; set; } = SeedanceModelCatalog.Default;

    /// <summary>How long a new task stays <c>pending</c> (default 100 ms).</summary>
    public TimeSpan PendingDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a task is <c>processing</c>, its progress rising from 1 to 99, before it completes or fails (default 400 ms).</summary>
    public TimeSpan ProcessingDuration { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The credit balance <c>GET /v1/credits</c> starts from (default 1000); each task reserves one credit per output second.</summary>
    public decimal Credits { get; set; } = 1000m;

    /// <summary>The clock tasks move by (default <see cref="TimeProvider.System"/>); a fake clock makes task timing deterministic.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A file the emulator records its tasks in (null, the default, for none): an emulator started again with the same
    /// file still knows them, on their own timeline, so a client that resumes after a restart of both finds its tasks.
    /// </summary>
    public string? StateFile { get; set; }
}
