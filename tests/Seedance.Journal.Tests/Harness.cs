using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;

namespace Seedance.Journal.Tests;

/// <summary>An emulator, a journal file in a folder of its own, and a client core wired to both.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(SeedanceEmulator emulator, string folder)
    {
        Emulator = emulator;
        Folder = folder;
        JournalPath = Path.Combine(folder, "seedance.db");
        Http = emulator.CreateHttpClient();
    }

    public SeedanceEmulator Emulator { get; }

    public string Folder { get; }

    public string JournalPath { get; }

    public HttpClient Http { get; }

    public static async Task<Harness> StartAsync(SeedanceEmulatorOptions? options = null)
    {
        options ??= new SeedanceEmulatorOptions();
        options.Credits = 1_000_000m;
        var emulator = new SeedanceEmulator(options);
        await emulator.StartAsync();
        return new Harness(emulator, NewFolder());
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "seedance-journal-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public SeedanceClientOptions Options(ISeedanceJournal journal)
    {
        var options = Emulator.CreateClientOptions();
        options.Journal = journal;
        options.PollInterval = TimeSpan.FromMilliseconds(20);
        options.MaxPollInterval = TimeSpan.FromMilliseconds(60);
        return options;
    }

    public SeedanceClientCore Core(ISeedanceJournal journal, Action<SeedanceClientOptions>? configure = null)
    {
        var options = Options(journal);
        configure?.Invoke(options);
        return new SeedanceClientCore(Http, options, SeedanceModelCatalog.Default, null);
    }

    public static SeedanceRequest Request(int i, string tag = "item", int duration = 4, string quality = "480p") => new(
        "seedance-2.0-text-to-video",
        string.Create(CultureInfo.InvariantCulture, $"{tag} {i}: a paper boat drifts down a rain gutter, close-up, soft morning light."))
    {
        Duration = duration,
        Quality = quality,
    };

    /// <summary>Tasks the emulator created, by the prompt that created them.</summary>
    public Dictionary<string, int> CreatedByPrompt() => Emulator.Requests
        .Where(r => r.CreatedTaskId is not null)
        .GroupBy(r => System.Text.Json.JsonDocument.Parse(r.Body!).RootElement.GetProperty("prompt").GetString()!)
        .ToDictionary(g => g.Key, g => g.Count());

    public int Posts => Emulator.CreateRequestCount;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Collects batch reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
/// <remarks>A test that must act on a report (cancel at the fourth acknowledgement, say) passes it as <c>then</c>.</remarks>
internal sealed class BatchLog(Action<SeedanceBatchProgress>? then = null) : IProgress<SeedanceBatchProgress>
{
    private readonly object _gate = new();
    private readonly List<SeedanceBatchProgress> _reports = new();

    public void Report(SeedanceBatchProgress value)
    {
        lock (_gate) _reports.Add(value);
        then?.Invoke(value);
    }

    public IReadOnlyList<SeedanceBatchProgress> Reports
    {
        get { lock (_gate) return _reports.ToArray(); }
    }

    /// <summary>The last report of each item that ended.</summary>
    public IReadOnlyList<SeedanceBatchItem> Finished => Reports
        .Where(r => r.Item is { State: not SeedanceBatchItemState.Running })
        .Select(r => r.Item!)
        .GroupBy(i => i.Index)
        .Select(g => g.Last())
        .OrderBy(i => i.Index)
        .ToArray();
}
