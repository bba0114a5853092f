using System;

namespace Seedance.Testing;

/// <summary>One request a <see cref="SeedanceEmulator"/> received. Holds no secret: only whether a key was sent.</summary>
public sealed class SeedanceEmulatorRequest
{
    internal SeedanceEmulatorRequest(DateTimeOffset receivedAt, string method, string path, SeedanceEmulatorRoute route, bool hasAuthorization, string? body)
    {
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        Route = route;
        HasAuthorization = hasAuthorization;
        Body = body;
    }

    /// <summary>When the request arrived.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, such as <c>/v1/tasks/task-unified-…</c>.</summary>
    public string Path { get; }

    /// <summary>The route the path belongs to.</summary>
    public SeedanceEmulatorRoute Route { get; }

    /// <summary>Whether the request carried an <c>Authorization</c> header (its value is not kept).</summary>
    public bool HasAuthorization { get; }

    /// <summary>The body of a create call as received (the request JSON); null for other routes.</summary>
    public string? Body { get; }

    /// <summary>The status answered; null while the request is being handled or when the connection was dropped.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The task a create call created, if it created one (even when a fault replaced the answer).</summary>
    public string? CreatedTaskId { get; internal set; }

    /// <summary>The fault injected into this request, if any.</summary>
    public string? Fault { get; internal set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Path} → {(StatusCode is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "dropped")}{(Fault is null ? string.Empty : $" [{Fault}]")}{(HasAuthorization ? string.Empty : " (no Authorization)")}";
}
