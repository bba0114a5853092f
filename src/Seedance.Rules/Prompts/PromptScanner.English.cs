using System;
using System.Collections.Generic;

namespace Seedance.Rules;

internal static partial class PromptScanner
{
    // ---- English references: "image 2", "images 1 and 3", "the second video", "the 3 provided images" ----
    // Only forms that can mean nothing else become positions, ordinals or counts; SEED0004 is an error.

    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
    private static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    private static readonly WordTable CountAdjectives = new("provided", "attached", "reference", "given", "uploaded", "input", "source", "supplied", "referenced");

    /// <summary>Words after a number that make it a measure: "video 2 seconds", "video 3 times".</summary>
    private static readonly WordTable UnitWords = new(
        "s", "sec", "secs", "second", "seconds", "ms", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
        "fps", "frame", "frames", "deg", "degree", "degrees", "time", "times", "percent", "pct", "px", "pixel", "pixels",
        "k", "p", "x", "m", "cm", "mm", "km", "meter", "meters", "metre", "metres", "ft", "foot", "feet", "inch", "inches",
        "year", "years", "day", "days", "week", "weeks", "month", "months", "bpm", "db", "hz", "khz", "kb", "mb", "gb",
        "am", "pm", "mph", "kg", "lb", "lbs", "episode", "episodes", "views", "likes", "subscribers", "followers");

    /// <summary>Nouns that a kind word modifies in a compound: "video game", "audio system" name content.</summary>
    private static readonly WordTable CompoundNouns = new(
        "game", "games", "call", "calls", "camera", "cameras", "chat", "chats", "conference", "conferences", "wall", "walls",
        "store", "shop", "player", "players", "recorder", "tape", "tapes", "cassette", "editor", "editors", "blog", "blogger",
        "channel", "channels", "screen", "screens", "monitor", "monitors", "projector", "card", "cards", "console", "consoles",
        "message", "messages", "booth", "arcade", "gear", "equipment", "system", "systems", "engineer", "engineers", "mixer",
        "board", "installation", "artist", "artists", "creator", "creators", "producer", "producers", "platform", "platforms",
        "star", "stars", "stores", "rental", "library", "speaker", "speakers", "jack", "cable", "book", "books",
        "essay", "essays", "diary", "montage", "tutorial", "tutorials", "guide", "interview", "interviews", "podcast", "review",
        "reviews", "series", "sharing", "streaming", "stream", "feed", "upload", "uploads", "quality", "format", "search",
        "sensor", "sensors", "processor", "crew", "crews", "team", "department", "studio", "studios", "lab", "content", "marketing",
        "frame", "frames");

    private enum WordType
    {
        Ordinal,
        Count,
        Kind,
    }

    /// <summary>A word that can start a reference: an ordinal, a number word or "both", or an asset kind.</summary>
    private sealed record StartWord(string Word, WordType Type, int Value, AssetKind Kind);

    /// <summary>
    /// The start words by first letter (a–z): a word is looked up once, by its first letter and length,
    /// instead of being compared with every list in turn.
    /// </summary>
    private static readonly StartWord[][] StartWords = BuildStartWords();

    private static StartWord[][] BuildStartWords()
    {
        var words = new List<StartWord>();
        for (var i = 0; i < OrdinalWords.Length; i++) words.Add(new StartWord(OrdinalWords[i], WordType.Ordinal, i + 1, default));
        for (var i = 0; i < NumberWords.Length; i++) words.Add(new StartWord(NumberWords[i], WordType.Count, i + 1, default));
        words.Add(new StartWord("both", WordType.Count, 2, default));
        foreach (var (word, kind) in new[] { ("image", AssetKind.Image), ("img", AssetKind.Image), ("picture", AssetKind.Image), ("video", AssetKind.Video), ("audio", AssetKind.Audio) })
        {
            words.Add(new StartWord(word, WordType.Kind, 0, kind));
            words.Add(new StartWord(word + "s", WordType.Kind, 0, kind));
        }
        var table = new StartWord[26][];
        for (var letter = 0; letter < 26; letter++)
        {
            table[letter] = words.FindAll(w => w.Word[0] - 'a' == letter).ToArray();
        }
        return table;
    }

    private static StartWord? FindStartWord(string text, int start, int length)
    {
        var letter = (text[start] | 0x20) - 'a';
        if ((uint)letter >= 26) return null;
        foreach (var word in StartWords[letter])
        {
            if (word.Word.Length == length && Match(text, start, word.Word)) return word;
        }
        return null;
    }

