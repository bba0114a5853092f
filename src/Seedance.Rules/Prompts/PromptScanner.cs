using System;
using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>
/// Finds asset references, tag syntax and quoted dialogue in a prompt. A single forward scan over the
/// characters with ordinal, case-insensitive word matches: no regular expressions, no allocation beyond
/// the caller's list, and no exception on any input.
/// </summary>
internal static class PromptScanner
{
    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
    private static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    private static readonly string[] CountAdjectives = ["provided", "attached", "reference", "given", "uploaded", "input", "source", "supplied", "referenced"];
    private static readonly string[] SpeechWords =
    [
        "say", "says", "said", "saying", "ask", "asks", "asked", "shout", "shouts", "shouted", "whisper", "whispers", "whispered",
        "reply", "replies", "replied", "yell", "yells", "yelled", "exclaim", "exclaims", "exclaimed", "sing", "sings", "sang",
        "answer", "answers", "answered", "announce", "announces", "announced", "mutter", "mutters", "muttered", "cry", "cries", "cried",
    ];

    private const int MaxRangeExpansion = 32;

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
        foreach (var (word, kind) in new[] { ("image", AssetKind.Image), ("img", AssetKind.Image), ("video", AssetKind.Video), ("audio", AssetKind.Audio) })
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

    /// <summary>Appends every reference in <paramref name="prompt"/> to <paramref name="references"/>, in text order.</summary>
    public static void FindReferences(string prompt, List<PromptReference> references)
    {
        if (string.IsNullOrEmpty(prompt)) return;
        var i = 0;
        while (i < prompt.Length)
        {
            var c = prompt[i];
            if (c == '@' || c == '[')
            {
                i = TryTag(prompt, i, references);
                continue;
            }
            if (IsCjk(c))
            {
                i = TryChinese(prompt, i, references);
                continue;
            }
            if (IsWordChar(c) && (i == 0 || !IsWordChar(prompt[i - 1])))
            {
                i = TryWord(prompt, i, references);
                continue;
            }
            i++;
        }
    }

    // ---- tags: @Image1, @video 2, [Audio1] ----

    private static int TryTag(string text, int start, List<PromptReference> references)
    {
        var bracket = text[start] == '[';
        var pos = start + 1;
        if (!MatchKind(text, pos, out var kind, out var kindLength, out _)) return start + 1;
        pos += kindLength;
        var numberStart = pos;
        if (pos < text.Length && (text[pos] == ' ' || text[pos] == '_')) pos++;
        if (!ReadDigits(text, pos, out var number, out var digitsEnd))
        {
            return start + 1;
        }
        _ = numberStart;
        pos = digitsEnd;
        if (bracket)
        {
            if (pos >= text.Length || text[pos] != ']') return start + 1;
            pos++;
        }
        else if (pos < text.Length && IsWordChar(text[pos]))
        {
            return start + 1;
        }
        references.Add(new PromptReference(kind, ReferenceForm.Tag, number, start, pos - start));
        return pos;
    }

    // ---- English words: "image 2", "images 1 and 3", "the second video", "the 3 provided images", "audio" ----

    private static int TryWord(string text, int start, List<PromptReference> references)
    {
        var wordEnd = WordEnd(text, start);
        int ordinal, count;
        if (text[start] >= '0' && text[start] <= '9')
        {
            // "2nd video", "3 provided images".
            ordinal = DigitOrdinal(text, start, wordEnd);
            count = ordinal == 0 && ReadDigits(text, start, out var number, out var digitsEnd) && digitsEnd == wordEnd ? number : 0;
        }
        else
        {
            // Most words cannot start a reference: one look-up by first letter and length says so.
            var word = FindStartWord(text, start, wordEnd - start);
            if (word is null) return wordEnd;
            ordinal = word.Type == WordType.Ordinal ? word.Value : 0;
            count = word.Type == WordType.Count ? word.Value : 0;
            if (word.Type == WordType.Kind) return TryPosition(text, start, word.Kind, wordEnd, references);
        }

        // Ordinal: "second image", "2nd video".
        if (ordinal > 0)
        {
            var next = SkipSpaces(text, wordEnd);
            if (MatchKindWord(text, next, out var kind, out var kindEnd, out var plural) && !plural)
            {
                references.Add(new PromptReference(kind, ReferenceForm.Ordinal, ordinal, start, kindEnd - start));
                return kindEnd;
            }
            return wordEnd;
        }

        // Count: "3 provided images", "three images", "both images".
        if (count > 0)
        {
            var next = SkipSpaces(text, wordEnd);
            var adjectiveEnd = WordEnd(text, next);
            if (next < text.Length && IsOneOf(text, next, adjectiveEnd, CountAdjectives)) next = SkipSpaces(text, adjectiveEnd);
            if (MatchKindWord(text, next, out var kind, out var kindEnd, out var plural) && (plural || kind == AssetKind.Audio && IsClips(text, kindEnd)))
            {
                var end = kind == AssetKind.Audio && !plural ? WordEnd(text, SkipSpaces(text, kindEnd)) : kindEnd;
                references.Add(new PromptReference(kind, ReferenceForm.Count, count, start, end - start));
                return end;
            }
        }
        return wordEnd;
    }

