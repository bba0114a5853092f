using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Seedance.Testing;

/// <summary>
/// A local emulator of the Seedance API, over real HTTP on 127.0.0.1 with a port the OS chooses. It checks the bearer
/// key, validates create bodies against a model matrix with the same rule engine as the client, creates tasks that move
/// pending → processing → completed over a configurable time, serves small result files, answers the documented error
/// bodies, and injects faults on demand (<see cref="Enqueue"/>). Counters and a request log let tests assert what reached
/// the server.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = new SeedanceEmulator();
/// await emulator.StartAsync();
/// using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
/// var client = new VideoClient(http, emulator.CreateClientOptions());
/// emulator.Enqueue(SeedanceEmulatorRoute.CreateTask, SeedanceFault.RateLimited());
/// </code>
/// </example>
/// <remarks>
/// Routes: <c>POST /v1/videos/generations</c>, <c>GET /v1/tasks/{id}</c> (400 <c>invalid_task_id</c> for a malformed ID,
/// 404 for an unknown one), <c>GET /v1/credits</c> (this emulator's own shape:
/// <c>{ "object": "credits", "credits": …, "credits_reserved": … }</c>, as the API does not document one) and
/// <c>GET /files/{id}/0.mp4</c> (no key needed, like a pre-signed URL). Each task reserves one credit per output second.
/// </remarks>
public sealed class SeedanceEmulator : IAsyncDisposable
{
    private const string CreatePath = "/v1/videos/generations";
    private const string TasksPrefix = "/v1/tasks/";
    private const string CreditsPath = "/v1/credits";
    private const string FilesPrefix = "/files/";

    // A minimal MP4 header (ftyp box) and an empty free box: enough for a "video" that tests can compare byte for byte.
    private static readonly byte[] s_resultFile =
    [
        0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m',
        0x00, 0x00, 0x02, 0x00, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'2',
        0x00, 0x00, 0x00, 0x08, (byte)'f', (byte)'r', (byte)'e', (byte)'e',
    ];

    private readonly object _gate = new();
    private readonly Dictionary<SeedanceEmulatorRoute, Queue<SeedanceFault>> _faults = new();
    private readonly Dictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<SeedanceEmulatorRequest> _requests = new();
    private WebApplication? _app;
    private Uri? _baseAddress;
    private int _createRequests;
    private int _tasksCreated;
    private long _nextTaskNumber;
    private decimal _credits;
    private decimal _creditsReserved;
    private int _inFlight;
    private int _peakInFlight;

    /// <summary>Creates an emulator; call <see cref="StartAsync"/> to listen.</summary>
    public SeedanceEmulator(SeedanceEmulatorOptions? options = null)
    {
        Options = options ?? new SeedanceEmulatorOptions();
        _credits = Options.Credits;
    }

    /// <summary>The settings (read on each request, so changes take effect at once).</summary>
    public SeedanceEmulatorOptions Options { get; }

    /// <summary>The emulator's address, such as <c>http://127.0.0.1:54321/</c>.</summary>
    /// <exception cref="InvalidOperationException">The emulator has not been started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The emulator has not been started: call StartAsync first.");

    /// <summary>The bytes of every result file the emulator serves (a tiny fake MP4).</summary>
    public static ReadOnlyMemory<byte> ResultFileContent => s_resultFile;

    /// <summary>How many <c>POST /v1/videos/generations</c> requests arrived, whatever they were answered.</summary>
    public int CreateRequestCount
    {
        get { lock (_gate) return _createRequests; }
    }

    /// <summary>How many tasks were created (including those whose answer was a fault after receipt).</summary>
    public int TasksCreated
    {
        get { lock (_gate) return _tasksCreated; }
    }

    /// <summary>The most requests the emulator was handling at one moment so far.</summary>
    public int PeakRequestsInFlight
    {
        get { lock (_gate) return _peakInFlight; }
    }

    /// <summary>Every request received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<SeedanceEmulatorRequest> Requests
    {
        get { lock (_gate) return _requests.ToArray(); }
    }

