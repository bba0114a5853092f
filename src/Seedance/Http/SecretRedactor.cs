using System;

namespace Seedance;

/// <summary>
/// Removes the API key from text that reaches a message or a log line. The client never puts the key there itself;
/// this guards the text that comes from elsewhere (an error body that echoes the header, a proxy's error page).
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string? _secret;
    private readonly string? _sent;

    public SecretRedactor(string? secret)
    {
        // Very short "keys" would mask ordinary words; such a value is no secret worth hiding anyway.
        _secret = secret is { Length: >= 6 } ? secret : null;
        // The header carries the key trimmed: a server that echoes it echoes that form.
        var trimmed = secret?.Trim();
        _sent = trimmed is { Length: >= 6 } && trimmed != _secret ? trimmed : null;
    }

    public string Redact(string text)
    {
        // The longer form first: the configured key contains the sent one.
        if (_secret is not null && text.Length >= _secret.Length) text = text.Replace(_secret, Mask, StringComparison.Ordinal);
        if (_sent is not null && text.Length >= _sent.Length) text = text.Replace(_sent, Mask, StringComparison.Ordinal);
        return text;
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
