using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class SubmitAndPollTests
{
    [Fact]
    public async Task Generate_goes_pending_processing_completed_and_reports_progress()
    {
        // A processing phase long enough that polls see it even when the test machine is busy.
        await using var h = await Harness.StartAsync(configureEmulator: e =>
        {
            e.PendingDuration = TimeSpan.FromMilliseconds(200);
            e.ProcessingDuration = TimeSpan.FromMilliseconds(1500);
        });
        var progress = new RecordingProgress<VideoTask>();

        var done = await h.Core.GenerateAsync(Requests.TextToVideo(), progress, CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.Equal(100, done.Progress);
        var url = Assert.Single(done.Results);
        Assert.StartsWith(h.Emulator.BaseAddress.AbsoluteUri + "files/" + done.Id, url, StringComparison.Ordinal);
        Assert.StartsWith("task-unified-", done.Id, StringComparison.Ordinal);
        Assert.Equal("seedance-2.0-text-to-video", done.Model);
        Assert.Equal(5, done.VideoDuration);
        Assert.Equal(5m, done.CreditsReserved);
        Assert.True(done.Created > DateTimeOffset.UtcNow.AddMinutes(-1) && done.Created <= DateTimeOffset.UtcNow.AddSeconds(1));

        var reports = progress.Reports;
        Assert.Equal(VideoTaskStatus.Pending, reports[0].Status);
        Assert.Equal(0, reports[0].Progress);
        Assert.Contains(reports, r => r.Status == VideoTaskStatus.Processing && r.Progress is > 0 and < 100);
        Assert.Same(done, reports[^1]);
        Assert.All(reports, r => Assert.Equal(done.Id, r.Id));
        // Status and progress never go backwards, and each report is a change.
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].Status >= reports[i - 1].Status, $"status went back at report {i}");
            Assert.True(reports[i].Progress >= reports[i - 1].Progress, $"progress went back at report {i}");
            Assert.False(reports[i].Status == reports[i - 1].Status && reports[i].Progress == reports[i - 1].Progress, $"report {i} repeats the previous one");
        }

        Assert.Equal(1, h.Emulator.CreateRequestCount);
        Assert.Equal(1, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task Submit_sends_one_post_with_the_api_field_names_and_no_nulls()
    {
        await using var h = await Harness.StartAsync();

        var task = await h.Core.SubmitAsync(Requests.TextToVideo() with { GenerateAudio = false }, CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Pending, task.Status);
        var post = Assert.Single(h.Emulator.Requests);
        Assert.Equal("POST", post.Method);
        Assert.Equal("/v1/videos/generations", post.Path);
        Assert.True(post.HasAuthorization);
        using var body = JsonDocument.Parse(post.Body!);
        var names = body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "aspect_ratio", "duration", "generate_audio", "model", "prompt", "quality" }, names);
        Assert.Equal("720p", body.RootElement.GetProperty("quality").GetString());
        Assert.Equal("16:9", body.RootElement.GetProperty("aspect_ratio").GetString());
        Assert.False(body.RootElement.GetProperty("generate_audio").GetBoolean());
    }

    [Fact]
    public async Task GetTask_and_WaitForCompletion_work_from_an_id()
    {
        await using var h = await Harness.StartAsync();
        var submitted = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);

        var read = await h.Core.GetTaskAsync(submitted.Id, CancellationToken.None);
        Assert.Equal(submitted.Id, read.Id);
        Assert.False(read.IsFinished);

        var progress = new RecordingProgress<VideoTask>();
        var done = await h.Core.WaitForCompletionAsync(submitted.Id, progress, CancellationToken.None);
        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        Assert.True(done.IsFinished);
        Assert.Equal(VideoTaskStatus.Completed, progress.Reports[^1].Status);

        // Waiting on a finished task answers at once, with one poll.
        var before = h.Emulator.Requests.Count;
        var again = await h.Core.WaitForCompletionAsync(submitted.Id, null, CancellationToken.None);
        Assert.Equal(done.Id, again.Id);
        Assert.Equal(before + 1, h.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_failed_task_throws_with_its_code_and_message()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.FailTask("content_policy_violation", "The prompt was flagged by the content policy."));

        var ex = await Assert.ThrowsAsync<SeedanceTaskFailedException>(() => h.Core.GenerateAsync(Requests.TextToVideo(), null, CancellationToken.None));

        Assert.Equal("content_policy_violation", ex.Code);
        Assert.Equal(VideoTaskStatus.Failed, ex.Task.Status);
        Assert.Equal("The prompt was flagged by the content policy.", ex.Task.Error!.Message);
        Assert.Equal($"Task {ex.Task.Id} failed: content_policy_violation: The prompt was flagged by the content policy.", ex.Message);
        Assert.Empty(ex.Task.Results);
    }

    [Fact]
    public async Task Validation_failure_sends_nothing()
    {
        await using var h = await Harness.StartAsync();
        // The analyzers would stop this at compile time; silenced so that the run-time check is what is tested.
#pragma warning disable SEED0001, SEED0003
        var bad = new SeedanceRequest("seedance-2.0", "Use @Image1 as the character.") { Quality = "1080p" };
#pragma warning restore SEED0001, SEED0003

        var ex = await Assert.ThrowsAsync<SeedanceValidationException>(() => h.Core.GenerateAsync(bad, null, CancellationToken.None));

        Assert.Contains(ex.Errors, e => e.RuleId == "SEED0003");
        Assert.Empty(h.Emulator.Requests);
    }

    [Fact]
    public async Task Missing_api_key_fails_before_sending()
    {
        await using var h = await Harness.StartAsync(o => o.ApiKey = null);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Contains("SEEDANCE_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Empty(h.Emulator.Requests);
    }

    [Fact]
    public async Task Cancellation_mid_poll_throws_OperationCanceled_and_stops_polling()
    {
        await using var h = await Harness.StartAsync(configureEmulator: e => e.ProcessingDuration = TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource();
        var progress = new RecordingProgress<VideoTask>(t =>
        {
            if (t.Status == VideoTaskStatus.Processing) cts.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Core.GenerateAsync(Requests.TextToVideo(), progress, cts.Token));

        var seen = h.Emulator.Requests.Count;
        await Task.Delay(200);
        Assert.Equal(seen, h.Emulator.Requests.Count);
        Assert.Equal(VideoTaskStatus.Processing, progress.Reports[^1].Status);
        Assert.DoesNotContain(h.Logs.Entries, e => e.EventId.Name == "RetryScheduled");
    }

    [Fact]
    public async Task Cancelling_a_request_in_flight_is_not_retried()
    {
        await using var h = await Harness.StartAsync();
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.Delay(TimeSpan.FromSeconds(10)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Core.GetTaskAsync(task.Id, cts.Token));

        Assert.Single(h.Emulator.Requests, r => r.Route == SeedanceEmulatorRoute.GetTask);
    }

    [Fact]
    public async Task Wait_timeout_throws_a_TimeoutException_naming_the_task()
    {
        await using var h = await Harness.StartAsync(
            o => o.WaitTimeout = TimeSpan.FromMilliseconds(300),
            e => e.ProcessingDuration = TimeSpan.FromSeconds(30));
        var progress = new RecordingProgress<VideoTask>();

        var ex = await Assert.ThrowsAsync<SeedanceTaskTimeoutException>(() => h.Core.GenerateAsync(Requests.TextToVideo(), progress, CancellationToken.None));

        var id = progress.Reports[0].Id;
        Assert.Equal(id, ex.Task.Id);
        Assert.Contains(id, ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<TimeoutException>(ex);
        Assert.Equal(1, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task An_unknown_status_keeps_polling_until_the_task_ends()
    {
        await using var h = await Harness.StartAsync();
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.RawResponse(200, $$"""{"id":"{{task.Id}}","status":"queued_for_gpu","progress":3}""", "application/json"));
        var progress = new RecordingProgress<VideoTask>();

        var done = await h.Core.WaitForCompletionAsync(task.Id, progress, CancellationToken.None);

        Assert.Equal(VideoTaskStatus.Completed, done.Status);
        var unknown = progress.Reports[0];
        Assert.Equal(VideoTaskStatus.Unknown, unknown.Status);
        Assert.Equal("queued_for_gpu", unknown.RawStatus);
        Assert.Contains(h.Logs.Entries, e => e.EventId.Name == "UnknownTaskStatus");
    }

    [Fact]
    public async Task Options_are_validated_and_copied()
    {
        using var http = new System.Net.Http.HttpClient();
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedanceClientCore(http, new SeedanceClientOptions { PollInterval = TimeSpan.Zero }, SeedanceModelCatalog.Default, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeedanceClientCore(http, new SeedanceClientOptions { MaxRetries = -1 }, SeedanceModelCatalog.Default, null));
        Assert.Throws<ArgumentException>(() => new SeedanceClientCore(http, new SeedanceClientOptions { BaseAddress = new Uri("ftp://x/") }, SeedanceModelCatalog.Default, null));

        await using var h = await Harness.StartAsync();
        h.Options.ApiKey = "changed-after-construction";
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        Assert.NotNull(task);
    }
}