    private static int TryWord(string text, int start, List<PromptReference> references)
    {
        var wordEnd = WordEnd(text, start);
        int ordinal, count;
        if (text[start] >= '0' && text[start] <= '9')
        {
            // "3张参考图": a Chinese count after ASCII digits.
            if (wordEnd < text.Length && MeasureWords.IndexOf(text[wordEnd]) >= 0 && TryChineseCount(text, start, references) is var countEnd && countEnd > start) return countEnd;
            // "2nd video", "3 provided images".
            ordinal = DigitOrdinal(text, start, wordEnd);
            count = ordinal == 0 && ReadDigits(text, start, out var number, out var digitsEnd) && digitsEnd == wordEnd ? number : 0;
        }
        else
        {
            // Most words cannot start a reference: one look-up by first letter and length says so.
            var word = FindStartWord(text, start, wordEnd - start);
            if (word is null) return TryKindWithDigits(text, start, wordEnd, references);
            ordinal = word.Type == WordType.Ordinal ? word.Value : 0;
            count = word.Type == WordType.Count ? word.Value : 0;
            if (word.Type == WordType.Kind) return TryPosition(text, start, word.Kind, wordEnd, references);
        }

        // Ordinal: "the second image", "the 2nd reference video".
        if (ordinal > 0)
        {
            var next = SkipSpaces(text, wordEnd);
            var adjectiveEnd = WordEnd(text, next);
            if (next < text.Length && CountAdjectives.Contains(text, next, adjectiveEnd) && MatchKindWord(text, SkipSpaces(text, adjectiveEnd), out _, out _, out _))
            {
                next = SkipSpaces(text, adjectiveEnd);
            }
            if (MatchKindWord(text, next, out var kind, out var kindEnd, out var plural) && !plural)
            {
                if (PrecededByThe(text, start) && !StartsCompound(text, kindEnd))
                {
                    references.Add(new PromptReference(kind, ReferenceForm.Ordinal, ordinal, start, kindEnd - start));
                }
                else
                {
                    references.Add(new PromptReference(kind, ReferenceForm.Collective, 0, next, kindEnd - next));
                }
                return kindEnd;
            }
            return wordEnd;
        }

        // Count: "the 3 provided images", "both reference videos", "two attached audio clips".
        if (count > 0)
        {
            var next = SkipSpaces(text, wordEnd);
            var adjectiveEnd = WordEnd(text, next);
            if (next >= text.Length || !CountAdjectives.Contains(text, next, adjectiveEnd)) return wordEnd;
            next = SkipSpaces(text, adjectiveEnd);
            if (MatchKindWord(text, next, out var kind, out var kindEnd, out var plural) && (plural || kind == AssetKind.Audio && IsClips(text, kindEnd)))
            {
                var end = kind == AssetKind.Audio && !plural ? WordEnd(text, SkipSpaces(text, kindEnd)) : kindEnd;
                references.Add(new PromptReference(kind, ReferenceForm.Count, count, start, end - start));
                return end;
            }
        }
        return wordEnd;
    }

    /// <summary>"image2", "video1's": a kind word run together with its number.</summary>
    private static int TryKindWithDigits(string text, int start, int wordEnd, List<PromptReference> references)
    {
        // Nearly every word ends in a letter: no second look-up for those.
        if (!IsAsciiDigit(text[wordEnd - 1])) return wordEnd;
        var letters = start;
        while (letters < wordEnd && IsAsciiLetter(text[letters])) letters++;
        if (letters == start || letters == wordEnd) return wordEnd;
        var word = FindStartWord(text, start, letters - start);
        if (word is null || word.Type != WordType.Kind) return wordEnd;
        // "studio@video1.com", "/media/video1.mp4": part of an address or a file name.
        if (start > 0 && text[start - 1] is '@' or '\uFF20' or '.' or '/' or '_' or '-' or '\\') return wordEnd;
        if (wordEnd < text.Length && text[wordEnd] is '@' or '_' or '/' or '.' or '-' && wordEnd + 1 < text.Length && IsWordChar(text[wordEnd + 1])) return wordEnd;
        if (ReadDigits(text, letters, out var number, out var digitsEnd) && digitsEnd == wordEnd && IsReferenceNumber(text, number, digitsEnd))
        {
            references.Add(new PromptReference(word.Kind, ReferenceForm.Position, number, start, digitsEnd - start));
        }
        return wordEnd;
    }

    /// <summary>After a kind word: "image 2", "video #1", "images 1 and 3", or the kind alone ("the image").</summary>
    private static int TryPosition(string text, int start, AssetKind kind, int kindEnd, List<PromptReference> references)
    {
        var pos = SkipSpaces(text, kindEnd);
        if (pos < text.Length && text[pos] == '#') pos++;
        if (ReadDigits(text, pos, out var number, out var digitsEnd))
        {
            if (IsReferenceNumber(text, number, digitsEnd))
            {
                references.Add(new PromptReference(kind, ReferenceForm.Position, number, start, digitsEnd - start));
                return ReadListTail(text, digitsEnd, kind, number, references);
            }
            // "video 360", "video 2 seconds": the kind named, the number content.
            references.Add(new PromptReference(kind, ReferenceForm.Collective, 0, start, kindEnd - start));
            return digitsEnd;
        }
        references.Add(new PromptReference(kind, ReferenceForm.Collective, 0, start, kindEnd - start));
        return kindEnd;
    }

