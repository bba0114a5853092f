using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Seedance.Client.Tests;

/// <summary>
/// Stands in for a generated <c>[SeedanceClient]</c> class: the same constructor shape, forwarding to the core (the
/// generator emits the real one; these tests exercise the runtime side of the contract).
/// </summary>
public sealed class HandWrittenVideoClient
{
    private readonly SeedanceClientCore _core;

    public HandWrittenVideoClient(HttpClient httpClient, SeedanceClientOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _core = new SeedanceClientCore(httpClient, options, SeedanceModelCatalog.Default, loggerFactory?.CreateLogger("Seedance.HandWrittenVideoClient"));
        HttpClient = httpClient;
    }

    public HttpClient HttpClient { get; }

    public Task<VideoTask> SubmitAsync(SeedanceRequest request, CancellationToken cancellationToken = default) => _core.SubmitAsync(request, cancellationToken);

    public Task<VideoTask> GenerateAsync(SeedanceRequest request, IProgress<VideoTask>? progress = null, CancellationToken cancellationToken = default) =>
        _core.GenerateAsync(request, progress, cancellationToken);

    public Task<VideoTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default) => _core.GetTaskAsync(taskId, cancellationToken);

    public Task<VideoTask> WaitForCompletionAsync(string taskId, IProgress<VideoTask>? progress = null, CancellationToken cancellationToken = default) =>
        _core.WaitForCompletionAsync(taskId, progress, cancellationToken);
}
