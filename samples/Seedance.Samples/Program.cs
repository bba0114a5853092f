using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Seedance;
using Seedance.Samples;
using Seedance.Testing;
using Spectre.Console;

// Runs the guide's ten templates through the generated client:
//   dotnet run --project samples/Seedance.Samples                 against the emulator, in process (default)
//   SEEDANCE_API_KEY=… dotnet run --project samples/Seedance.Samples   against the real service (costs credits)
//   … -- --base-url https://host/                                  against another endpoint
//   … -- --dry-run                                                 prints each validated request body
//   … -- --batch [--journal seedance-batch.db] [--reset]           the ten as one resumable batch, journaled in SQLite
var options = SampleOptions.Parse(args);
// Redirected output (CI logs, files) has no width of its own: give the summary table room.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
if (options.Error is not null || options.Help)
{
    AnsiConsole.MarkupLine(options.Error is null ? string.Empty : $"[red]{Markup.Escape(options.Error)}[/]");
    AnsiConsole.WriteLine("usage: Seedance.Samples [--dry-run] [--base-url <url>] [--batch [--journal <file>] [--reset]]");
    return options.Error is null ? 0 : 2;
}

if (options.Batch)
{
    return await BatchMode.RunAsync(options.Journal ?? "seedance-batch.db", options.Reset, options.BaseUrl,
        Environment.GetEnvironmentVariable(SeedanceClientOptions.ApiKeyEnvironmentVariable), CancellationToken.None);
}

var templates = GuideTemplates.All;
if (options.DryRun)
{
    foreach (var template in templates)
    {
        VideoClient.Models.Validate(template.Body);
        var notes = VideoClient.Models.Check(template.Body);
        var panel = new Panel(new Text(Indent(template.Body.ToJson())))
        {
            Header = new PanelHeader($" {Markup.Escape(template.Name)} "),
            Border = BoxBorder.Rounded,
        };
        AnsiConsole.Write(panel);
        foreach (var note in notes) AnsiConsole.MarkupLine($"  [yellow]{Markup.Escape(note.ToString())}[/]");
    }
    AnsiConsole.MarkupLine($"[green]{templates.Count} requests validated; nothing was sent.[/]");
    return 0;
}

var apiKey = Environment.GetEnvironmentVariable(SeedanceClientOptions.ApiKeyEnvironmentVariable);
var live = options.BaseUrl is not null || !string.IsNullOrEmpty(apiKey);
await using var emulator = live ? null : new SeedanceEmulator(new SeedanceEmulatorOptions
{
    PendingDuration = TimeSpan.FromMilliseconds(300),
    ProcessingDuration = TimeSpan.FromSeconds(2.5),
});
HttpClient http;
SeedanceClientOptions clientOptions;
if (emulator is not null)
{
    await emulator.StartAsync();
    http = emulator.CreateHttpClient();
    clientOptions = emulator.CreateClientOptions();
    clientOptions.PollInterval = TimeSpan.FromMilliseconds(150);
    clientOptions.MaxPollInterval = TimeSpan.FromMilliseconds(400);
    AnsiConsole.MarkupLine($"[grey]Seedance emulator on {emulator.BaseAddress} (set SEEDANCE_API_KEY or pass --base-url to call the real service)[/]");
}
else
{
    http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    clientOptions = new SeedanceClientOptions();
    if (options.BaseUrl is not null) clientOptions.BaseAddress = options.BaseUrl;
    var estimate = templates.Sum(t => VideoClient.Models.EstimateCost(t.Body) ?? 0m);
    AnsiConsole.MarkupLine($"[yellow]Calling {Markup.Escape(clientOptions.BaseAddress.ToString())}: ten paid generations, about ${estimate:0.00} in all.[/]");
}