    /// <summary>Continues "images 1, 2 and 4" or "images 1–3" after the first number.</summary>
    private static int ReadListTail(string text, int pos, AssetKind kind, int previous, List<PromptReference> references)
    {
        while (true)
        {
            var p = SkipSpaces(text, pos);
            var range = false;
            if (p < text.Length && (text[p] == '-' || text[p] == '\u2013' || text[p] == '\u2014'))
            {
                range = true;
                p = SkipSpaces(text, p + 1);
            }
            else if (p < text.Length && (text[p] == ',' || text[p] == '&' || text[p] == '/'))
            {
                p = SkipSpaces(text, p + 1);
                var wordEnd = WordEnd(text, p);
                if (IsWord(text, p, wordEnd, "and")) p = SkipSpaces(text, wordEnd);
            }
            else
            {
                var wordEnd = WordEnd(text, p);
                if (IsWord(text, p, wordEnd, "and") || IsWord(text, p, wordEnd, "or")) p = SkipSpaces(text, wordEnd);
                else if (IsWord(text, p, wordEnd, "to") || IsWord(text, p, wordEnd, "through")) { range = true; p = SkipSpaces(text, wordEnd); }
                else return pos;
            }
            if (!ReadDigits(text, p, out var number, out var end) || !IsReferenceNumber(text, number, end)) return pos;
            AddListItem(references, kind, range, previous, number, p, end);
            previous = number;
            pos = end;
        }
    }

    /// <summary>
    /// Whether a number right after a kind word is a position: below 100, and not a measure, a time, a
    /// fraction or part of a larger token ("video 360", "video 2 seconds", "video 1:30", "24/7", "720p").
    /// </summary>
    private static bool IsReferenceNumber(string text, int number, int end)
    {
        if (number >= 100) return false;
        if (end >= text.Length) return true;
        var c = text[end];
        if (IsCjk(c)) return !IsChineseUnit(text, end);
        if (char.IsLetterOrDigit(c)) return false;
        if (c is '%' or '\u00B0' or '\u00D7' or '\u2032' or '\u2033' or '\uFF05') return false;
        if (end + 1 < text.Length && IsAsciiDigit(text[end + 1]))
        {
            if (c is '.' or ':' or '/' or '\uFF1A') return false;
            // "image 2,000": a thousands separator, not a list.
            if (c == ',' && end + 4 <= text.Length && IsAsciiDigit(text[end + 2]) && IsAsciiDigit(text[end + 3]) && (end + 4 == text.Length || !IsAsciiDigit(text[end + 4]))) return false;
        }
        var next = SkipSpaces(text, end);
        if (next == end || next >= text.Length) return true;
        if (IsCjk(text[next])) return !IsChineseUnit(text, next);
        var wordEnd = WordEnd(text, next);
        return !(wordEnd > next && UnitWords.Contains(text, next, wordEnd));
    }

    /// <summary>"the second image" names a position; "her second image", "a second video" do not.</summary>
    private static bool PrecededByThe(string text, int start)
    {
        var p = start - 1;
        while (p >= 0 && (text[p] == ' ' || text[p] == '\t' || text[p] == '\u00A0')) p--;
        var end = p + 1;
        while (p >= 0 && IsAsciiLetter(text[p])) p--;
        return end - (p + 1) == 3 && Match(text, p + 1, "the") && (p < 0 || !IsWordChar(text[p]));
    }

    /// <summary>"the second video game": the kind word modifies the noun that follows.</summary>
    private static bool StartsCompound(string text, int kindEnd)
    {
        var next = SkipSpaces(text, kindEnd);
        if (next == kindEnd && next < text.Length && text[next] == '-') next++;
        if (next == kindEnd) return false;
        var wordEnd = WordEnd(text, next);
        return wordEnd > next && CompoundNouns.Contains(text, next, wordEnd);
    }

    private static bool IsClips(string text, int pos)
    {
        var p = SkipSpaces(text, pos);
        var end = WordEnd(text, p);
        return IsWord(text, p, end, "clips") || IsWord(text, p, end, "tracks") || IsWord(text, p, end, "files");
    }

    /// <summary>Matches "image", "images", "picture(s)", "video(s)", "audio(s)" (a whole word) at <paramref name="pos"/>.</summary>
    private static bool MatchKindWord(string text, int pos, out AssetKind kind, out int end, out bool plural)
    {
        kind = default;
        end = pos;
        plural = false;
        if (pos >= text.Length || (pos > 0 && IsWordChar(text[pos - 1]))) return false;
        var wordEnd = WordEnd(text, pos);
        var word = FindStartWord(text, pos, wordEnd - pos);
        if (word is null || word.Type != WordType.Kind) return false;
        kind = word.Kind;
        end = wordEnd;
        plural = (text[wordEnd - 1] | 0x20) == 's';
        return true;
    }

    /// <summary>"1st", "2nd", "3rd", "4th" (any case) as a number; 0 otherwise.</summary>
    private static int DigitOrdinal(string text, int start, int end)
    {
        if (end - start < 3 || !ReadDigits(text, start, out var number, out var digitsEnd) || end - digitsEnd != 2) return 0;
        var a = (char)(text[digitsEnd] | 0x20);
        var b = (char)(text[digitsEnd + 1] | 0x20);
        return (a, b) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h') ? number : 0;
    }
}
