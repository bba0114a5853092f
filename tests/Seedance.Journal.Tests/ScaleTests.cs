using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Seedance.Journal.CrashChild;
using Seedance.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Seedance.Journal.Tests;

/// <summary>
/// A long batch in a child process, so that its memory is the client's alone (the emulator runs here). CI runs 3,000
/// items; SEEDANCE_BATCH_ITEMS=10000 gives the issue's figures.
/// </summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_long_batch_runs_in_flat_memory()
    {
        var items = Environment.GetEnvironmentVariable("SEEDANCE_BATCH_ITEMS") is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : 3000;
        await using var h = await Harness.StartAsync(new SeedanceEmulatorOptions { PendingDuration = TimeSpan.FromMilliseconds(20), ProcessingDuration = TimeSpan.FromMilliseconds(80) });
        var journal = Path.Combine(h.Folder, "scale.db");

        var watch = Stopwatch.StartNew();
        using var child = CrashChild.Start(h.Emulator.BaseAddress.AbsoluteUri, journal, "scale", items.ToString(CultureInfo.InvariantCulture), "64");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(child.ExitCode == 0, await stderr);
        var result = JsonSerializer.Deserialize<ResultLine>(lines[^1])!;

        Assert.Equal(items, result.Completed);
        Assert.Equal(items, h.CreatedByPrompt().Count);
        var size = new FileInfo(journal).Length + (File.Exists(journal + "-wal") ? new FileInfo(journal + "-wal").Length : 0);
        output.WriteLine($"{items:N0} items, 64 at a time: {result.Seconds:0.0} s in the batch ({watch.Elapsed.TotalSeconds:0.0} s with process start), {items / result.Seconds:0} items/s");
        output.WriteLine($"peak working set {result.PeakWorkingSet / 1048576.0:0.0} MB; working set every 1,000 items (MB): {string.Join(" ", result.WorkingSetEvery1000.Select(b => (b / 1048576.0).ToString("0", CultureInfo.InvariantCulture)))}");
        output.WriteLine($"heap after a full GC every 1,000 items (MB): {string.Join(" ", result.HeapEvery1000.Select(b => (b / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture)))}");
        output.WriteLine($"journal {size / 1048576.0:0.00} MB ({size / items} bytes per item, WAL included)");

        // Nothing kept per item: what the run holds after a collection does not grow with the items done.
        var heaps = result.HeapEvery1000;
        Assert.True(heaps.Length >= 3, $"only {heaps.Length} samples");
        var growth = heaps[^1] - heaps[0];
        var perItem = growth / (double)(1000 * (heaps.Length - 1));
        Assert.True(perItem < 200, $"the heap grew {growth / 1024.0:0} KB over {1000 * (heaps.Length - 1)} items ({perItem:0} bytes per item)");
    }
}
