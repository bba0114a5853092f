using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance;

/// <summary>Downloads the videos of a completed <see cref="VideoTask"/>.</summary>
/// <remarks>
/// Result URLs are pre-signed and expire 24 hours after the task completes. They are fetched without the API key: the
/// key is for the API only, and result URLs may live on another host.
/// </remarks>
public static class VideoTaskDownloadExtensions
{
    private const int BufferSize = 81_920;

    /// <summary>Copies result <paramref name="index"/> of <paramref name="task"/> into <paramref name="destination"/>.</summary>
    /// <param name="task">A completed task.</param>
    /// <param name="httpClient">The client to download with (any; its base address is not used).</param>
    /// <param name="index">Which result, 0 for the first.</param>
    /// <param name="destination">Where the bytes go; left open.</param>
    /// <param name="progress">Receives the number of bytes copied so far.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="InvalidOperationException">The task has not completed or has no result.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a result index.</exception>
    /// <exception cref="SeedanceApiException">The download was refused (an expired URL answers 403 or 404).</exception>
    public static async Task<long> DownloadResultAsync(
        this VideoTask task,
        HttpClient httpClient,
        int index,
        Stream destination,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (httpClient is null) throw new ArgumentNullException(nameof(httpClient));
        if (destination is null) throw new ArgumentNullException(nameof(destination));
        var url = ResultUrl(task, index);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // The task is paid for and its result exists: say which task, so the caller can poll it for fresh URLs.
            throw new SeedanceApiException(
                $"Downloading result {index} of task {task.Id} failed ({SeedanceHttpFailures.Describe(ex)}). The video is still at the API until its URL expires; download it again, or poll the task for fresh URLs.",
                0, innerException: ex) { TaskId = task.Id };
        }
        using var owned = response;
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            throw new SeedanceApiException(
                $"Downloading result {index} of task {task.Id} answered {status} ({response.ReasonPhrase}): \"{SeedanceHttpFailures.Excerpt(body, new SecretRedactor(null))}\". Result URLs expire 24 hours after the task completes; poll the task again for fresh ones.",
                status) { TaskId = task.Id };
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        try
        {
            using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                progress?.Report(total);
            }
            return total;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Lost mid-body, or the HttpClient's timeout: the video is still there; say which task it belongs to.
            throw new SeedanceApiException(
                $"Downloading result {index} of task {task.Id} stopped after {total:N0} bytes ({SeedanceHttpFailures.Describe(ex)}). Download it again, or poll the task for fresh URLs.",
                0, innerException: ex) { TaskId = task.Id };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Downloads result <paramref name="index"/> of <paramref name="task"/> to the file <paramref name="path"/>, replacing it.
    /// The bytes go to a temporary file beside it first, so a failed download never leaves a truncated video at <paramref name="path"/>.
    /// </summary>
    /// <inheritdoc cref="DownloadResultAsync(VideoTask, HttpClient, int, Stream, IProgress{long}?, CancellationToken)"/>
    /// <param name="path">The file to write, such as <c>video.mp4</c>.</param>
    public static async Task<long> DownloadResultAsync(
        this VideoTask task,
        HttpClient httpClient,
        int index,
        string path,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path is empty.", nameof(path));
        _ = ResultUrl(task, index);
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + "." + Guid.NewGuid().ToString("N")[..8] + ".partial";
        try
        {
            long written;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                written = await task.DownloadResultAsync(httpClient, index, file, progress, cancellationToken).ConfigureAwait(false);
            }
            File.Move(temporary, fullPath, overwrite: true);
            return written;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static Uri ResultUrl(VideoTask task, int index)
    {
        if (task is null) throw new ArgumentNullException(nameof(task));
        if (task.Status != VideoTaskStatus.Completed || task.Results.Count == 0)
        {
            throw new InvalidOperationException($"Task {task.Id} has no result to download (status {task.RawStatus}, {task.Results.Count} results); wait for it to complete first.");
        }
        if ((uint)index >= (uint)task.Results.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Task {task.Id} has {task.Results.Count} result(s).");
        }
        if (!Uri.TryCreate(task.Results[index], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Result {index} of task {task.Id} is not an http(s) URL.");
        }
        return url;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
