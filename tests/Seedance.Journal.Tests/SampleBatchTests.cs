using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Seedance.Journal.Tests;

/// <summary>The sample's <c>--batch</c> mode as a user meets it: run, killed once every template was acknowledged, run again.</summary>
public sealed class SampleBatchTests
{
    [Fact]
    public async Task Killed_and_run_again_the_sample_resumes_and_posts_nothing_it_had_posted()
    {
        var folder = Harness.NewFolder();
        var journal = Path.Combine(folder, "seedance-batch.db");

        using (var first = CrashChild.StartSample("--batch", "--journal", journal))
        {
            var output = first.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            // Kill it once all ten are acknowledged and before they complete (the emulator takes 4.5 s a task).
            while (Count(journal, "created") < 10)
            {
                Assert.True(DateTime.UtcNow < deadline && !first.HasExited, "the sample did not get ten tasks acknowledged: " + (first.HasExited ? await output : "timeout"));
                await Task.Delay(50);
            }
            first.Kill();
            await first.WaitForExitAsync();
        }

        using var second = CrashChild.StartSample("--batch", "--journal", journal);
        var rerun = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync();

        Assert.True(second.ExitCode == 0, rerun);
        Assert.Contains("Resuming: an earlier run left 10 created.", rerun);
        Assert.Contains("This run: 0 create calls posted, 10 resumed by polling, 0 returned from the journal; 10/10 completed", rerun);
        Assert.Contains("The emulator received 0 create calls in this run.", rerun);
        Assert.Equal(10, Count(journal, "completed"));
    }

    private static int Count(string journal, string state)
    {
        if (!File.Exists(journal)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={journal};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM submissions WHERE state = $state";
            command.Parameters.AddWithValue("$state", state);
            return Convert.ToInt32(command.ExecuteScalar());
        }
        catch (SqliteException)
        {
            return 0;   // not created yet
        }
    }
}