    /// <summary>After a kind word: "image 2", "video #1", "images 1 and 3", or the kind alone ("the image").</summary>
    private static int TryPosition(string text, int start, AssetKind kind, int kindEnd, List<PromptReference> references)
    {
        var pos = SkipSpaces(text, kindEnd);
        if (pos < text.Length && text[pos] == '#') pos++;
        if (ReadDigits(text, pos, out var number, out var digitsEnd) && IsNumberEnd(text, digitsEnd))
        {
            references.Add(new PromptReference(kind, ReferenceForm.Position, number, start, digitsEnd - start));
            return ReadListTail(text, digitsEnd, kind, number, references);
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
            if (!ReadDigits(text, p, out var number, out var end) || !IsNumberEnd(text, end)) return pos;
            if (range && number > previous)
            {
                var first = Math.Max(previous + 1, number - MaxRangeExpansion);
                for (var n = first; n <= number; n++) references.Add(new PromptReference(kind, ReferenceForm.Position, n, p, end - p));
            }
            else
            {
                references.Add(new PromptReference(kind, ReferenceForm.Position, number, p, end - p));
            }
            previous = number;
            pos = end;
        }
    }

    // ---- Chinese: 图1, 图片2, 图像 3, 视频1, 音频1 (digits or 一…九) ----

    private static int TryChinese(string text, int start, List<PromptReference> references)
    {
        AssetKind kind;
        int length;
        var requireNumber = false;
        if (Match(text, start, "图片") || Match(text, start, "图像")) { kind = AssetKind.Image; length = 2; }
        else if (Match(text, start, "视频")) { kind = AssetKind.Video; length = 2; }
        else if (Match(text, start, "音频")) { kind = AssetKind.Audio; length = 2; }
        else if (text[start] == '图') { kind = AssetKind.Image; length = 1; requireNumber = true; }
        else return start + 1;

        var pos = start + length;
        var numberPos = pos < text.Length && text[pos] == ' ' ? pos + 1 : pos;
        if (ReadDigits(text, numberPos, out var number, out var end) || ReadChineseDigit(text, numberPos, out number, out end))
        {
            references.Add(new PromptReference(kind, ReferenceForm.Position, number, start, end - start));
            return end;
        }
        if (!requireNumber) references.Add(new PromptReference(kind, ReferenceForm.Collective, 0, start, length));
        return start + length;
    }

    private static bool ReadChineseDigit(string text, int pos, out int number, out int end)
    {
        number = 0;
        end = pos;
        if (pos >= text.Length) return false;
        var index = "一二三四五六七八九".IndexOf(text[pos]);
        if (index < 0) return false;
        number = index + 1;
        end = pos + 1;
        return true;
    }

    // ---- quotes (SEED0013) ----

    private static readonly char[] QuoteCharacters = ['\u201C', '\'', '\u2018'];

    /// <summary>Finds dialogue in curly double quotes, or in single quotes right after a speech cue.</summary>
    public static void FindUnspokenDialogue(string prompt, List<QuotedPassage> passages)
    {
        if (string.IsNullOrEmpty(prompt)) return;
        var i = 0;
        while (i < prompt.Length)
        {
            // Only quote characters matter: jump from one to the next.
            i = prompt.IndexOfAny(QuoteCharacters, i);
            if (i < 0) return;
            var c = prompt[i];
            if (c == '\u201C')
            {
                var close = prompt.IndexOf('\u201D', i + 1);
                if (close > i + 1)
                {
                    passages.Add(new QuotedPassage(i, close, "curly quotes (\u201C\u2026\u201D)"));
                    i = close + 1;
                    continue;
                }
            }
            else if ((c == '\'' || c == '\u2018') && FollowsSpeechCue(prompt, i))
            {
                var close = FindClosingSingleQuote(prompt, i + 1);
                if (close > i + 1)
                {
                    passages.Add(new QuotedPassage(i, close, c == '\'' ? "single quotes ('\u2026')" : "curly single quotes (\u2018\u2026\u2019)"));
                    i = close + 1;
                    continue;
                }
            }
            i++;
        }
    }

