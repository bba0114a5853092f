using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using Seedance;
using Seedance.Journal.CrashChild;

// Runs one journaled batch and prints one JSON line per finished item, then one for the result:
//   Seedance.Journal.CrashChild <base-url> <journal> <batch> <items> <concurrency> [budget]
//   Seedance.Journal.CrashChild hold <journal>      (holds the journal open until standard input closes)
// The crash test kills it at a random moment and runs it again; the 10,000-item measurement reads its last line.
if (args is ["hold", var held])
{
    // Holds a journal open until its standard input closes: the other process of the lock test.
    await using var holding = SeedanceJournal.OpenSqlite(held);
    await holding.FindAsync("nothing", CancellationToken.None);
    Console.WriteLine("holding");
    Console.Out.Flush();
    await Console.In.ReadToEndAsync();
    return 0;
}
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: Seedance.Journal.CrashChild <base-url> <journal> <batch> <items> <concurrency> [budget]");
    return 2;
}
var baseUrl = new Uri(args[0], UriKind.Absolute);
var journalPath = args[1];
var batch = args[2];
var items = int.Parse(args[3], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
decimal? budget = args.Length > 5 ? decimal.Parse(args[5], CultureInfo.InvariantCulture) : null;

await using var journal = SeedanceJournal.OpenSqlite(journalPath);
using var http = new HttpClient { BaseAddress = baseUrl };
var options = new SeedanceClientOptions
{
    ApiKey = Environment.GetEnvironmentVariable(SeedanceClientOptions.ApiKeyEnvironmentVariable) ?? "sk-seedance-emulator",
    Journal = journal,
    PollInterval = TimeSpan.FromMilliseconds(40),
    MaxPollInterval = TimeSpan.FromMilliseconds(100),
    WaitTimeout = TimeSpan.FromMinutes(5),
    RetryDelay = TimeSpan.FromMilliseconds(100),
    TransientRetryDelay = TimeSpan.FromMilliseconds(20),
    MaxRetryDelay = TimeSpan.FromSeconds(2),
};
var core = new SeedanceClientCore(http, options, SeedanceModelCatalog.Default, null);

// Lazily made, so that nothing per item is held here either.
var requests = Enumerable.Range(0, items).Select(i => new SeedanceRequest(
    "seedance-2.0-text-to-video",
    string.Create(CultureInfo.InvariantCulture, $"Batch {batch}, item {i}: a paper boat drifts down a rain gutter, close-up, soft morning light."))
{
    Duration = 4,
    Quality = "480p",
});

var output = Console.Out;
var gate = new object();
long peakWorkingSet = 0;
var samples = new System.Collections.Generic.List<long>();
var heaps = new System.Collections.Generic.List<long>();
var progress = new Reporter(update =>
{
    if (update.Item is not { State: not SeedanceBatchItemState.Running } item) return;
    lock (gate)
    {
        output.WriteLine(JsonSerializer.Serialize(new ItemLine(item.Index, item.State.ToString(), item.Source.ToString(), item.TaskId, item.Reason)));
        var finished = update.Completed + update.Failed + update.Unknown + update.NotSubmitted + update.Incomplete + update.Conflicts;
        if (finished % 1000 == 0)
        {
            var now = Process.GetCurrentProcess().WorkingSet64;
            samples.Add(now);
            peakWorkingSet = Math.Max(peakWorkingSet, now);
            // After a full collection: what the run still holds, which must not grow with the items done.
            heaps.Add(GC.GetTotalMemory(forceFullCollection: true));
        }
    }
});

var watch = Stopwatch.StartNew();
var result = await core.RunBatchAsync(batch, requests, new SeedanceBatchOptions { MaxConcurrency = concurrency, Budget = budget }, progress, CancellationToken.None);
watch.Stop();
using var self = Process.GetCurrentProcess();
self.Refresh();
lock (gate)
{
    output.WriteLine(JsonSerializer.Serialize(new ResultLine(
        result.Items, result.Completed, result.Failed, result.Unknown, result.NotSubmitted, result.Incomplete, result.Conflicts,
        result.Posted, result.Resumed, result.FromJournal, result.Refusals, result.EstimatedSpend,
        watch.Elapsed.TotalSeconds, self.PeakWorkingSet64, samples.ToArray(), heaps.ToArray())));
    output.Flush();
}
return 0;

/// <summary>Reports synchronously, on the thread that changed the item (Progress&lt;T&gt; would post to the pool).</summary>
internal sealed class Reporter(Action<SeedanceBatchProgress> report) : IProgress<SeedanceBatchProgress>
{
    public void Report(SeedanceBatchProgress value) => report(value);
}
