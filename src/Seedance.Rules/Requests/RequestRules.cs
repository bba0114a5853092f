using System;
using System.Collections.Generic;
using System.Text;

namespace Seedance.Rules;

/// <summary>
/// The request rules SEED0001–SEED0014, written once for every front end: analyzers (facts from
/// constants), the <c>*.seedance.json</c> checker and run-time validation. Pure: no I/O, no state, no
/// exception on any input; it appends to the caller's list and allocates only for violations.
/// </summary>
internal static class RequestRules
{
    private const string RetiredPlaceholder = "seedance-2.0";

    [ThreadStatic]
    private static List<PromptReference>? t_references;

    [ThreadStatic]
    private static List<string>? t_roles;

    [ThreadStatic]
    private static List<QuotedPassage>? t_passages;

    public static void Check(ModelMatrix matrix, RequestFacts facts, List<RuleViolation> violations)
    {
        var spec = CheckModel(matrix, facts, violations);
        // The prompt is scanned once; the prompt rules and the model suggestion both read the references.
        var references = t_references ??= new List<PromptReference>();
        references.Clear();
        if (facts.Prompt is { } prompt)
        {
            PromptScanner.FindReferences(prompt, references);
            CheckPrompt(spec, facts, prompt, references, violations);
        }
        if (spec is null) return;
        CheckAssets(spec, facts, violations);
        CheckSettings(spec, facts, violations);
        CheckBetterModel(matrix, spec, facts, references, violations);
    }

    /// <summary>
    /// A quality or aspect ratio written where no model is known yet (<c>VideoQuality q = "1080p";</c>):
    /// reported only when no model of the matrix supports it.
    /// </summary>
    public static void CheckSetting(ModelMatrix matrix, RuleTarget target, string value, List<RuleViolation> violations)
    {
        var supported = new List<string>();
        string? best = null;
        foreach (var model in matrix.Models)
        {
            var values = target == RuleTarget.Quality ? model.Qualities : model.AspectRatios;
            foreach (var v in values)
            {
                if (string.Equals(v, value, StringComparison.Ordinal)) return;
                if (!supported.Contains(v)) supported.Add(v);
            }
            if (target == RuleTarget.Quality) best ??= BestQuality(model);
        }
        if (supported.Count == 0) return;
        var rule = target == RuleTarget.Quality ? RuleCatalog.UnsupportedQuality : RuleCatalog.UnsupportedAspectRatio;
        violations.Add(new RuleViolation(rule, target, -1, -1, -1, [value, "any model of the matrix", string.Join(", ", supported)], best));
    }

    /// <summary>Returns the model's spec, or null (after SEED0003 when the ID is known but not in the matrix).</summary>
    private static ModelSpec? CheckModel(ModelMatrix matrix, RequestFacts facts, List<RuleViolation> violations)
    {
        if (facts.ModelId is not { } id) return null;
        var spec = matrix.Find(id);
        if (spec is not null) return spec;

        violations.Add(UnknownModel(matrix, id, FittingFamily(facts)));
        return null;
    }

    /// <summary>
    /// SEED0003 for <paramref name="id"/>: its message arguments, and as its fix the IDs to offer, best first
    /// (for a request, and for <c>[SeedanceClient(Models = …)]</c>, where the family is not known).
    /// </summary>
    public static RuleViolation UnknownModel(ModelMatrix matrix, string id, string? family)
    {
        var candidates = UnknownModelCandidates(matrix, id, family);
        var note = id == RetiredPlaceholder ? " (the bare \"seedance-2.0\" is a retired placeholder)" : string.Empty;
        var example = candidates.Count > 0 ? "\"" + candidates[0] + "\"" : "one from the model matrix";
        return new RuleViolation(RuleCatalog.UnknownModel, RuleTarget.Model, -1, -1, -1, [id, note, example], string.Join("\n", candidates));
    }

    /// <summary>
    /// The IDs a SEED0003 fix offers, best first: the nearest known ID by edit distance when the unknown one
    /// reads as its typo ("…reference-to-vidoe"), then each available model of the fitting family (all
    /// available models when the family is unknown).
    /// </summary>
    public static List<string> UnknownModelCandidates(ModelMatrix matrix, string id, string? family)
    {
        var candidates = new List<string>();
        string? nearest = null;
        var best = int.MaxValue;
        foreach (var model in matrix.Models)
        {
            var distance = EditDistance(id, model.Id);
            if (distance < best) { best = distance; nearest = model.Id; }
        }
        // A typo is a few edits away; "seedance-2.0" is a whole suffix away from every ID, so the fitting family leads.
        if (nearest is not null && best <= Math.Max(2, nearest.Length / 6)) candidates.Add(nearest);
        foreach (var model in matrix.Models)
        {
            if (model.Status == ModelStatus.Available && (family is null || model.Family == family) && !candidates.Contains(model.Id)) candidates.Add(model.Id);
        }
        if (candidates.Count == 0)
        {
            foreach (var model in matrix.Models) candidates.Add(model.Id);
        }
        return candidates;
    }

