using System.Globalization;

namespace Seedance.Rules;

/// <summary>How the rules' messages name assets, counts and ranges, in one voice.</summary>
internal static class RuleWording
{
    public static string KindName(AssetKind kind) => kind switch
    {
        AssetKind.Image => "image",
        AssetKind.Video => "video",
        _ => "audio",
    };

    public static string PlainName(AssetKind kind, int number) => KindName(kind) + " " + Num(number);

    public static string Counted(AssetKind kind, int count) => count switch
    {
        0 => "no " + Plural(kind),
        1 => "1 " + KindName(kind) + (kind == AssetKind.Audio ? " clip" : string.Empty),
        _ => Num(count) + " " + Plural(kind),
    };

    public static string RangeText(AssetKind kind, AssetLimits limits)
    {
        var plural = Plural(kind);
        if (limits.Max == 0) return "no " + plural;
        if (limits.Min == limits.Max) return Num(limits.Min) + " " + plural;
        if (limits.Min == 0) return "at most " + Num(limits.Max) + " " + plural;
        return Num(limits.Min) + "–" + Num(limits.Max) + " " + plural;
    }

    /// <summary>A value as a message quotes it: cut to 60 characters, so a hostile or Base64 value cannot flood the message.</summary>
    public static string Shorten(string value) => value.Length > 60 ? value.Substring(0, 57) + "..." : value;

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    public static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static RuleTarget TargetOf(AssetKind kind) => kind switch
    {
        AssetKind.Image => RuleTarget.Images,
        AssetKind.Video => RuleTarget.Videos,
        _ => RuleTarget.Audios,
    };

    private static string Plural(AssetKind kind) => KindName(kind) + (kind == AssetKind.Audio ? " clips" : "s");
}
