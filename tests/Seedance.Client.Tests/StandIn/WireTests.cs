using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Seedance.Client.Tests.StandIn;

/// <summary>The client's reading of the provider's documented answers (<c>StandIn/Answers/*.json</c>), field by field.</summary>
public sealed class WireTests
{
    private static byte[] Answer(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "StandIn", "Answers", file));

    [Fact]
    public void A_created_task()
    {
        Assert.True(VideoTaskParser.TryParse(Answer("created.json"), out var task, out var problem), problem);
        Assert.Equal("task-unified-1757165031-uyujaw3d", task!.Id);
        Assert.Equal("seedance-2.0-text-to-video", task.Model);
        Assert.Equal(VideoTaskStatus.Pending, task.Status);
        Assert.Equal(0, task.Progress);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1757165031), task.Created);
        Assert.Equal(TimeSpan.FromSeconds(165), task.EstimatedTime);
        Assert.Equal(8, task.VideoDuration);
        Assert.Equal(12.5m, task.CreditsReserved);
    }

    [Theory]
    [InlineData("processing.json", VideoTaskStatus.Processing, 45, 0, null)]
    [InlineData("completed.json", VideoTaskStatus.Completed, 100, 1, null)]
    [InlineData("failed.json", VideoTaskStatus.Failed, 0, 0, "content_policy_violation")]
    [InlineData("cancelled.json", VideoTaskStatus.Cancelled, 20, 0, null)]
    public void A_polled_task(string file, VideoTaskStatus status, int progress, int results, string? errorCode)
    {
        Assert.True(VideoTaskParser.TryParse(Answer(file), out var task, out var problem), problem);
        Assert.Equal(status, task!.Status);
        Assert.Equal(progress, task.Progress);
        Assert.Equal(results, task.Results.Count);
        Assert.Equal(errorCode, task.Error?.Code);
    }

    [Theory]
    [InlineData("error-numeric-code.json", 429, "rate_limit_error", "429", null, "retry after 60 seconds")]
    [InlineData("error-string-code.json", 400, "invalid_request_error", "invalid_task_id", "task_id", null)]
    public void An_error_body_with_a_numeric_or_a_string_code(string file, int status, string type, string code, string? param, string? fallback)
    {
        var answer = SeedanceHttpFailures.DescribeAnswer("GET", "/v1/tasks/x", status, "Reason", Answer(file), new SecretRedactor(Secrets.ApiKey));
        Assert.Equal(type, answer.ErrorType);
        Assert.Equal(code, answer.ErrorCode);
        Assert.Equal(param, answer.Param);
        Assert.Equal(fallback, answer.FallbackSuggestion);
    }

    [Fact]
    public void A_task_id_the_api_does_not_issue_is_refused()
    {
        var huge = "{\"id\":\"" + new string('a', 1024 * 1024) + "\",\"status\":\"pending\"}";
        Assert.False(VideoTaskParser.TryParse(Encoding.UTF8.GetBytes(huge), out _, out var problem));
        Assert.Contains("not a task ID", problem, StringComparison.Ordinal);
        Assert.False(VideoTaskParser.TryParse(Encoding.UTF8.GetBytes("{\"id\":\"../../admin\",\"status\":\"pending\"}"), out _, out _));
    }

    [Fact]
    public void The_emulator_cannot_use_the_client_s_wire_types()
    {
        // Seedance.Testing reads and writes the documented JSON itself: the runtime opens its internals to no package.
        var friends = typeof(SeedanceClientCore).Assembly.GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), false)
            .Cast<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();
        Assert.Equal(["Seedance.Client.Tests"], friends);
    }
}