    /// <summary>Levenshtein distance, ignoring ASCII case; two rows, no recursion.</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length > 256 || b.Length > 256) return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ca = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = ca == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The family whose limits the known asset counts fit best, or null when the counts are not known.</summary>
    private static string? FittingFamily(RequestFacts facts)
    {
        if (!facts.Images.IsKnown || !facts.Videos.IsKnown || !facts.Audios.IsKnown) return null;
        var images = facts.Images.Count;
        if (images + facts.Videos.Count + facts.Audios.Count == 0) return ModelFamily.TextToVideo;
        if (facts.Videos.Count == 0 && facts.Audios.Count == 0 && images <= 2) return ModelFamily.ImageToVideo;
        return ModelFamily.ReferenceToVideo;
    }

    private static void CheckPrompt(ModelSpec? spec, RequestFacts facts, string prompt, List<PromptReference> references, List<RuleViolation> violations)
    {
        int chinesePrompt = -1;
        foreach (var reference in references)
        {
            if (reference.Form == ReferenceForm.Tag)
            {
                // The fix speaks the prompt's language: a Chinese tag, or any tag in a mostly Chinese prompt, becomes 视频1.
                if (!reference.ChineseKind && chinesePrompt < 0) chinesePrompt = PromptScanner.IsMostlyChinese(prompt) ? 1 : 0;
                var plain = PromptScanner.PlainText(reference, reference.ChineseKind || chinesePrompt == 1);
                violations.Add(new RuleViolation(RuleCatalog.TagSyntax, RuleTarget.Prompt, -1, reference.Start, reference.Length,
                    [prompt.Substring(reference.Start, reference.Length), plain], plain));
                continue;
            }
            var assets = facts.Assets(reference.Kind);
            if (!assets.IsKnown) continue;
            var beyond = reference.Form switch
            {
                ReferenceForm.Position or ReferenceForm.Ordinal => reference.Number > assets.Count,
                ReferenceForm.Count => reference.Number > assets.Count,
                _ => false,
            };
            if (beyond)
            {
                var what = reference.Form == ReferenceForm.Count ? Counted(reference.Kind, reference.Number) : PlainName(reference.Kind, reference.Number);
                violations.Add(new RuleViolation(RuleCatalog.ReferenceOutOfRange, RuleTarget.Prompt, -1, reference.Start, reference.Length,
                    [what, Counted(reference.Kind, assets.Count)], null));
            }
        }

        CheckRoles(prompt, references, violations);

        if (spec is not null && facts.PromptIsComplete)
        {
            CheckUnreferenced(spec, facts, references, violations);
            PromptScanner.MeasureLength(prompt, spec.MaxEnglishWords, spec.MaxChineseCharacters, out var words, out var chinese, out var wordsAt, out var chineseAt);
            if (wordsAt >= 0)
            {
                violations.Add(new RuleViolation(RuleCatalog.PromptTooLong, RuleTarget.Prompt, -1, wordsAt, prompt.Length - wordsAt,
                    [Num(words), "English words", spec.Id, Num(spec.MaxEnglishWords) + " words"], null));
            }
            else if (chineseAt >= 0)
            {
                violations.Add(new RuleViolation(RuleCatalog.PromptTooLong, RuleTarget.Prompt, -1, chineseAt, prompt.Length - chineseAt,
                    [Num(chinese), "Chinese characters", spec.Id, Num(spec.MaxChineseCharacters) + " Chinese characters"], null));
            }
        }

        var passages = t_passages ??= new List<QuotedPassage>();
        passages.Clear();
        PromptScanner.FindUnspokenDialogue(prompt, passages);
        foreach (var passage in passages)
        {
            violations.Add(new RuleViolation(RuleCatalog.UnspokenDialogue, RuleTarget.Prompt, -1, passage.Open, passage.Length, [passage.QuoteName], "\""));
        }
    }