    private static bool FollowsSpeechCue(string text, int quote)
    {
        if (quote + 1 >= text.Length || char.IsWhiteSpace(text[quote + 1])) return false;
        var p = quote - 1;
        while (p >= 0 && text[p] == ' ') p--;
        if (p < 0) return false;
        if (text[p] == ':' || text[p] == '\uFF1A') return true;
        if (text[p] == ',') p--;
        var end = p + 1;
        while (p >= 0 && char.IsLetter(text[p])) p--;
        return end > p + 1 && IsOneOf(text, p + 1, end, SpeechWords);
    }

    private static int FindClosingSingleQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') return -1;
            if ((c == '\'' || c == '\u2019') && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
            {
                return i;
            }
        }
        return -1;
    }

    // ---- roles (SEED0014) ----

    private static readonly (string Phrase, string Role)[] RolePhrases =
    [
        ("first frame", "first frame"), ("opening frame", "first frame"), ("starting frame", "first frame"),
        ("last frame", "last frame"), ("final frame", "last frame"), ("end frame", "last frame"), ("ending frame", "last frame"),
        ("character", "character"), ("style", "style"), ("art style", "style"),
        ("background music", "soundtrack"), ("soundtrack", "soundtrack"),
        ("camera movement", "camera"), ("camera motion", "camera"),
    ];

    /// <summary>The role phrases by first letter (a–z), in the order above: a word is compared with the few that can match.</summary>
    private static readonly (string Phrase, string Role)[][] RolePhrasesByLetter = BuildRolePhrasesByLetter();

    private static (string Phrase, string Role)[][] BuildRolePhrasesByLetter()
    {
        var table = new (string Phrase, string Role)[26][];
        for (var letter = 0; letter < 26; letter++)
        {
            table[letter] = Array.FindAll(RolePhrases, p => p.Phrase[0] - 'a' == letter);
        }
        return table;
    }

    /// <summary>
    /// The distinct roles named in the clause that follows a reference ("image 1 is the first frame, the
    /// character and the style"), up to the clause's end or the next reference.
    /// </summary>
    public static int CountRoles(string prompt, int from, int limit, List<string> roles, bool stopAtClauseEnd = true)
    {
        roles.Clear();
        var end = Math.Min(limit, prompt.Length);
        for (var i = from; i < end && stopAtClauseEnd; i++)
        {
            var c = prompt[i];
            if (c == '.' || c == ';' || c == '\n' || c == '\u3002' || c == '\uFF1B') { end = i; break; }
        }
        for (var i = from; i < end; i++)
        {
            if (!IsWordChar(prompt[i]) || (i > 0 && IsWordChar(prompt[i - 1]))) continue;
            var letter = (prompt[i] | 0x20) - 'a';
            if ((uint)letter >= 26) continue;
            foreach (var (phrase, role) in RolePhrasesByLetter[letter])
            {
                if (i + phrase.Length <= end && Match(prompt, i, phrase) && (i + phrase.Length == prompt.Length || !char.IsLetter(prompt[i + phrase.Length]) || prompt[i + phrase.Length] == 's'))
                {
                    if (!roles.Contains(role)) roles.Add(role);
                    break;
                }
            }
        }
        return roles.Count;
    }

    /// <summary>True when the prompt speaks of a first or last frame (images used as frames, not references).</summary>
    public static bool MentionsFrames(string prompt, List<string> roles)
    {
        CountRoles(prompt, 0, prompt.Length, roles, stopAtClauseEnd: false);
        return roles.Contains("first frame") || roles.Contains("last frame");
    }

    // ---- length (SEED0008) ----

    /// <summary>Counts English words and Chinese characters, and where each limit is first exceeded (-1 if never).</summary>
    public static void MeasureLength(string prompt, int maxWords, int maxChinese, out int words, out int chinese, out int wordOverflowAt, out int chineseOverflowAt)
    {
        words = 0;
        chinese = 0;
        wordOverflowAt = -1;
        chineseOverflowAt = -1;
        var inWord = false;
        for (var i = 0; i < prompt.Length; i++)
        {
            var c = prompt[i];
            if (c < 128)
            {
                // The common case, without the general Unicode look-ups below.
                if (IsAsciiLetterOrDigit(c))
                {
                    if (!inWord)
                    {
                        words++;
                        if (words == maxWords + 1) wordOverflowAt = i;
                    }
                    inWord = true;
                }
                else if (c == ' ' || (c >= '\t' && c <= '\r'))
                {
                    inWord = false;
                }
            }
            else if (IsCjk(c))
            {
                inWord = false;
                chinese++;
                if (chinese == maxChinese + 1) chineseOverflowAt = i;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                    if (words == maxWords + 1) wordOverflowAt = i;
                }
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
        }
    }

    // ---- helpers ----

    public static bool IsCjk(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    private static bool IsWordChar(char c) => c < 128 ? IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsCjk(c);

    private static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    private static int WordEnd(string text, int pos)
    {
        while (pos < text.Length && IsWordChar(text[pos])) pos++;
        return pos;
    }

    private static int SkipSpaces(string text, int pos)
    {
        while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\u00A0')) pos++;
        return pos;
    }

    private static bool ReadDigits(string text, int pos, out int number, out int end)
    {
        number = 0;
        end = pos;
        while (end < text.Length && text[end] >= '0' && text[end] <= '9' && end - pos < 4)
        {
            number = number * 10 + (text[end] - '0');
            end++;
        }
        if (end < text.Length && text[end] >= '0' && text[end] <= '9') return false;
        return end > pos && number > 0;
    }

    /// <summary>A position number ends at a non-letter ("image 2," / "video 1's"), not inside "4K" or "720p".</summary>
    private static bool IsNumberEnd(string text, int end)
    {
        if (end >= text.Length) return true;
        var c = text[end];
        return !char.IsLetterOrDigit(c) || IsCjk(c);
    }

    /// <summary>
    /// Whether <paramref name="word"/> (lowercase ASCII letters, spaces, or CJK) stands at <paramref name="pos"/>,
    /// ignoring ASCII case. A plain loop: the general string.Compare overload dominated the scan's time.
    /// </summary>
    private static bool Match(string text, int pos, string word)
    {
        if (pos + word.Length > text.Length) return false;
        for (var k = 0; k < word.Length; k++)
        {
            var a = text[pos + k];
            var b = word[k];
            if (a == b) continue;
            if (b < 'a' || b > 'z' || (a | 0x20) != b) return false;
        }
        return true;
    }

    private static bool IsWord(string text, int start, int end, string word) =>
        end - start == word.Length && Match(text, start, word);

    private static bool IsOneOf(string text, int start, int end, string[] words)
    {
        foreach (var word in words)
        {
            if (IsWord(text, start, end, word)) return true;
        }
        return false;
    }

    private static bool IsClips(string text, int pos)
    {
        var p = SkipSpaces(text, pos);
        var end = WordEnd(text, p);
        return IsWord(text, p, end, "clips") || IsWord(text, p, end, "tracks") || IsWord(text, p, end, "files");
    }

    /// <summary>Matches "image", "images", "video", "videos", "audio", "audios" (a whole word) at <paramref name="pos"/>.</summary>
    private static bool MatchKindWord(string text, int pos, out AssetKind kind, out int end, out bool plural)
    {
        kind = default;
        end = pos;
        plural = false;
        if (pos >= text.Length || (pos > 0 && IsWordChar(text[pos - 1]))) return false;
        var wordEnd = WordEnd(text, pos);
        var length = wordEnd - pos;
        if (!MatchKind(text, pos, out kind, out var kindLength, out _)) return false;
        if (length == kindLength) { end = wordEnd; return true; }
        if (length == kindLength + 1 && (text[pos + kindLength] == 's' || text[pos + kindLength] == 'S'))
        {
            plural = true;
            end = wordEnd;
            return true;
        }
        return false;
    }

    private static bool MatchKind(string text, int pos, out AssetKind kind, out int length, out bool abbreviated)
    {
        abbreviated = false;
        if (Match(text, pos, "image")) { kind = AssetKind.Image; length = 5; return true; }
        if (Match(text, pos, "video")) { kind = AssetKind.Video; length = 5; return true; }
        if (Match(text, pos, "audio")) { kind = AssetKind.Audio; length = 5; return true; }
        if (Match(text, pos, "img")) { kind = AssetKind.Image; length = 3; abbreviated = true; return true; }
        kind = default;
        length = 0;
        return false;
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