    /// <summary>Starts listening on 127.0.0.1 with a port chosen by the OS.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null) throw new InvalidOperationException("The emulator is already started.");
        if (Options.StateFile is { } stateFile) LoadState(stateFile);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SeedanceEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        _baseAddress = new Uri(address.TrimEnd('/') + "/", UriKind.Absolute);
        _app = app;
    }

    /// <summary>Stops listening; requests in flight are ended.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = Interlocked.Exchange(ref _app, null);
        if (app is null) return;
        try
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the emulator.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>
    /// Injects <paramref name="fault"/> into the next <paramref name="count"/> requests of <paramref name="route"/>, after
    /// any faults already queued for it. Requests beyond those are answered normally.
    /// </summary>
    public void Enqueue(SeedanceEmulatorRoute route, SeedanceFault fault, int count = 1)
    {
        if (fault is null) throw new ArgumentNullException(nameof(fault));
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one request.");
        lock (_gate)
        {
            if (!_faults.TryGetValue(route, out var queue)) _faults[route] = queue = new Queue<SeedanceFault>();
            for (var i = 0; i < count; i++) queue.Enqueue(fault);
        }
    }

    /// <summary>How many injected faults are still waiting for a request of <paramref name="route"/>.</summary>
    public int PendingFaultCount(SeedanceEmulatorRoute route)
    {
        lock (_gate) return _faults.TryGetValue(route, out var queue) ? queue.Count : 0;
    }

    /// <summary>An <see cref="HttpClient"/> whose base address is the emulator's.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// Client options for this emulator: its key and address, and short poll and retry intervals so tests run fast.
    /// </summary>
    public SeedanceClientOptions CreateClientOptions() => new()
    {
        ApiKey = Options.ApiKey ?? SeedanceEmulatorOptions.DefaultApiKey,
        BaseAddress = BaseAddress,
        PollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
        WaitTimeout = TimeSpan.FromSeconds(30),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        TransientRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
    };

    private async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        var route = RouteOf(method, path);
        var body = route == SeedanceEmulatorRoute.CreateTask ? await ReadBodyAsync(context.Request, aborted).ConfigureAwait(false) : null;
        var entry = new SeedanceEmulatorRequest(
            Options.TimeProvider.GetUtcNow(), method, path, route, context.Request.Headers.ContainsKey("Authorization"), body);

        lock (_gate)
        {
            _inFlight++;
            if (_inFlight > _peakInFlight) _peakInFlight = _inFlight;
        }
        try
        {
            await HandleCoreAsync(context, entry, route, method, path, body, aborted).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate) _inFlight--;
        }
    }

    private async Task HandleCoreAsync(HttpContext context, SeedanceEmulatorRequest entry, SeedanceEmulatorRoute route, string method, string path, string? body, CancellationToken aborted)
    {
        SeedanceFault? fault;
        lock (_gate)
        {
            _requests.Add(entry);
            if (route == SeedanceEmulatorRoute.CreateTask) _createRequests++;
            fault = _faults.TryGetValue(route, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
        entry.Fault = fault?.ToString();

        if (fault is { Kind: SeedanceFaultKind.Delay })
        {
            try
            {
                await Task.Delay(fault.DelayDuration, Options.TimeProvider, aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // The client gave up; there is no one to answer.
            }
        }

        var answer = fault?.Kind switch
        {
            SeedanceFaultKind.Error => Error(fault.StatusCode, fault.ErrorType, fault.Message, fault.Param, fault.CodeAsString, fault.RetryAfterHeader),
            SeedanceFaultKind.Raw => new Answer(fault.StatusCode, Encoding.UTF8.GetBytes(fault.Body ?? string.Empty), fault.ContentType),
            _ => route switch
            {
                SeedanceEmulatorRoute.CreateTask => Authorize(context.Request) ?? Create(body!, fault, entry),
                SeedanceEmulatorRoute.GetTask => Authorize(context.Request) ?? GetTask(path[TasksPrefix.Length..]),
                SeedanceEmulatorRoute.Credits => Authorize(context.Request) ?? Credits(),
                SeedanceEmulatorRoute.ResultFile => ResultFile(path[FilesPrefix.Length..]),
                _ => Error(404, "not_found_error", $"No route for {method} {path}.", null),
            },
        };

        if (fault?.Kind == SeedanceFaultKind.ServerErrorAfterReceipt)
        {
            answer = Error(fault.StatusCode, fault.ErrorType, fault.Message, null);
        }

        if (fault?.Kind == SeedanceFaultKind.DropConnection)
        {
            // Start the answer, promise more bytes than are sent, then drop the connection: the client sees a response
            // that ended early (the handler cannot transparently resend it, as it might for a connection closed before
            // any answer).
            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength = answer.Body.Length + 1024;
            await context.Response.Body.WriteAsync(answer.Body.AsMemory(0, answer.Body.Length / 2), aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            context.Abort();
            return;
        }

        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
        context.Response.ContentLength = answer.Body.Length;
        await context.Response.Body.WriteAsync(answer.Body, aborted).ConfigureAwait(false);
        entry.StatusCode = answer.StatusCode;
    }

    private static SeedanceEmulatorRoute RouteOf(string method, string path)
    {
        if (HttpMethods.IsPost(method) && path == CreatePath) return SeedanceEmulatorRoute.CreateTask;
        if (!HttpMethods.IsGet(method)) return SeedanceEmulatorRoute.Other;
        if (path == CreditsPath) return SeedanceEmulatorRoute.Credits;
        if (path.StartsWith(TasksPrefix, StringComparison.Ordinal) && path.Length > TasksPrefix.Length) return SeedanceEmulatorRoute.GetTask;
        if (path.StartsWith(FilesPrefix, StringComparison.Ordinal)) return SeedanceEmulatorRoute.ResultFile;
        return SeedanceEmulatorRoute.Other;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private Answer? Authorize(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header.Parameter))
        {
            return Error(401, "authentication_error", "Missing bearer API key in the Authorization header.", null);
        }
        var expected = Options.ApiKey;
        if (expected is not null && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header.Parameter), Encoding.UTF8.GetBytes(expected)))
        {
            return Error(401, "authentication_error", "Invalid API key.", null);
        }
        return null;
    }

    private Answer Create(string body, SeedanceFault? fault, SeedanceEmulatorRequest entry)
    {
        // Read with the emulator's own reading of the documented request body, not the client's serializer: a
        // wire mistake in the client must show as an error here, not be mirrored.
        SeedanceRequest? request;
        try
        {
            request = EmulatorWire.ReadRequest(body, out var problem, out var param);
            if (request is null) return Error(400, "invalid_request_error", problem, param);
        }
        catch (JsonException ex)
        {
            return Error(400, "invalid_request_error", $"The request body is not valid JSON: {ex.Message}", null);
        }

        // The service reads the model first (it chooses every other limit), so a bad model ID is the error it
        // names even when the prompt breaks a rule too; otherwise the first error in rule-ID order.
        SeedanceValidationError? rejected = null;
        foreach (var problem in Options.Catalog.Check(request))
        {
            if (problem.Severity != SeedanceRuleSeverity.Error) continue;
            if (problem.Field == "model") { rejected = problem; break; }
            rejected ??= problem;
        }
        if (rejected is not null) return Error(400, "invalid_request_error", $"{rejected.RuleId}: {rejected.Message}", rejected.Field);

        var model = Options.Catalog.Find(request.Model)!;
        var duration = request.Duration ?? model.DefaultDuration;
        var now = Options.TimeProvider.GetUtcNow();
        EmulatedTask task;
        lock (_gate)
        {
            if (_credits < duration)
            {
                return Error(402, "insufficient_quota_error", "Insufficient credits for this request.", null);
            }
            _credits -= duration;
            _creditsReserved += duration;
            var id = string.Create(CultureInfo.InvariantCulture, $"task-unified-{now.ToUnixTimeSeconds()}-{++_nextTaskNumber:D4}{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
            task = new EmulatedTask(id, request.Model, now, duration, fault?.Kind == SeedanceFaultKind.FailTask ? fault.TaskErrorCode : null, fault?.Message);
            _tasks.Add(id, task);
            _tasksCreated++;
            entry.CreatedTaskId = id;
            if (Options.StateFile is { } stateFile) SaveTask(stateFile, task);
        }
        return Json(200, Snapshot(task, now));
    }

    private Answer GetTask(string id)
    {
        if (!IsWellFormedTaskId(id))
        {
            return Error(400, "invalid_request_error", "The task ID is malformed.", "task_id", codeAsString: false, retryAfter: null, code: "invalid_task_id");
        }
        EmulatedTask? task;
        lock (_gate) _tasks.TryGetValue(id, out task);
        return task is null
            ? Error(404, "not_found_error", $"Task {id} was not found.", "task_id")
            : Json(200, Snapshot(task, Options.TimeProvider.GetUtcNow()));
    }

    private Answer Credits()
    {
        decimal credits, reserved;
        lock (_gate)
        {
            credits = _credits;
            reserved = _creditsReserved;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("object", "credits");
            writer.WriteNumber("credits", credits);
            writer.WriteNumber("credits_reserved", reserved);
            writer.WriteEndObject();
        }
        return new Answer(200, buffer.ToArray(), "application/json");
    }

    private Answer ResultFile(string rest)
    {
        // rest is "{task id}/0.mp4".
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        EmulatedTask? task = null;
        if (slash > 0 && rest[(slash + 1)..] == "0.mp4")
        {
            lock (_gate) _tasks.TryGetValue(rest[..slash], out task);
        }
        if (task is null || Phase(task, Options.TimeProvider.GetUtcNow()).Status != VideoTaskStatus.Completed)
        {
            return new Answer(404, Encoding.UTF8.GetBytes("Not Found"), "text/plain");
        }
        return new Answer(200, s_resultFile, "video/mp4");
    }

    private EmulatorWire.TaskAnswer Snapshot(EmulatedTask task, DateTimeOffset now)
    {
        var (status, progress) = Phase(task, now);
        return new EmulatorWire.TaskAnswer(
            task.Id,
            task.Model,
            status,
            progress,
            task.Created.ToUnixTimeSeconds(),
            status == VideoTaskStatus.Completed ? new Uri(BaseAddress, $"files/{task.Id}/0.mp4").AbsoluteUri : null,
            status == VideoTaskStatus.Failed ? task.FailCode : null,
            status == VideoTaskStatus.Failed ? task.FailMessage : null,
            status is VideoTaskStatus.Pending or VideoTaskStatus.Processing,
            Math.Ceiling((Options.PendingDuration + Options.ProcessingDuration).TotalSeconds),
            task.Duration);
    }

    private (VideoTaskStatus Status, int Progress) Phase(EmulatedTask task, DateTimeOffset now)
    {
        var elapsed = now - task.Created;
        var pending = Options.PendingDuration;
        var processing = Options.ProcessingDuration;
        if (elapsed < pending) return (VideoTaskStatus.Pending, 0);
        if (elapsed < pending + processing)
        {
            var fraction = (elapsed - pending) / processing;
            return (VideoTaskStatus.Processing, Math.Clamp(1 + (int)(98 * fraction), 1, 99));
        }
        return task.FailCode is null ? (VideoTaskStatus.Completed, 100) : (VideoTaskStatus.Failed, 99);
    }

    private static bool IsWellFormedTaskId(string id)
    {
        if (!id.StartsWith("task-", StringComparison.Ordinal) || id.Length > 128) return false;
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return false;
        }
        return true;
    }

    private static Answer Error(int status, string? type, string? message, string? param, bool codeAsString = false, string? retryAfter = null, string? code = null)
    {
        var fallback = status switch
        {
            429 => "retry after 60 seconds",
            503 => "retry after 30 seconds",
            _ => null,
        };
        var body = EmulatorWire.WriteError(status, code ?? (codeAsString ? status.ToString(CultureInfo.InvariantCulture) : null), message, type, param, fallback);
        return new Answer(status, body, "application/json", retryAfter);
    }

    private static Answer Json(int status, EmulatorWire.TaskAnswer task) => new(status, EmulatorWire.WriteTask(task), "application/json");

    private readonly record struct Answer(int StatusCode, byte[] Body, string ContentType, string? RetryAfter = null);

    // The state file: one JSON line per task, appended and flushed as the task is created.
    private static void SaveTask(string path, EmulatedTask task)
    {
        var line = JsonSerializer.Serialize(new PersistedTask(task.Id, task.Model, task.Created.ToUnixTimeMilliseconds(), task.Duration, task.FailCode, task.FailMessage), EmulatorStateContext.Default.PersistedTask);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    private void LoadState(string path)
    {
        if (!File.Exists(path)) return;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            PersistedTask? saved;
            try
            {
                saved = JsonSerializer.Deserialize(line, EmulatorStateContext.Default.PersistedTask);
            }
            catch (JsonException)
            {
                // A line cut short by a kill mid-write: that task's answer never left, so no client knows it.
                continue;
            }
            if (saved is null || string.IsNullOrEmpty(saved.Id)) continue;
            lock (_gate)
            {
                _tasks[saved.Id] = new EmulatedTask(saved.Id, saved.Model, DateTimeOffset.FromUnixTimeMilliseconds(saved.CreatedMs), saved.Duration, saved.FailCode, saved.FailMessage);
                _nextTaskNumber++;
            }
        }
    }

    internal sealed record PersistedTask(string Id, string Model, long CreatedMs, int Duration, string? FailCode, string? FailMessage);

    private sealed record EmulatedTask(string Id, string Model, DateTimeOffset Created, int Duration, string? FailCode, string? FailMessage);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(SeedanceEmulator.PersistedTask))]
internal sealed partial class EmulatorStateContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