    private static void CheckRoles(string prompt, List<PromptReference> references, List<RuleViolation> violations)
    {
        var roles = t_roles ??= new List<string>();
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (reference.Form is not (ReferenceForm.Position or ReferenceForm.Ordinal)) continue;
            var limit = i + 1 < references.Count ? references[i + 1].Start : prompt.Length;
            if (PromptScanner.CountRoles(prompt, reference.End, limit, roles) < 2) continue;
            violations.Add(new RuleViolation(RuleCatalog.SeveralRoles, RuleTarget.Prompt, -1, reference.Start, reference.Length,
                [PlainName(reference.Kind, reference.Number), Num(roles.Count), string.Join(", ", roles)], null));
        }
    }

    private static void CheckUnreferenced(ModelSpec spec, RequestFacts facts, List<PromptReference> references, List<RuleViolation> violations)
    {
        for (var k = 0; k <= (int)AssetKind.Audio; k++)
        {
            var kind = (AssetKind)k;
            var assets = facts.Assets(kind);
            if (assets.Count < 2 || spec.Limits(kind).PositionalRoles.Count > 0) continue;
            ulong named = 0;
            var anyPosition = false;
            var collective = false;
            foreach (var reference in references)
            {
                if (reference.Kind != kind) continue;
                if (reference.NamesPosition)
                {
                    anyPosition = true;
                    var last = Math.Max(reference.Number, reference.LastNumber);
                    for (var n = reference.Number; n <= last && n <= 64; n++) named |= 1UL << (n - 1);
                }
                else
                {
                    collective = true;
                }
            }
            if (!anyPosition || collective) continue;
            for (var i = 0; i < assets.Count && i < 64; i++)
            {
                if ((named & (1UL << i)) != 0) continue;
                violations.Add(new RuleViolation(RuleCatalog.UnreferencedAsset, RuleViolation.TargetOf(kind), i, -1, -1,
                    [Capitalize(PlainName(kind, i + 1))], null));
            }
        }
    }

    private static void CheckAssets(ModelSpec spec, RequestFacts facts, List<RuleViolation> violations)
    {
        var total = 0;
        var allKnown = true;
        // One diagnostic per mistake: three images on image-to-video break its image range, and the total
        // only because of that.
        var kindOutOfRange = false;
        for (var k = 0; k <= (int)AssetKind.Audio; k++)
        {
            var kind = (AssetKind)k;
            var assets = facts.Assets(kind);
            var limits = spec.Limits(kind);
            if (!assets.IsKnown)
            {
                allKnown = false;
            }
            else
            {
                total += assets.Count;
                if (assets.Count < limits.Min || assets.Count > limits.Max)
                {
                    kindOutOfRange = true;
                    violations.Add(new RuleViolation(RuleCatalog.AssetCount, RuleViolation.TargetOf(kind), -1, -1, -1,
                        [spec.Id, RangeText(kind, limits), Counted(kind, assets.Count)], null));
                }
            }
            if (assets.Urls is { } urls)
            {
                for (var i = 0; i < urls.Count; i++)
                {
                    if (urls[i] is { } url) CheckUrl(kind, limits, url, i, violations);
                }
            }
        }
        if (allKnown && !kindOutOfRange && total > spec.MaxTotalAssets && spec.MaxTotalAssets > 0)
        {
            violations.Add(new RuleViolation(RuleCatalog.AssetCount, RuleTarget.Request, -1, -1, -1,
                [spec.Id, "at most " + Num(spec.MaxTotalAssets) + " files in all", Num(total) + " files"], null));
        }
        if (spec.RequireVisualAnchor && facts.Audios.Count > 0 && facts.Images.Count == 0 && facts.Videos.Count == 0)
        {
            violations.Add(new RuleViolation(RuleCatalog.NoVisualAnchor, RuleTarget.Audios, -1, -1, -1, [spec.Id], null));
        }
    }

    private static void CheckUrl(AssetKind kind, AssetLimits limits, string url, int index, List<RuleViolation> violations)
    {
        var trimmed = url.Trim();
        string? reason = null;
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            reason = "data: URIs and Base64 are not accepted; upload the file and pass its URL";
        }
        else if (!trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            reason = LooksLikeBase64(trimmed) ? "Base64 is not accepted; upload the file and pass its URL" : "only http and https URLs are accepted";
        }
        else if (ExtensionSpan(trimmed, out var dot, out var end) && !HasExtension(limits.Extensions, trimmed, dot, end))
        {
            var extension = trimmed.Substring(dot, end - dot).ToLowerInvariant();
            reason = $"'{extension}' is not a {KindName(kind)} format it accepts ({string.Join(", ", limits.Extensions)})";
        }
        if (reason is null) return;
        var shown = url.Length > 60 ? url.Substring(0, 57) + "..." : url;
        violations.Add(new RuleViolation(RuleCatalog.UnsupportedAssetUrl, RuleViolation.TargetOf(kind), index, -1, -1, [KindName(kind), shown, reason], null));
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

    private static void CheckSettings(ModelSpec spec, RequestFacts facts, List<RuleViolation> violations)
    {
        if (facts.Quality is { } quality && !spec.SupportsQuality(quality))
        {
            violations.Add(new RuleViolation(RuleCatalog.UnsupportedQuality, RuleTarget.Quality, -1, -1, -1,
                [quality, spec.Id, string.Join(", ", spec.Qualities)], BestQuality(spec)));
        }
        if (facts.AspectRatio is { } ratio && !spec.SupportsAspectRatio(ratio))
        {
            violations.Add(new RuleViolation(RuleCatalog.UnsupportedAspectRatio, RuleTarget.AspectRatio, -1, -1, -1,
                [ratio, spec.Id, string.Join(", ", spec.AspectRatios)], null));
        }
        if (facts.Duration is { } duration && (duration < spec.MinDuration || duration > spec.MaxDuration))
        {
            var nearest = duration < spec.MinDuration ? spec.MinDuration : spec.MaxDuration;
            violations.Add(new RuleViolation(RuleCatalog.DurationOutOfRange, RuleTarget.Duration, -1, -1, -1,
                [Num(duration), Num(spec.MinDuration), Num(spec.MaxDuration), spec.Id], Num(nearest)));
        }
    }

    /// <summary>The highest supported quality by its number ("720p" over "480p"); the default when none has a number.</summary>
    private static string BestQuality(ModelSpec spec)
    {
        string? best = null;
        var bestValue = -1;
        foreach (var quality in spec.Qualities)
        {
            var value = 0;
            var i = 0;
            while (i < quality.Length && quality[i] >= '0' && quality[i] <= '9' && i < 6) value = value * 10 + (quality[i++] - '0');
            if (i > 0 && value > bestValue)
            {
                best = quality;
                bestValue = value;
            }
        }
        return best ?? spec.DefaultQuality;
    }

    private static void CheckBetterModel(ModelMatrix matrix, ModelSpec spec, RequestFacts facts, List<PromptReference> references, List<RuleViolation> violations)
    {
        if (spec.Family != ModelFamily.ReferenceToVideo) return;
        var family = FittingFamily(facts);
        if (family is null || family == ModelFamily.ReferenceToVideo) return;
        var better = matrix.Find(family, spec.Tier);
        if (better is null) return;
        if (family == ModelFamily.ImageToVideo)
        {
            // One or two images are references (a character, a style) as often as frames: suggest
            // image-to-video only when the prompt treats them as frames or never names them.
            if (facts.Images.Count < better.Image.Min || facts.Prompt is not { } prompt || !facts.PromptIsComplete) return;
            if (!PromptScanner.MentionsFrames(prompt, t_roles ??= new List<string>()) && MentionsKind(references, AssetKind.Image)) return;
        }
        var why = family == ModelFamily.TextToVideo
            ? "with no reference assets, text-to-video is cheaper and simpler"
            : "with only " + Counted(AssetKind.Image, facts.Images.Count) + ", image-to-video has dedicated first-frame optimisation";
        violations.Add(new RuleViolation(RuleCatalog.BetterModel, RuleTarget.Model, -1, -1, -1, ["'" + better.Id + "'", why], better.Id));
    }

    private static bool MentionsKind(List<PromptReference> references, AssetKind kind)
    {
        foreach (var reference in references)
        {
            if (reference.Kind == kind) return true;
        }
        return false;
    }

    // ---- wording ----

    public static string KindName(AssetKind kind) => kind switch
    {
        AssetKind.Image => "image",
        AssetKind.Video => "video",
        _ => "audio",
    };

    public static string PlainName(AssetKind kind, int number) => KindName(kind) + " " + Num(number);

    private static string Counted(AssetKind kind, int count) => count switch
    {
        0 => "no " + KindName(kind) + (kind == AssetKind.Audio ? " clips" : "s"),
        1 => "1 " + KindName(kind) + (kind == AssetKind.Audio ? " clip" : string.Empty),
        _ => Num(count) + " " + KindName(kind) + (kind == AssetKind.Audio ? " clips" : "s"),
    };

    private static string RangeText(AssetKind kind, AssetLimits limits)
    {
        var plural = KindName(kind) + (kind == AssetKind.Audio ? " clips" : "s");
        if (limits.Max == 0) return "no " + plural;
        if (limits.Min == limits.Max) return Num(limits.Min) + " " + plural;
        if (limits.Min == 0) return "at most " + Num(limits.Max) + " " + plural;
        return Num(limits.Min) + "–" + Num(limits.Max) + " " + plural;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
