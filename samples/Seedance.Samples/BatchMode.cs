using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Seedance.Samples;

/// <summary>
/// <c>--batch</c>: the guide's ten templates as one resumable batch, journaled in a SQLite file. Kill it and run it
/// again: what the API had acknowledged is polled, what had completed comes from the journal, and no create call is
/// sent for either. Against the emulator, the emulator keeps its tasks in a file beside the journal, so that it too
/// survives the kill.
/// </summary>
internal static class BatchMode
{
    public const string BatchName = "guide-templates";

    public static async Task<int> RunAsync(string journalPath, bool reset, Uri? baseUrl, string? apiKey, CancellationToken cancellationToken)
    {
        journalPath = Path.GetFullPath(journalPath);
        var emulatorState = journalPath + ".emulator.jsonl";
        var live = baseUrl is not null || !string.IsNullOrEmpty(apiKey);
        if (reset)
        {
            foreach (var file in new[] { journalPath, journalPath + "-wal", journalPath + "-shm", journalPath + ".lock", emulatorState }) File.Delete(file);
        }

        await using var emulator = live ? null : new SeedanceEmulator(new SeedanceEmulatorOptions
        {
            PendingDuration = TimeSpan.FromMilliseconds(500),
            ProcessingDuration = TimeSpan.FromSeconds(4),
            StateFile = emulatorState,
        });
        HttpClient http;
        SeedanceClientOptions options;
        if (emulator is not null)
        {
            await emulator.StartAsync(cancellationToken);
            http = emulator.CreateHttpClient();
            options = emulator.CreateClientOptions();
            options.PollInterval = TimeSpan.FromMilliseconds(200);
            options.MaxPollInterval = TimeSpan.FromMilliseconds(500);
        }
        else
        {
            http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            options = new SeedanceClientOptions();
            if (baseUrl is not null) options.BaseAddress = baseUrl;
        }

        await using var journal = SeedanceJournal.OpenSqlite(journalPath);
        options.Journal = journal;
        var templates = GuideTemplates.All;
        var earlier = new Dictionary<SeedanceJournalState, int>();
        await foreach (var entry in journal.ListAsync(BatchName, cancellationToken))
        {
            earlier[entry.State] = earlier.GetValueOrDefault(entry.State) + 1;
        }

        AnsiConsole.MarkupLine($"[grey]Journal {Markup.Escape(journalPath)}[/]");
        AnsiConsole.MarkupLine(earlier.Count == 0
            ? "[grey]No earlier run of this batch: every template is posted once.[/]"
            : $"[yellow]Resuming: an earlier run left {Markup.Escape(string.Join(", ", earlier.OrderBy(e => e.Key).Select(e => $"{e.Value} {SeedanceJournalStates.ToText(e.Key)}")))}. Acknowledged tasks are polled and completed ones read from the journal; neither is posted again.[/]");
        if (emulator is not null) AnsiConsole.MarkupLine($"[grey]Seedance emulator on {emulator.BaseAddress}, its tasks kept in {Markup.Escape(emulatorState)}[/]");

        using (http)
        {
            var client = new VideoClient(http, options);
            var rows = templates.Select((t, i) => new SeedanceBatchItem(i, $"{BatchName}/{i}", SeedanceBatchItemState.Running, SeedanceBatchItemSource.None, null, 0, null, "queued", null)).ToArray();
            var gate = new object();
            SeedanceBatchProgress? last = null;
            var interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
            var progress = new Reporter(update =>
            {
                lock (gate)
                {
                    last = update;
                    if (update.Item is { } item) rows[item.Index] = item;
                }
                // Without a live view (CI logs, pipes), each item's end is one line.
                if (!interactive && update.Item is { State: not SeedanceBatchItemState.Running } ended)
                {
                    AnsiConsole.MarkupLine($"{Markup.Escape(templates[ended.Index].Name)}: {Describe(ended)}");
                }
            });

            SeedanceBatchResult result;
            var batchOptions = new SeedanceBatchOptions { MaxConcurrency = live ? 2 : 10 };
            if (interactive)
            {
                result = await AnsiConsole.Live(Render(templates, rows, null)).AutoClear(false).StartAsync(async context =>
                {
                    var run = client.RunBatchAsync(BatchName, templates.Select(t => t.Body), batchOptions, progress, cancellationToken);
                    while (!run.IsCompleted)
                    {
                        await Task.WhenAny(run, Task.Delay(150, CancellationToken.None));
                        lock (gate) context.UpdateTarget(Render(templates, rows, last));
                    }
                    var done = await run;
                    lock (gate) context.UpdateTarget(Render(templates, rows, last));
                    return done;
                });
            }
            else
            {
                result = await client.RunBatchAsync(BatchName, templates.Select(t => t.Body), batchOptions, progress, cancellationToken);
            }

            AnsiConsole.MarkupLine($"This run: [bold]{result.Posted}[/] create calls posted, [bold]{result.Resumed}[/] resumed by polling, [bold]{result.FromJournal}[/] returned from the journal; {result.Completed}/{result.Items} completed, estimated spend ${result.EstimatedSpend:0.00}.");
            if (emulator is not null) AnsiConsole.MarkupLine($"[grey]The emulator received {emulator.CreateRequestCount} create calls in this run.[/]");
            if (result.Unknown > 0) AnsiConsole.MarkupLine($"[yellow]{result.Unknown} item(s) have an unknown outcome: the run was killed while their create call was in flight. They are not sent again without SeedanceResubmit.OutcomeUnknown.[/]");
            return result.AllCompleted ? 0 : 1;
        }
    }

