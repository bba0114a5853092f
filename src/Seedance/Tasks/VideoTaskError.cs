namespace Seedance;

/// <summary>Why a task failed, as the API reports it in the task's <c>error</c> object.</summary>
public sealed class VideoTaskError
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">The error code, such as <c>content_policy_violation</c>.</param>
    /// <param name="message">The API's explanation.</param>
    public VideoTaskError(string code, string message)
    {
        Code = code ?? string.Empty;
        Message = message ?? string.Empty;
    }

    /// <summary>
    /// The error code, such as <c>content_policy_violation</c>, <c>invalid_parameters</c>, <c>generation_timeout</c>
    /// or <c>quota_exceeded</c>; empty when the API gave none.
    /// </summary>
    public string Code { get; }

    /// <summary>The API's explanation; empty when it gave none.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message.Length == 0 ? Code : $"{Code}: {Message}";
}
