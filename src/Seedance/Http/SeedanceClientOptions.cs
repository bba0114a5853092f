using System;
using System.Globalization;
using System.Threading;

namespace Seedance;

/// <summary>
/// Settings of a Seedance client: the API key, the base address, polling and retries. The client copies them when it
/// is constructed; later changes to this instance do not affect it.
/// </summary>
/// <remarks>
/// The API key is sent only in the <c>Authorization</c> header of API calls. It never appears in an exception message,
/// a log line or <see cref="ToString"/>, and it is not sent when downloading results (result URLs are pre-signed and
/// may live on another host).
/// </remarks>
public sealed class SeedanceClientOptions
{
    /// <summary>The environment variable read for the API key when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "SEEDANCE_API_KEY";

    /// <summary>The API's address, <c>https://api.evolink.ai/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.evolink.ai/", UriKind.Absolute);

    /// <summary>
    /// The API key, sent as <c>Authorization: Bearer …</c>. Defaults to the <c>SEEDANCE_API_KEY</c> environment variable
    /// (read when this instance is created). A call without a key fails before anything is sent.
    /// </summary>
    public string? ApiKey { get; set; } = Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);

    /// <summary>
    /// The API's address, used when the <c>HttpClient</c> has no <see cref="System.Net.Http.HttpClient.BaseAddress"/>;
    /// default <c>https://api.evolink.ai/</c>. A path (for a proxy) is kept: <c>https://proxy/seedance/</c> sends to
    /// <c>https://proxy/seedance/v1/…</c>.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The first wait between two polls of a task (default 5 s). Each further wait is 1.5 times longer, up to
    /// <see cref="MaxPollInterval"/>: generation takes minutes, so polling slows down rather than spends requests.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two polls (default 30 s).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a generation may take in all (default 30 min), its create call included: while waiting for the task it
    /// ends with <see cref="SeedanceTaskTimeoutException"/>; during the create call with
    /// <see cref="SeedanceRequestOutcomeUnknownException"/> when the call may have reached the API, or a
    /// <see cref="TimeoutException"/> when every attempt so far was refused (no task exists).
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits until the task ends or the wait is cancelled.
    /// </summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How many times one call is retried after a fault that allows it (default 3; 0 turns retries off). A create call is
    /// retried only when the answer proves no task was created: 429, 503, or a connection that failed before the request
    /// was sent. A poll (<c>GET</c>) is also retried on 408, other 5xx answers, lost connections and timeouts.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The first back-off after a 429 or 503 answer without a <c>Retry-After</c> header (default 30 s, as the provider
    /// advises); it doubles on each retry (30 s, 60 s, 120 s), up to <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first back-off after any other retried fault: a connection failure, a timeout, or a 408/5xx answer to a poll
    /// (default 1 s); it doubles on each retry, up to <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single back-off (default 120 s). A <c>Retry-After</c> header asking for longer is not waited out: the
    /// call fails at once with <see cref="SeedanceApiException.RetryAfter"/> set, so the caller can decide.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How many poll failures in a row (unreadable answers, dropped connections, 408, 429, 5xx, each after its own
    /// retries) end a wait; default 10. A poll is a read, so a failure on its own never ends it: the task was paid for.
    /// </summary>
    public int MaxConsecutivePollFailures { get; set; } = 10;

    /// <summary>
    /// The longest one HTTP attempt may take, the create call included; default 100 seconds. A create call that gets
    /// no answer in time has an unknown outcome (a task may exist) and is never sent again.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The largest API answer the client reads, in bytes; default 1 MiB. A larger one is refused with an error.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The clock for waits, back-off and timeouts; default <see cref="TimeProvider.System"/> (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The durable record of paid submissions (none by default), such as <c>SeedanceJournal.OpenSqlite("seedance.db")</c>
    /// from the Seedance.Journal.Sqlite package. Keyed calls (<c>GenerateAsync(key, …)</c>) and batches need one: each
    /// submission is recorded before its create call leaves, so a rerun after a crash resumes instead of paying again.
    /// The client uses it but does not own it: dispose it when the application ends.
    /// </summary>
    public ISeedanceJournal? Journal { get; set; }

    /// <summary>Describes the settings; the API key shows only as set or not set.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SeedanceClientOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set, redacted)")}, BaseAddress = {BaseAddress}, PollInterval = {PollInterval}, MaxPollInterval = {MaxPollInterval}, WaitTimeout = {WaitTimeout}, MaxRetries = {MaxRetries}, RetryDelay = {RetryDelay}, TransientRetryDelay = {TransientRetryDelay}, MaxRetryDelay = {MaxRetryDelay}, MaxConsecutivePollFailures = {MaxConsecutivePollFailures}, AttemptTimeout = {AttemptTimeout}, MaxResponseBytes = {MaxResponseBytes}, Journal = {(Journal is null ? "(none)" : Journal.GetType().Name)} }}");

    /// <summary>A copy, so that a client is not affected by later changes to the caller's instance.</summary>
    internal SeedanceClientOptions Snapshot() => (SeedanceClientOptions)MemberwiseClone();

    /// <summary>Throws when a setting is out of range, naming the setting (never its value for the key).</summary>
    internal void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{nameof(SeedanceClientOptions)}.{nameof(BaseAddress)} must be an absolute http or https URI.", nameof(BaseAddress));
        }
        RequirePositive(PollInterval, nameof(PollInterval));
        RequirePositive(MaxPollInterval, nameof(MaxPollInterval));
        if (MaxPollInterval < PollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPollInterval), MaxPollInterval, $"{nameof(SeedanceClientOptions)}.{nameof(MaxPollInterval)} must not be shorter than {nameof(PollInterval)}.");
        }
        if (WaitTimeout != Timeout.InfiniteTimeSpan) RequirePositive(WaitTimeout, nameof(WaitTimeout));
        if (MaxRetries < 0 || MaxRetries > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"{nameof(SeedanceClientOptions)}.{nameof(MaxRetries)} must be between 0 and 100.");
        }
        RequireNotNegative(RetryDelay, nameof(RetryDelay));
        RequireNotNegative(TransientRetryDelay, nameof(TransientRetryDelay));
        RequireNotNegative(MaxRetryDelay, nameof(MaxRetryDelay));
        if (MaxConsecutivePollFailures < 1 || MaxConsecutivePollFailures > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutivePollFailures), MaxConsecutivePollFailures, $"{nameof(SeedanceClientOptions)}.{nameof(MaxConsecutivePollFailures)} must be between 1 and 10000.");
        }
        if (AttemptTimeout != Timeout.InfiniteTimeSpan) RequirePositive(AttemptTimeout, nameof(AttemptTimeout));
        if (MaxResponseBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, $"{nameof(SeedanceClientOptions)}.{nameof(MaxResponseBytes)} must be at least 1024.");
        }
        if (TimeProvider is null) throw new ArgumentNullException(nameof(TimeProvider), $"{nameof(SeedanceClientOptions)}.{nameof(TimeProvider)} must not be null.");
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(SeedanceClientOptions)}.{name} must be positive and at most {TimeSpan.FromMilliseconds(int.MaxValue)}.");
        }
    }

    private static void RequireNotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(SeedanceClientOptions)}.{name} must not be negative and at most {TimeSpan.FromMilliseconds(int.MaxValue)}.");
        }
    }
}