using (http)
{
    var client = new VideoClient(http, clientOptions);
    var results = new (VideoTask? Task, string? Error, TimeSpan Elapsed)[templates.Count];
    // Against the emulator everything runs at once; a real account gets a few at a time.
    using var gate = new SemaphoreSlim(live ? 2 : templates.Count);

    await AnsiConsole.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
        .StartAsync(async context =>
        {
            var bars = templates.Select(t => context.AddTask(Markup.Escape(t.Name), maxValue: 100)).ToArray();
            await Task.WhenAll(templates.Select(async (template, i) =>
            {
                await gate.WaitAsync();
                var watch = Stopwatch.StartNew();
                try
                {
                    var progress = new Progress<VideoTask>(task =>
                    {
                        bars[i].Value = task.Progress;
                        bars[i].Description = $"{Markup.Escape(template.Name)} [grey]{task.Status.ToString().ToLowerInvariant()}[/]";
                    });
                    var done = await template.Generate(client, progress, CancellationToken.None);
                    results[i] = (done, null, watch.Elapsed);
                    bars[i].Value = 100;
                    bars[i].Description = $"{Markup.Escape(template.Name)} [green]completed[/]";
                }
                catch (Exception ex) when (ex is SeedanceApiException or SeedanceTaskFailedException or SeedanceValidationException or TimeoutException or HttpRequestException)
                {
                    results[i] = (null, ex.Message, watch.Elapsed);
                    bars[i].Description = $"{Markup.Escape(template.Name)} [red]failed[/]";
                    bars[i].StopTask();
                }
                finally
                {
                    gate.Release();
                }
            }));
        });

    // Fits 120 columns without wrapping: the model without its "seedance-2.0-" prefix, duration and quality
    // with it, task IDs never broken, and the totals as footers rather than an extra row.
    decimal total = 0;
    var rows = new List<string[]>();
    for (var i = 0; i < templates.Count; i++)
    {
        var body = templates[i].Body;
        var (task, error, elapsed) = results[i];
        var cost = VideoClient.Models.EstimateCost(body);
        total += cost ?? 0;
        var model = body.Model.StartsWith("seedance-2.0-", StringComparison.Ordinal) ? body.Model["seedance-2.0-".Length..] : body.Model;
        rows.Add([
            Markup.Escape(templates[i].Name),
            Markup.Escape($"{model} {body.Duration} s {body.Quality?.Value}"),
            Markup.Escape(task?.Id ?? "—"),
            task is not null ? $"[green]{elapsed.TotalSeconds:0.0} s[/]" : $"[red]{Markup.Escape(error ?? "not run")}[/]",
            cost is null ? "n/a" : $"${cost:0.00}",
        ]);
    }
    var completed = results.Count(r => r.Task is not null);
    var table = new Table().Border(TableBorder.Rounded).Title("Seedance 2.0 — the guide's ten templates").ShowFooters();
    table.AddColumn(new TableColumn("Template").Footer("[bold]Total[/]").PadRight(0));
    table.AddColumn(new TableColumn("Request (seedance-2.0-…)").Footer($"{templates.Sum(t => t.Body.Duration ?? 0)} s").PadRight(0));
    table.AddColumn(new TableColumn("Task").NoWrap().PadRight(0));
    table.AddColumn(new TableColumn("Done in").Footer($"{completed}/{templates.Count}").PadRight(0));
    table.AddColumn(new TableColumn("Est.").Footer($"[bold]${total:0.00}[/]").RightAligned().PadRight(0));
    foreach (var row in rows) table.AddRow(row);
    AnsiConsole.Write(table);
    AnsiConsole.MarkupLine("[grey]Estimated costs use the fact sheet's per-second prices in the model matrix; they may be out of date.[/]");
    return results.All(r => r.Task is not null) ? 0 : 1;
}

// The body as sent, indented and with characters such as " and — unescaped, for reading.
static string Indent(string json)
{
    using var document = System.Text.Json.JsonDocument.Parse(json);
    using var buffer = new System.IO.MemoryStream();
    using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }))
    {
        document.WriteTo(writer);
    }
    return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
}

/// <summary>The sample's command line: <c>--dry-run</c>, <c>--base-url &lt;url&gt;</c>, <c>--batch</c>, <c>--journal &lt;file&gt;</c>, <c>--reset</c>, <c>--help</c>.</summary>
internal sealed record SampleOptions(bool DryRun, Uri? BaseUrl, bool Help, string? Error, bool Batch = false, string? Journal = null, bool Reset = false)
{
    public static SampleOptions Parse(string[] args)
    {
        bool dryRun = false, help = false, batch = false, reset = false;
        Uri? baseUrl = null;
        string? journal = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run": dryRun = true; break;
                case "--help" or "-h": help = true; break;
                case "--batch": batch = true; break;
                case "--reset": reset = true; break;
                case "--journal" when i + 1 < args.Length && args[i + 1].Length > 0:
                    journal = args[++i];
                    break;
                case "--base-url" when i + 1 < args.Length && Uri.TryCreate(args[i + 1], UriKind.Absolute, out var url):
                    baseUrl = url;
                    i++;
                    break;
                default:
                    return new SampleOptions(false, null, false, $"Unknown or incomplete argument '{args[i]}'.");
            }
        }
        if ((journal is not null || reset) && !batch) return new SampleOptions(false, null, false, "--journal and --reset go with --batch.");
        if (batch && dryRun) return new SampleOptions(false, null, false, "--batch and --dry-run cannot be combined.");
        return new SampleOptions(dryRun, baseUrl, help, null, batch, journal, reset);
    }
}
