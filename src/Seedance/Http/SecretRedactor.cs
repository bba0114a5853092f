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

    public SecretRedactor(string? secret) =>
        // Very short "keys" would mask ordinary words; such a value is no secret worth hiding anyway.
        _secret = secret is { Length: >= 6 } ? secret : null;

    public string Redact(string text) =>
        _secret is null || text.Length < _secret.Length ? text : text.Replace(_secret, Mask, StringComparison.Ordinal);

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
