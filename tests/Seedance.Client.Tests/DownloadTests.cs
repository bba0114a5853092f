using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Seedance.Testing;
using Xunit;

namespace Seedance.Client.Tests;

public sealed class DownloadTests
{
    [Fact]
    public async Task A_result_downloads_to_a_stream_and_a_file_without_the_key()
    {
        await using var h = await Harness.StartAsync();
        var done = await h.Core.GenerateAsync(Requests.TextToVideo(), null, CancellationToken.None);
        var progress = new RecordingProgress<long>();

        using var buffer = new MemoryStream();
        var bytes = await done.DownloadResultAsync(h.Http, 0, buffer, progress);

        Assert.Equal(SeedanceEmulator.ResultFileContent.ToArray(), buffer.ToArray());
        Assert.Equal(bytes, buffer.Length);
        Assert.Equal(bytes, progress.Reports[^1]);
        var file = Assert.Single(h.Emulator.Requests, r => r.Route == SeedanceEmulatorRoute.ResultFile);
        Assert.False(file.HasAuthorization);

        var path = Path.Combine(Path.GetTempPath(), $"seedance-{Guid.NewGuid():N}.mp4");
        try
        {
            await done.DownloadResultAsync(h.Http, 0, path);
            Assert.Equal(SeedanceEmulator.ResultFileContent.ToArray(), await File.ReadAllBytesAsync(path));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".*.partial"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Bad_downloads_fail_clearly_and_leave_no_file()
    {
        await using var h = await Harness.StartAsync();
        var submitted = await h.Core.SubmitAsync(Requests.TextToVideo(), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => submitted.DownloadResultAsync(h.Http, 0, Stream.Null));

        var done = await h.Core.WaitForCompletionAsync(submitted.Id, null, CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => done.DownloadResultAsync(h.Http, 1, Stream.Null));

        h.Emulator.Enqueue(SeedanceEmulatorRoute.ResultFile, SeedanceFault.RawResponse(403, "<Error>AccessDenied: Request has expired</Error>", "application/xml"));
        var path = Path.Combine(Path.GetTempPath(), $"seedance-{Guid.NewGuid():N}.mp4");
        var ex = await Assert.ThrowsAsync<SeedanceApiException>(() => done.DownloadResultAsync(h.Http, 0, path));
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(done.Id, ex.TaskId);
        Assert.Contains("expire 24 hours", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"));
    }
}
