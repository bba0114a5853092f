using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance.Client.Tests.StandIn;

/// <summary>What the stand-in does with one request instead of answering it normally.</summary>
internal enum Fault
{
    None,
    RateLimited,
    RateLimitedWithRetryAfter,
    Unavailable,
    /// <summary>Create only: the task is recorded (and paid for), then the answer is a 500.</summary>
    ServerErrorAfterRecording,
    /// <summary>Poll only: an HTML page from a proxy instead of the task.</summary>
    Html,
    /// <summary>Poll only: the JSON cut off halfway.</summary>
    Truncated,
    /// <summary>The connection closes without an answer.</summary>
    Drop,
    Unauthorized,
}

/// <summary>
/// A loopback HTTP/1.1 server written for the client's own tests, apart from Seedance.Testing's emulator and
/// sharing none of the client's code or wire types: its answers are the provider's documented JSON
/// (<c>StandIn/Answers/*.json</c>) with the task's ID, status and progress put in. A wire mistake that the
/// client and the emulator shared would show here.
/// </summary>
internal sealed class StandInServer : IAsyncDisposable
{
    private static readonly string AnswersDirectory = Path.Combine(AppContext.BaseDirectory, "StandIn", "Answers");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentDictionary<string, TaskState> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _createsByPrompt = new(StringComparer.Ordinal);
    private int _nextId;
    private int _creates;
    private int _polls;

