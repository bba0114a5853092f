using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Seedance.Serialization;

namespace Seedance;

/// <summary>Classifies transport failures and turns error answers into exceptions with readable messages.</summary>
internal static class SeedanceHttpFailures
{
    private const int ExcerptLength = 200;

    /// <summary>
    /// True when <paramref name="exception"/> proves the request never left this machine: the host name did not resolve,
    /// the TCP connection could not be opened, or the TLS handshake failed. SocketsHttpHandler reports these as
    /// <see cref="HttpRequestError.NameResolutionError"/>, <see cref="HttpRequestError.SecureConnectionError"/>, or
    /// <see cref="HttpRequestError.ConnectionError"/> wrapping the connect's <see cref="SocketException"/>. Anything else
    /// (a reset, a response that ended early, an unknown handler's error) may have happened after the request was sent.
    /// </summary>
    public static bool ProvesNotSent(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError => true,
        HttpRequestError.ConnectionError => FindSocketError(exception) is
            SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or
            SocketError.HostNotFound or SocketError.HostDown or SocketError.NetworkDown or SocketError.AddressNotAvailable or
            SocketError.TryAgain or SocketError.NoData or SocketError.TimedOut,
        _ => false,
    };

    /// <summary>True when the request was not sent and trying again may succeed (a TLS failure will not go away by itself).</summary>
    public static bool IsRetryableNotSent(HttpRequestException exception) =>
        exception.HttpRequestError != HttpRequestError.SecureConnectionError && ProvesNotSent(exception);

    /// <summary>A short description of a transport failure for logs and messages.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        // The innermost message says what happened ("The response ended prematurely…"); the outer one is generic.
        HttpRequestException http => $"{(http.HttpRequestError == HttpRequestError.Unknown ? nameof(HttpRequestException) : http.HttpRequestError.ToString())}: {FirstLine(Innermost(http).Message)}",
        OperationCanceledException => "no answer in time",
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    };

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner) exception = inner;
        return exception;
    }

    /// <summary>What an error answer said: its fields when it is the API's error JSON, and a one-line summary.</summary>
    public static AnswerDescription DescribeAnswer(string method, string path, int statusCode, string? reasonPhrase, ReadOnlySpan<byte> body, SecretRedactor redactor)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append(' ').Append(path).Append(" answered ").Append(statusCode.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(reasonPhrase)) builder.Append(" (").Append(redactor.Redact(reasonPhrase)).Append(')');

        ErrorWire? error = null;
        if (!body.IsEmpty)
        {
            try
            {
                error = JsonSerializer.Deserialize(body, SeedanceJsonContext.Default.ErrorEnvelopeWire)?.Error;
            }
            catch (JsonException)
            {
                // Not the API's error JSON (an HTML page from a proxy, plain text): described by its excerpt below.
            }
        }

        if (error is not null && (error.Message is not null || error.Type is not null || error.CodeText is not null))
        {
            var message = redactor.RedactOrNull(error.Message);
            var type = redactor.RedactOrNull(error.Type);
            var code = redactor.RedactOrNull(error.CodeText);
            var param = redactor.RedactOrNull(error.Param);
            var suggestion = redactor.RedactOrNull(error.FallbackSuggestion);
            builder.Append(": ").Append(string.IsNullOrWhiteSpace(message) ? "(no message)" : message.Trim());
            var details = new StringBuilder();
            AppendDetail(details, "type", type);
            AppendDetail(details, "code", code);
            AppendDetail(details, "param", param);
            if (details.Length > 0) builder.Append(" [").Append(details).Append(']');
            if (!string.IsNullOrWhiteSpace(suggestion)) builder.Append(" Suggestion: ").Append(suggestion.Trim());
            EndSentence(builder);
            return new AnswerDescription(builder.ToString(), type, code, param, suggestion);
        }

        if (body.IsEmpty)
        {
            builder.Append(" with an empty body.");
        }
        else
        {
            builder.Append(" with a body that is not the API's error JSON: \"").Append(Excerpt(body, redactor)).Append("\".");
        }
        return new AnswerDescription(builder.ToString(), null, null, null, null);
    }

    /// <summary>The start of <paramref name="body"/> as one line of text, at most 200 characters, without the key.</summary>
    public static string Excerpt(ReadOnlySpan<byte> body, SecretRedactor redactor)
    {
        // Decode a little more than needed so that redaction sees a key that straddles the cut.
        var text = Encoding.UTF8.GetString(body.Length > 4 * ExcerptLength ? body[..(4 * ExcerptLength)] : body);
        text = redactor.Redact(text);
        var builder = new StringBuilder(Math.Min(text.Length, ExcerptLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (builder.Length == ExcerptLength)
            {
                builder.Append('…');
                break;
            }
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0) builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(c);
            lastWasSpace = false;
        }
        return builder.ToString().TrimEnd();
    }

    private static void AppendDetail(StringBuilder builder, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (builder.Length > 0) builder.Append(", ");
        builder.Append(name).Append(' ').Append(value.Trim());
    }

    private static void EndSentence(StringBuilder builder)
    {
        var last = builder[^1];
        if (last is not ('.' or '!' or '?')) builder.Append('.');
    }

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket) return socket.SocketErrorCode;
        }
        return null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

/// <summary>An error answer, summarised: the sentence for the exception message and the API's error fields.</summary>
internal readonly record struct AnswerDescription(string Summary, string? ErrorType, string? ErrorCode, string? Param, string? FallbackSuggestion);
