using System.Collections.Generic;

namespace Seedance.Rules;

internal static partial class PromptScanner
{
    // ---- tags (SEED0001): @Image1, ＠图片2, @ video1, [Image1], [@Video 2], @[Audio 1], 【@视频1】, {image1},
    //      <<<Video1>>>, <<<audio_1_3>>>, @Video1-3 ----

    private static bool IsTagStart(char c) => c is '@' or '\uFF20' or '[' or '\u3010' or '{' or '<';

    /// <summary>
    /// Reads a tag at <paramref name="start"/>: an at sign, an opening bracket, or both in either order;
    /// a kind word; a number or range; the matching closing bracket. Returns where the scan goes on.
    /// </summary>
    private static int TryTag(string text, int start, List<PromptReference> references)
    {
        // "name@video1.com": an at sign inside a word is an address, not a tag.
        if (start > 0 && IsWordChar(text[start - 1]) && text[start] is '@' or '\uFF20') return start + 1;

        var pos = start;
        var at = false;
        string? closer = null;
        for (var part = 0; part < 2; part++)
        {
            if (!at && pos < text.Length && text[pos] is '@' or '\uFF20')
            {
                at = true;
                pos++;
                if (pos < text.Length && text[pos] == ' ') pos++;
            }
            else if (closer is null && OpeningBracket(text, pos, out var openLength, out var close))
            {
                closer = close;
                pos += openLength;
                if (part == 0) pos = SkipSpaces(text, pos);
            }
            else
            {
                break;
            }
        }
        if (!at && closer is null) return start + 1;

        if (!MatchTagKind(text, pos, out var kind, out var kindLength, out var chinese)) return start + 1;
        pos += kindLength;
        if (pos < text.Length && (text[pos] == ' ' || text[pos] == '_')) pos++;
        if (!ReadNumber(text, pos, out var number, out var end)) return start + 1;
        pos = end;

        var last = 0;
        if (pos + 1 < text.Length && (text[pos] is '-' or '\u2013' or '\u2014' or '~' or '\uFF5E' || (text[pos] == '_' && closer == ">>>"))
            && ReadNumber(text, pos + 1, out var rangeEnd, out var rangeEndPos))
        {
            last = rangeEnd;
            pos = rangeEndPos;
        }

        if (closer is not null)
        {
            pos = SkipSpaces(text, pos);
            if (!Match(text, pos, closer)) return start + 1;
            pos += closer.Length;
        }
        else if (pos < text.Length && IsWordChar(text[pos]))
        {
            // "@video1fan": a handle, not a tag.
            return start + 1;
        }
        references.Add(new PromptReference(kind, ReferenceForm.Tag, number, start, pos - start, last, chinese));
        return pos;
    }

    private static bool OpeningBracket(string text, int pos, out int length, out string close)
    {
        length = 1;
        close = string.Empty;
        if (pos >= text.Length) return false;
        switch (text[pos])
        {
            case '[': close = "]"; return true;
            case '\u3010': close = "\u3011"; return true;
            case '{': close = "}"; return true;
            case '<' when Match(text, pos, "<<<"): length = 3; close = ">>>"; return true;
            default: return false;
        }
    }

    /// <summary>A tag's kind word: image, img, picture, pic, video, vid, audio (plural too); 图, 图片, 图像, 视频, 音频.</summary>
    private static bool MatchTagKind(string text, int pos, out AssetKind kind, out int length, out bool chinese)
    {
        chinese = false;
        if (pos < text.Length && IsCjk(text[pos]))
        {
            chinese = true;
            return MatchChineseKind(text, pos, out kind, out length);
        }
        length = 0;
        kind = default;
        var wordEnd = pos;
        while (wordEnd < text.Length && IsAsciiLetter(text[wordEnd])) wordEnd++;
        var letters = wordEnd - pos;
        if (letters == 0) return false;
        if (!MatchTagKindWord(text, pos, letters, out kind)
            && !(letters > 1 && (text[wordEnd - 1] | 0x20) == 's' && MatchTagKindWord(text, pos, letters - 1, out kind)))
        {
            return false;
        }
        length = letters;
        return true;
    }

    private static bool MatchTagKindWord(string text, int pos, int length, out AssetKind kind)
    {
        kind = length switch
        {
            5 when Match(text, pos, "image") => AssetKind.Image,
            5 when Match(text, pos, "video") => AssetKind.Video,
            5 when Match(text, pos, "audio") => AssetKind.Audio,
            7 when Match(text, pos, "picture") => AssetKind.Image,
            3 when Match(text, pos, "img") || Match(text, pos, "pic") => AssetKind.Image,
            3 when Match(text, pos, "vid") => AssetKind.Video,
            _ => (AssetKind)(-1),
        };
        return kind >= 0;
    }

    /// <summary>图片, 图像, 视频, 音频, or 图 alone.</summary>
    private static bool MatchChineseKind(string text, int pos, out AssetKind kind, out int length)
    {
        length = 2;
        kind = AssetKind.Image;
        if (Match(text, pos, "图片") || Match(text, pos, "图像")) return true;
        kind = AssetKind.Video;
        if (Match(text, pos, "视频")) return true;
        kind = AssetKind.Audio;
        if (Match(text, pos, "音频")) return true;
        kind = AssetKind.Image;
        length = 1;
        return pos < text.Length && text[pos] == '图';
    }

    /// <summary>
    /// The plain-language words for a tag: "video 1", "images 1–3", or in Chinese "视频1", "图片1–3".
    /// </summary>
    public static string PlainText(PromptReference tag, bool chinese)
    {
        var numbers = tag.LastNumber > tag.Number
            ? Num(tag.Number) + "\u2013" + Num(tag.LastNumber)
            : tag.LastNumber > 0 ? Num(tag.Number) + (chinese ? "和" : " and ") + Num(tag.LastNumber) : Num(tag.Number);
        if (chinese)
        {
            var word = tag.Kind switch { AssetKind.Image => "图片", AssetKind.Video => "视频", _ => "音频" };
            return word + numbers;
        }
        var plural = tag.LastNumber > 0 && tag.Kind != AssetKind.Audio;
        var english = tag.Kind switch { AssetKind.Image => "image", AssetKind.Video => "video", _ => "audio" };
        return english + (plural ? "s " : " ") + numbers;
    }

    /// <summary>
    /// Whether the prompt is mostly Chinese: more Chinese characters than a quarter of its ASCII letters
    /// (a Chinese character carries about as much as an English word).
    /// </summary>
    public static bool IsMostlyChinese(string prompt)
    {
        var cjk = 0;
        var letters = 0;
        foreach (var c in prompt)
        {
            if (IsCjk(c)) cjk++;
            else if (IsAsciiLetter(c)) letters++;
        }
        return cjk * 4 > letters;
    }
}
