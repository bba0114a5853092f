using System;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class ErrorMappingTests
{
    public static TheoryData<int, string> DocumentedErrors()
    {
        var data = new TheoryData<int, string>();
        foreach (var (status, type) in SeedanceFault.DocumentedErrorTypes) data.Add(status, type);
        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Every_documented_error_on_a_poll_becomes_SeedanceApiException(int status, string type)
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 2);
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        // Enough for every attempt: 429 and 5xx are retried on a GET, so the last attempt must fail too.
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.HttpError(status, "Emulated failure.", param: "task_id"), count: 3);

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.GetTaskAsync(task.Id, CancellationToken.None));

        Assert.IsNotType<SeedanceRequestOutcomeUnknownException>(ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(type, ex.ErrorType);
        Assert.Equal("task_id", ex.Param);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.ErrorCode);
        Assert.StartsWith($"GET /v1/tasks/{task.Id} answered {status} (", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"Emulated failure. [type {type}, code {status}, param task_id]", ex.Message, StringComparison.Ordinal);
        var retried = status is 429 or >= 500;
        var gets = h.Emulator.Requests.Count - 1;
        Assert.Equal(retried ? 3 : 1, gets);
        if (retried) Assert.Contains("Gave up after 3 attempts.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Every_documented_error_on_a_create_call_maps_by_what_it_proves(int status, string type)
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 2);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.HttpError(status, "Emulated failure.", param: "prompt"), count: 3);

        var ex = await Assert.ThrowsAnyAsync<SeedanceApiException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(type, ex.ErrorType);
        Assert.Equal("prompt", ex.Param);
        if (status is 429 or 503)
        {
            // Refusals prove nothing was created: retried, then reported as safe to send again later.
            Assert.IsNotType<SeedanceRequestOutcomeUnknownException>(ex);
            Assert.Equal(3, h.Emulator.CreateRequestCount);
            Assert.EndsWith("No task was created; send the request again later.", ex.Message, StringComparison.Ordinal);
        }
        else if (status >= 500)
        {
            Assert.IsType<SeedanceRequestOutcomeUnknownException>(ex);
            Assert.Equal(1, h.Emulator.CreateRequestCount);
            Assert.Contains("a task may have been created", ex.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.IsNotType<SeedanceRequestOutcomeUnknownException>(ex);
            Assert.Equal(1, h.Emulator.CreateRequestCount);
            Assert.EndsWith("The request was refused; no task was created.", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Error_code_sent_as_a_string_is_read()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.HttpError(402, "Top up your credits.", codeAsString: true));

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal("402", ex.ErrorCode);
        Assert.Equal("insufficient_quota_error", ex.ErrorType);
    }

    [Fact]
    public async Task Malformed_and_unknown_task_ids_answer_400_and_404()
    {
        await using var h = await Harness.StartAsync();

        // An ID of another shape never reaches a URL or a log: refused before anything is sent, its text not echoed.
        var malformed = await Assert.ThrowsAsync<ArgumentException>(() => h.Core.GetTaskAsync("not a task id!", CancellationToken.None));
        Assert.DoesNotContain("not a task id!", malformed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => h.Core.GetTaskAsync(new string('a', 1024 * 1024), CancellationToken.None));

        var unknown = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.GetTaskAsync("task-unified-0-missing", CancellationToken.None));
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal("not_found_error", unknown.ErrorType);
    }

    [Fact]
    public async Task A_wrong_key_is_answered_401_by_the_emulator()
    {
        await using var h = await Harness.StartAsync(o => o.ApiKey = "sk-wrong-key-000000");

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("authentication_error", ex.ErrorType);
        Assert.Equal(0, h.Emulator.TasksCreated);
    }

    [Fact]
    public async Task A_non_json_error_body_keeps_the_status_and_shows_an_excerpt()
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        var html = "<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p>" + new string('x', 500) + "</body></html>";
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.RawResponse(502, html, "text/html"));

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.GetTaskAsync(task.Id, CancellationToken.None));

        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.ErrorType);
        Assert.Contains("with a body that is not the API's error JSON: \"<html><body><h1>502 Bad Gateway</h1> <p>nginx</p>xxx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("…\".", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 400, "the excerpt is truncated");
    }

    [Fact]
    public async Task An_empty_error_body_says_so()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RawResponse(400, null));

        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("POST /v1/videos/generations answered 400 (Bad Request) with an empty body. The request was refused; no task was created.", ex.Message);
    }

    [Theory]
    [InlineData("{\"id\":\"task-unified-1\"}", "the body has no \"status\"")]
    [InlineData("{\"status\":\"pending\"}", "the body has no \"id\"")]
    [InlineData("[1,2,3]", "the body is not a task object")]
    [InlineData("<html>ok</html>", "the body is not a task object")]
    [InlineData("", "the body is empty")]
    [InlineData("{\"id\":\"t\",\"status\":\"pending\",\"progress\":\"lots\"}", "the body is not a task object")]
    public async Task A_success_with_a_malformed_body_is_an_exception_not_a_half_filled_task(string body, string problem)
    {
        await using var h = await Harness.StartAsync(o => o.MaxRetries = 0);
        var task = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        h.Emulator.Enqueue(SeedanceEmulatorRoute.GetTask, SeedanceFault.RawResponse(200, body, "application/json"));
        h.Emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RawResponse(200, body, "application/json"));

        var poll = await Assert.ThrowsAsync<SeedanceApiException>(() => h.Core.GetTaskAsync(task.Id, CancellationToken.None));
        Assert.Equal(200, poll.StatusCode);
        Assert.Contains(problem, poll.Message, StringComparison.Ordinal);

        // On a create call the same answer means a task probably exists: never retried, and said so.
        var create = await Assert.ThrowsAsync<SeedanceRequestOutcomeUnknownException>(() => h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None));
        Assert.Contains("A task was probably created", create.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Emulator.CreateRequestCount);
    }
}
