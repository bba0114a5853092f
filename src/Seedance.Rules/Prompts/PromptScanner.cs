using System;
using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>
/// Finds asset references, tag syntax and quoted dialogue in a prompt. A single forward scan over the
/// characters with ordinal, case-insensitive word matches: no regular expressions, no allocation beyond
/// the caller's list, and no exception on any input. The grammar is in docs/prompt-references.md; tags
/// are read in PromptScanner.Tags.cs, English references in .English.cs, Chinese ones in .Chinese.cs.
/// </summary>
internal static partial class PromptScanner
{
    private static readonly WordTable SpeechWords = new(
        "say", "says", "said", "saying", "ask", "asks", "asked", "shout", "shouts", "shouted", "whisper", "whispers", "whispered",
        "reply", "replies", "replied", "yell", "yells", "yelled", "exclaim", "exclaims", "exclaimed", "sing", "sings", "sang",
        "answer", "answers", "answered", "announce", "announces", "announced", "mutter", "mutters", "muttered", "cry", "cries", "cried");

    private const int MaxRangeExpansion = 32;

    /// <summary>Appends every reference in <paramref name="prompt"/> to <paramref name="references"/>, in text order.</summary>
    public static void FindReferences(string prompt, List<PromptReference> references)
    {
        if (string.IsNullOrEmpty(prompt)) return;
        var i = 0;
        while (i < prompt.Length)
        {
            var c = prompt[i];
            if (c < 128)
            {
                if (IsAsciiLetterOrDigit(c))
                {
                    i = i == 0 || !IsWordChar(prompt[i - 1]) ? TryWord(prompt, i, references) : i + 1;
                    continue;
                }
                i = IsTagStart(c) ? TryTag(prompt, i, references) : i + 1;
                continue;
            }
            if (IsCjk(c))
            {
                i = TryChinese(prompt, i, references);
                continue;
            }
            if (IsTagStart(c))
            {
                i = TryTag(prompt, i, references);
                continue;
            }
            i = IsWordChar(c) && (i == 0 || !IsWordChar(prompt[i - 1])) ? TryWord(prompt, i, references) : i + 1;
        }
    }

    // ---- quotes (SEED0013) ----

    private static readonly char[] QuoteCharacters = ['\u201C', '\'', '\u2018'];

    /// <summary>
    /// Finds dialogue in curly double quotes, or in single quotes right after a speech cue; the list is
    /// made on the first find, since most prompts have none.
    /// </summary>
    public static void FindUnspokenDialogue(string prompt, ref List<QuotedPassage>? passages)
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
                    (passages ??= new List<QuotedPassage>()).Add(new QuotedPassage(i, close, "curly quotes (\u201C\u2026\u201D)"));
                    i = close + 1;
                    continue;
                }
            }
            else if ((c == '\'' || c == '\u2018') && FollowsSpeechCue(prompt, i))
            {
                var close = FindClosingSingleQuote(prompt, i + 1);
                if (close > i + 1)
                {
                    (passages ??= new List<QuotedPassage>()).Add(new QuotedPassage(i, close, c == '\'' ? "single quotes ('\u2026')" : "curly single quotes (\u2018\u2026\u2019)"));
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
        return end > p + 1 && SpeechWords.Contains(text, p + 1, end);
    }

    private static int FindClosingSingleQuote(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') return -1;
            // A closing quote is not followed by a letter ("it's"); Chinese text runs on without a space (’画面).
            if ((c == '\'' || c == '\u2019') && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !char.IsLetter(text[i + 1]) || IsCjk(text[i + 1])))
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

    /// <summary>A list's next number ("and 3"), or every number up to it after a range ("1–3"), at most 32 of them.</summary>
    private static void AddListItem(List<PromptReference> references, AssetKind kind, bool range, int previous, int number, int start, int end)
    {
        var first = range && number > previous ? Math.Max(previous + 1, number - MaxRangeExpansion) : number;
        for (var n = first; n <= number; n++) references.Add(new PromptReference(kind, ReferenceForm.Position, n, start, end - start));
    }

    public static bool IsCjk(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    private static bool IsWordChar(char c) => c < 128 ? IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsCjk(c);

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>An ASCII or full-width digit (Chinese input methods type the latter).</summary>
    private static bool IsDigit(char c) => IsAsciiDigit(c) || (uint)(c - '\uFF10') <= 9;

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

    /// <summary>ASCII digits, at most four, not followed by a fifth, with a value above zero.</summary>
    private static bool ReadDigits(string text, int pos, out int number, out int end)
    {
        number = 0;
        end = pos;
        while (end < text.Length && IsAsciiDigit(text[end]) && end - pos < 4)
        {
            number = number * 10 + (text[end] - '0');
            end++;
        }
        if (end < text.Length && IsAsciiDigit(text[end])) return false;
        return end > pos && number > 0;
    }

    /// <summary>Like <see cref="ReadDigits"/>, with full-width digits too.</summary>
    private static bool ReadNumber(string text, int pos, out int number, out int end)
    {
        number = 0;
        end = pos;
        while (end < text.Length && IsDigit(text[end]) && end - pos < 4)
        {
            var c = text[end];
            number = number * 10 + (c <= '9' ? c - '0' : c - '\uFF10');
            end++;
        }
        if (end < text.Length && IsDigit(text[end])) return false;
        return end > pos && number > 0;
    }

    /// <summary>
    /// Whether <paramref name="word"/> (lowercase ASCII letters, spaces, or CJK) stands at <paramref name="pos"/>,
    /// ignoring ASCII case. A plain loop: the general string.Compare overload dominated the scan's time.
    /// </summary>
    private static bool Match(string text, int pos, string word)
    {
        if (pos < 0 || pos + word.Length > text.Length) return false;
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

    /// <summary>Lowercase ASCII words looked up by first letter: a word is compared with the few that can match.</summary>
    private sealed class WordTable
    {
        private readonly string[][] _byLetter = new string[26][];

        public WordTable(params string[] words)
        {
            for (var letter = 0; letter < 26; letter++) _byLetter[letter] = Array.FindAll(words, w => w[0] - 'a' == letter);
        }

        public bool Contains(string text, int start, int end)
        {
            if (end <= start) return false;
            var letter = (text[start] | 0x20) - 'a';
            if ((uint)letter >= 26) return false;
            foreach (var word in _byLetter[letter])
            {
                if (IsWord(text, start, end, word)) return true;
            }
            return false;
        }
    }

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
