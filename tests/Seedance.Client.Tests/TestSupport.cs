using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Seedance.Testing;

namespace Seedance.Client.Tests;

/// <summary>A distinctive key, so a leak anywhere is easy to find.</summary>
internal static class Secrets
{
    public const string ApiKey = "sk-live-9Qz7XcTestSecretKey3141";
}

/// <summary>Keeps every formatted log line, with its exception, for leak checks and event assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values too: a sink that writes them (JSON logs) must not see the key either.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
{
    public string AllText => $"{Category} {Message} {Values} {Exception}";
}

/// <summary>Records every progress report synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
internal sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    private readonly List<T> _reports = new();

    public IReadOnlyList<T> Reports
    {
        get { lock (_reports) return _reports.ToArray(); }
    }

    public void Report(T value)
    {
        lock (_reports) _reports.Add(value);
        onReport?.Invoke(value);
    }
}

/// <summary>Counts the requests that leave the client, including ones that never reach a server.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>An emulator, an HttpClient and a client core wired together with fast settings.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(SeedanceEmulator emulator, HttpClient http, CapturingLoggerProvider logs, SeedanceClientOptions options, SeedanceClientCore core)
    {
        Emulator = emulator;
        Http = http;
        Logs = logs;
        Options = options;
        Core = core;
    }

    public SeedanceEmulator Emulator { get; }

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public SeedanceClientOptions Options { get; }

    public SeedanceClientCore Core { get; }

    public static async Task<Harness> StartAsync(Action<SeedanceClientOptions>? configure = null, Action<SeedanceEmulatorOptions>? configureEmulator = null, HttpClient? http = null)
    {
        var emulatorOptions = new SeedanceEmulatorOptions { ApiKey = Secrets.ApiKey };
        configureEmulator?.Invoke(emulatorOptions);
        var emulator = new SeedanceEmulator(emulatorOptions);
        await emulator.StartAsync();
        http ??= new HttpClient();
        http.BaseAddress = emulator.BaseAddress;
        var options = emulator.CreateClientOptions();
        options.PollInterval = TimeSpan.FromMilliseconds(10);
        options.MaxPollInterval = TimeSpan.FromMilliseconds(40);
        options.RetryDelay = TimeSpan.FromMilliseconds(20);
        options.TransientRetryDelay = TimeSpan.FromMilliseconds(10);
        options.WaitTimeout = TimeSpan.FromSeconds(15);
        configure?.Invoke(options);
        var logs = new CapturingLoggerProvider();
        var core = new SeedanceClientCore(http, options, SeedanceModelCatalog.Default, logs.CreateLogger("Seedance.Tests"));
        return new Harness(emulator, http, logs, options, core);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal static class Requests
{
    public static SeedanceRequest TextToVideo(string prompt = "A red fox runs through fresh snow at dawn, the camera tracking beside it.") =>
        new("seedance-2.0-text-to-video", prompt) { Duration = 5, Quality = VideoQuality.P720, AspectRatio = AspectRatio.Landscape16x9 };
}