    private static IRenderable Render(IReadOnlyList<GuideTemplate> templates, SeedanceBatchItem[] rows, SeedanceBatchProgress? last)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Seedance 2.0 — batch \"{BatchName}\"");
        table.AddColumns("Template", "Key", "State", "Task", "Progress");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(templates[row.Index].Name),
                Markup.Escape(row.Key),
                Describe(row),
                Markup.Escape(row.TaskId ?? "—"),
                row.State == SeedanceBatchItemState.Running && row.TaskId is null ? "[grey]—[/]" : $"{row.Progress}%");
        }
        if (last is not null)
        {
            table.Caption($"running {last.Running} · completed {last.Completed} · failed {last.Failed} · unknown {last.Unknown} · not submitted {last.NotSubmitted} · posted {last.Posted} · from journal {last.FromJournal} · spend ${last.EstimatedSpend:0.00}");
        }
        return table;
    }

    private static string Describe(SeedanceBatchItem item) => item.State switch
    {
        SeedanceBatchItemState.Running when item.Reason == "queued" => "[grey]queued[/]",
        SeedanceBatchItemState.Running => item.TaskId is null ? "[blue]sending[/]" : "[blue]running[/]",
        SeedanceBatchItemState.Completed => item.Source switch
        {
            SeedanceBatchItemSource.Journal => "[green]completed[/] [grey](from the journal)[/]",
            SeedanceBatchItemSource.Resumed => "[green]completed[/] [yellow](resumed, not posted again)[/]",
            _ => "[green]completed[/]",
        },
        SeedanceBatchItemState.OutcomeUnknown => $"[yellow]outcome unknown[/] [grey]{Markup.Escape(item.Reason ?? string.Empty)}[/]",
        _ => $"[red]{item.State.ToString().ToLowerInvariant()}[/] [grey]{Markup.Escape(item.Reason ?? string.Empty)}[/]",
    };

    /// <summary>Reports on the batch's own thread (Progress&lt;T&gt; would post to the pool, out of order).</summary>
    private sealed class Reporter(Action<SeedanceBatchProgress> report) : IProgress<SeedanceBatchProgress>
    {
        public void Report(SeedanceBatchProgress value) => report(value);
    }
}
