using System;

namespace Seedance.Rules;

/// <summary>SEED0010: an asset given as Base64, a <c>data:</c> URI, a non-http URL or a file format the model does not take.</summary>
internal sealed class UnsupportedAssetUrlRule() : RequestRule(Declaration)
{
    private static readonly RuleInfo Declaration = new(
        "SEED0010", RuleSeverity.Warning,
        "Asset URL the API will not take",
        "The API will not take {0} URL '{1}': {2}",
        "Assets are given as http(s) URLs to files in the formats the model accepts; Base64 and data: URIs are not accepted.");

    public override void Check(RuleContext context)
    {
        if (context.Spec is not { } spec) return;
        for (var k = 0; k <= (int)AssetKind.Audio; k++)
        {
            var kind = (AssetKind)k;
            if (context.Facts.Assets(kind).Urls is not { } urls) continue;
            for (var i = 0; i < urls.Count; i++)
            {
                if (urls[i] is { } url && Reason(kind, spec.Limits(kind), url) is { } reason)
                {
                    context.Report(Info, RuleWording.TargetOf(kind), i, -1, -1, [RuleWording.KindName(kind), RuleWording.Shorten(url), reason]);
                }
            }
        }
    }

    private static string? Reason(AssetKind kind, AssetLimits limits, string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return "data: URIs and Base64 are not accepted; upload the file and pass its URL";
        }
        if (!trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return LooksLikeBase64(trimmed) ? "Base64 is not accepted; upload the file and pass its URL" : "only http and https URLs are accepted";
        }
        if (ExtensionSpan(trimmed, out var dot, out var end) && !HasExtension(limits.Extensions, trimmed, dot, end))
        {
            var extension = trimmed.Substring(dot, end - dot).ToLowerInvariant();
            return $"'{extension}' is not a {RuleWording.KindName(kind)} format it accepts ({string.Join(", ", limits.Extensions)})";
        }
        return null;
    }

    /// <summary>
    /// Where the extension of the URL's path is ("https://x/a.JPG?x=1" → ".JPG"): [dot, end). False when the
    /// path has none. Positions, not a substring: every URL of every request passes here.
    /// </summary>
    private static bool ExtensionSpan(string url, out int dot, out int end)
    {
        dot = end = -1;
        // The caller has checked the scheme ("http://" or "https://"): the host starts after the first "//".
        var schemeEnd = url.IndexOf(':');
        var pathStart = url.IndexOf('/', schemeEnd + 3);
        if (pathStart < 0) return false;
        end = url.Length;
        for (var i = pathStart; i < url.Length; i++)
        {
            if (url[i] is '?' or '#') { end = i; break; }
        }
        var slash = url.LastIndexOf('/', end - 1);
        dot = url.LastIndexOf('.', end - 1);
        if (dot <= slash || dot == end - 1) return false;
        for (var i = dot + 1; i < end; i++)
        {
            if (!char.IsLetterOrDigit(url[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether url[dot, end), lowercased as the message shows it (invariant culture), is one of
    /// <paramref name="extensions"/> (lowercase, with the dot).
    /// </summary>
    private static bool HasExtension(EquatableArray<string> extensions, string url, int dot, int end)
    {
        foreach (var extension in extensions)
        {
            if (extension.Length != end - dot) continue;
            var k = 0;
            while (k < extension.Length && char.ToLowerInvariant(url[dot + k]) == extension[k]) k++;
            if (k == extension.Length) return true;
        }
        return false;
    }

    private static bool LooksLikeBase64(string value)
    {
        if (value.Length < 64) return false;
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c == '+' || c == '/' || c == '=')) return false;
        }
        return true;
    }
}

internal static partial class RuleCatalog
{
    public static readonly UnsupportedAssetUrlRule UnsupportedAssetUrl = Add(new UnsupportedAssetUrlRule());
}