    public StandInServer(Func<Request, Fault>? faults = null, int pollsUntilDone = 2)
    {
        Faults = faults ?? (_ => Fault.None);
        PollsUntilDone = pollsUntilDone;
        _listener.Start(1024);
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public readonly record struct Request(string Method, string Path, string Body);

    public Uri BaseAddress { get; }

    public Func<Request, Fault> Faults { get; set; }

    public int PollsUntilDone { get; }

    /// <summary>The final status a task reaches ("completed", or "failed"/"cancelled" to test those).</summary>
    public string FinalStatus { get; set; } = "completed";

    /// <summary>Text put into a failed task's error message and into 401 answers (to test redaction).</summary>
    public string? Echo { get; set; }

    /// <summary>A status string to answer with instead of the real one, or null.</summary>
    public string? StatusOverride { get; set; }

    /// <summary>Extra bytes appended to a create answer (a 50 MB body), or 0.</summary>
    public int CreatePadding { get; set; }

    /// <summary>A delay before the create answer.</summary>
    public TimeSpan CreateDelay { get; set; }

    public int CreateCount => Volatile.Read(ref _creates);

    public int PollCount => Volatile.Read(ref _polls);

    /// <summary>The IDs of the tasks this server recorded, and whether it answered their create call with the ID.</summary>
    public IReadOnlyDictionary<string, TaskState> Tasks => _tasks;

    /// <summary>How many tasks each prompt created: never more than one for one intent.</summary>
    public IReadOnlyDictionary<string, int> CreatesByPrompt => _createsByPrompt;

    public sealed class TaskState(string id, string model, string prompt)
    {
        public string Id { get; } = id;
        public string Model { get; } = model;
        public string Prompt { get; } = prompt;
        public int Polls;
        public volatile bool Acknowledged;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new RequestReader(stream);
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var request = await reader.ReadAsync(_stop.Token);
                    if (request is null) return;
                    if (!await AnswerAsync(stream, request.Value)) return;
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    /// <summary>Answers one request; false closes the connection.</summary>
    private async Task<bool> AnswerAsync(NetworkStream stream, (string Method, string Path, string Body) request)
    {
        var isCreate = request.Method == "POST" && request.Path == "/v1/videos/generations";
        var isPoll = request.Method == "GET" && request.Path.StartsWith("/v1/tasks/", StringComparison.Ordinal);
        var fault = Faults(new Request(request.Method, request.Path, request.Body));

        switch (fault)
        {
            case Fault.Drop:
                return false;
            case Fault.RateLimited:
                await WriteAsync(stream, 429, Answer("error-numeric-code.json", null));
                return true;
            case Fault.RateLimitedWithRetryAfter:
                await WriteAsync(stream, 429, Answer("error-numeric-code.json", null), "Retry-After: 1\r\n");
                return true;
            case Fault.Unavailable:
                await WriteAsync(stream, 503, "{\"error\":{\"code\":503,\"message\":\"Service unavailable\",\"type\":\"service_unavailable_error\"}}");
                return true;
            case Fault.Unauthorized:
                await WriteAsync(stream, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid key " + Echo + "\",\"type\":\"authentication_error\"}}");
                return true;
        }

        if (isCreate)
        {
            var body = JsonNode.Parse(request.Body)!;
            var prompt = body["prompt"]!.GetValue<string>();
            var model = body["model"]!.GetValue<string>();
            var id = "task-unified-" + Interlocked.Increment(ref _nextId).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var state = new TaskState(id, model, prompt);
            _tasks[id] = state;
            _createsByPrompt.AddOrUpdate(prompt, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _creates);
            if (CreateDelay > TimeSpan.Zero) await Task.Delay(CreateDelay);
            if (fault == Fault.ServerErrorAfterRecording)
            {
                await WriteAsync(stream, 500, "{\"error\":{\"code\":500,\"message\":\"Internal error\",\"type\":\"internal_server_error\"}}");
                return true;
            }
            var answer = Answer("created.json", state);
            if (CreatePadding > 0) answer = answer.TrimEnd().TrimEnd('}') + ", \"padding\": \"" + new string('x', CreatePadding) + "\" }";
            state.Acknowledged = true;
            await WriteAsync(stream, 200, answer);
            return true;
        }

        if (isPoll)
        {
            Interlocked.Increment(ref _polls);
            var id = Uri.UnescapeDataString(request.Path["/v1/tasks/".Length..]);
            if (!_tasks.TryGetValue(id, out var state))
            {
                await WriteAsync(stream, 404, Answer("error-string-code.json", null).Replace("invalid_task_id", "task_not_found"));
                return true;
            }
            if (fault == Fault.Html)
            {
                await WriteAsync(stream, 200, "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>", contentType: "text/html");
                return true;
            }
            if (fault == Fault.Truncated)
            {
                var full = Answer("processing.json", state);
                await WriteAsync(stream, 200, full[..(full.Length / 2)]);
                return true;
            }
            var polls = Interlocked.Increment(ref state.Polls);
            var file = polls < PollsUntilDone ? "processing.json" : FinalStatus switch { "failed" => "failed.json", "cancelled" => "cancelled.json", _ => "completed.json" };
            await WriteAsync(stream, 200, Answer(file, state));
            return true;
        }

        await WriteAsync(stream, 404, "{\"error\":{\"code\":404,\"message\":\"No route\",\"type\":\"not_found_error\"}}");
        return true;
    }

    /// <summary>A documented answer with this task's ID, model and, where set, the status override and echo.</summary>
    private string Answer(string file, TaskState? state)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AnswersDirectory, file)))!;
        if (state is not null)
        {
            node["id"] = state.Id;
            node["model"] = state.Model;
            if (StatusOverride is not null && file != "created.json") node["status"] = StatusOverride;
            if (Echo is not null && node["error"] is JsonObject error) error["message"] = "Rejected: " + Echo;
        }
        return node.ToJsonString();
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string body, string extraHeaders = "", string contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    /// <summary>Reads HTTP/1.1 requests (request line, headers, Content-Length body) from one connection.</summary>
    private sealed class RequestReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<(string Method, string Path, string Body)?> ReadAsync(CancellationToken cancellationToken)
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken)) return null;
            }
            var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
            _start = headerEnd + 4;
            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            var length = 0;
            foreach (var line in lines)
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            while (_end - _start < length)
            {
                if (!await FillAsync(cancellationToken)) return null;
            }
            var body = Encoding.UTF8.GetString(_buffer, _start, length);
            _start += length;
            return (parts[0], parts[1], body);
        }

        private int IndexOfHeaderEnd()
        {
            for (var i = _start; i + 3 < _end; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n') return i;
            }
            return -1;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) throw new IOException("Request too large for the stand-in.");
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0) return false;
            _end += read;
            return true;
        }
    }
}
