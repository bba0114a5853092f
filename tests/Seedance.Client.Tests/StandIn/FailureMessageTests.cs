using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.Client.Tests.StandIn;

/// <summary>What a user reads on each failure: printed, and each names the task when one exists.</summary>
public sealed class FailureMessageTests(ITestOutputHelper output)
{
    private async Task<Exception> Fails(StandInServer server, Action<SeedanceClientOptions>? configure = null, CancellationToken token = default)
    {
        var (core, _) = StandInTests.Client(server, configure);
        var ex = await Record.ExceptionAsync(() => core.GenerateAsync(StandInTests.Request(), null, token));
        Assert.NotNull(ex);
        output.WriteLine($"{ex.GetType().Name}: {ex.Message}");
        output.WriteLine(string.Empty);
        return ex;
    }

    [Fact]
    public async Task Each_failure_says_what_happened_and_names_the_task()
    {
        await using (var server = new StandInServer(r => r.Method == "GET" ? Fault.Html : Fault.None))
        {
            var ex = await Fails(server, o => o.MaxConsecutivePollFailures = 3);
            Assert.Contains("task-unified-", ex.Message, StringComparison.Ordinal);
        }
        await using (var server = new StandInServer(r => r.Method == "POST" ? Fault.ServerErrorAfterRecording : Fault.None))
        {
            Assert.IsType<SeedanceRequestOutcomeUnknownException>(await Fails(server));
        }
        await using (var server = new StandInServer { CreateDelay = TimeSpan.FromSeconds(3) })
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            Assert.IsType<SeedanceSubmitCanceledException>(await Fails(server, token: cancel.Token));
        }
        await using (var server = new StandInServer { FinalStatus = "cancelled" })
        {
            Assert.IsType<SeedanceTaskFailedException>(await Fails(server));
        }
        await using (var server = new StandInServer { FinalStatus = "failed" })
        {
            Assert.IsType<SeedanceTaskFailedException>(await Fails(server));
        }
        await using (var server = new StandInServer(pollsUntilDone: int.MaxValue))
        {
            Assert.IsType<SeedanceTaskTimeoutException>(await Fails(server, o => o.WaitTimeout = TimeSpan.FromMilliseconds(300)));
        }
        await using (var server = new StandInServer(r => r.Method == "GET" ? Fault.Unauthorized : Fault.None))
        {
            Assert.Contains("task-unified-", ((SeedanceApiException)await Fails(server)).TaskId, StringComparison.Ordinal);
        }
        await using (var server = new StandInServer { CreatePadding = 2 * 1024 * 1024 })
        {
            Assert.IsType<SeedanceRequestOutcomeUnknownException>(await Fails(server));
        }
        await using (var server = new StandInServer { CreateDelay = TimeSpan.FromSeconds(3) })
        {
            Assert.IsType<SeedanceRequestOutcomeUnknownException>(await Fails(server, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200)));
        }
    }
}
