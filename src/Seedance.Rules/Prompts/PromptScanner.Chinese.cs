using System;
using System.Collections.Generic;

namespace Seedance.Rules;

internal static partial class PromptScanner
{
    // ---- Chinese references: 图1, 图片2, 参考图3, 视频 1, 音频一, 图片1和3, 第二张图片, 第二段视频, 首帧图, 三张参考图 ----

    private const string ChineseNumerals = "一二三四五六七八九";

    /// <summary>Measure words between an ordinal or count and its noun: 第二张图片, 第一段视频, 三张参考图.</summary>
    private const string MeasureWords = "张个段幅条首部支";

    /// <summary>Characters that make the 图 after them part of another word: 地图 (map), 插图, 截图, 构图, 试图 (attempt)…</summary>
    private const string ImageCompoundPrefixes = "地插草蓝构截贴拼意试视企海制绘";

    /// <summary>Characters after 图 that make another word: 图表 (chart), 图纸, 图标, 图案, 图层, 图形, 图书, 图腾.</summary>
    private const string ImageCompoundSuffixes = "表纸标案层形书腾";

    /// <summary>Units after a number that make it a measure: 视频3秒, 图片2倍, 360度.</summary>
    private const string ChineseUnits = "秒分帧度倍年月日天时个次遍岁米元块寸克斤层楼点号集期";

    /// <summary>
    /// Words that begin with a numeral: after a kind word, 图一样 is "like the image", not image 1; 图三维 is
    /// "3-D image". A numeral that starts none of them is a position (图三的, 图三保持一致).
    /// </summary>
    private static readonly string[] NumeralWords =
    [
        "一样", "一般", "一些", "一起", "一直", "一下", "一定", "一切", "一开", "一边", "一点", "一种", "一次", "一张", "一段",
        "一个", "一幅", "一致", "一体", "一同", "一片", "一角", "一半", "一整", "一旁", "一家", "一身", "一脸", "一眼", "一阵",
        "一路", "一瞬", "一闪", "一条", "一首", "一部", "一连", "一帧", "一秒", "一分", "一番", "一组", "一套", "一抹", "一束",
        "二维", "二次", "三维", "三角", "三连", "三分", "四周", "四处", "四季", "四射", "五彩", "五颜", "六色", "七彩", "八方", "九宫",
    ];

    /// <summary>Nouns after 视频/音频 that make a compound naming content: 视频游戏, 视频通话, 视频网站…</summary>
    private static readonly string[] ChineseCompoundNouns = ["游戏", "通话", "会议", "网站", "平台", "号", "频道", "博主", "教程", "课程", "聊天", "监控", "直播"];

    private static int TryChinese(string text, int start, List<PromptReference> references)
    {
        var c = text[start];
        if (c == '第') return TryChineseOrdinal(text, start, references);
        if (c == '首' && Match(text, start, "首帧图"))
        {
            var end = start + 3;
            if (Match(text, end, "片") || Match(text, end, "像")) end++;
            references.Add(new PromptReference(AssetKind.Image, ReferenceForm.Ordinal, 1, start, end - start));
            return end;
        }
        if (ChineseNumerals.IndexOf(c) >= 0 || c is '两' or '十')
        {
            return TryChineseCount(text, start, references) is var countEnd && countEnd > start ? countEnd : start + 1;
        }

        var kindStart = start;
        var pos = start;
        // 参考图3 is a noun (reference image 3); in 参考图片1, 参考 is the verb "refer to" before 图片1.
        if (Match(text, pos, "参考") && MatchChineseKind(text, pos + 2, out _, out var afterLength) && afterLength == 1) pos += 2;
        if (!MatchChineseKind(text, pos, out var kind, out var length)) return start + 1;
        var lone = length == 1;
        if (lone && pos == start && start > 0 && ImageCompoundPrefixes.IndexOf(text[start - 1]) >= 0) return start + 1;
        pos += length;

        var numberPos = pos < text.Length && text[pos] == ' ' ? pos + 1 : pos;
        if (ReadNumber(text, numberPos, out var number, out var end2))
        {
            if (number < 100 && IsChineseReferenceEnd(text, end2))
            {
                references.Add(new PromptReference(kind, ReferenceForm.Position, number, kindStart, end2 - kindStart));
                return ReadChineseListTail(text, end2, kind, number, references);
            }
            if (!lone) references.Add(new PromptReference(kind, ReferenceForm.Collective, 0, kindStart, pos - kindStart));
            return end2;
        }
        if (numberPos < text.Length && ChineseNumerals.IndexOf(text[numberPos]) is var index && index >= 0
            && !StartsNumeralWord(text, numberPos) && !(numberPos + 1 < text.Length && IsChineseUnit(text, numberPos + 1)))
        {
            references.Add(new PromptReference(kind, ReferenceForm.Position, index + 1, kindStart, numberPos + 1 - kindStart));
            return numberPos + 1;
        }
        if (!lone) references.Add(new PromptReference(kind, ReferenceForm.Collective, 0, kindStart, pos - kindStart));
        return pos;
    }

    /// <summary>A number after a Chinese kind word ends a position unless a unit, a decimal, a time or a fraction follows.</summary>
    private static bool IsChineseReferenceEnd(string text, int end)
    {
        if (end >= text.Length) return true;
        var c = text[end];
        if (IsCjk(c)) return !IsChineseUnit(text, end);
        if (c is '%' or '\uFF05' or '\u00B0') return false;
        if (c is '.' or ':' or '/' or '\uFF1A' && end + 1 < text.Length && IsDigit(text[end + 1])) return false;
        return !(IsAsciiLetter(c) || IsDigit(c));
    }

    private static bool IsChineseUnit(string text, int pos) =>
        ChineseUnits.IndexOf(text[pos]) >= 0 && !Match(text, pos, "分别") && !Match(text, pos, "点缀");

    /// <summary>Continues 图片1和3, 图1、2, 图1至3, 视频1-2 after the first number.</summary>
    private static int ReadChineseListTail(string text, int pos, AssetKind kind, int previous, List<PromptReference> references)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            var range = c is '-' or '~' or '\uFF5E' or '\u2013' or '\u2014' or '至' or '到';
            if (!range && !(c is '和' or '与' or '及' or '、' or ',' or '\uFF0C' or '/')) return pos;
            var p = pos + 1;
            if (p < text.Length && text[p] == ' ') p++;
            if (!ReadNumber(text, p, out var number, out var end) || number >= 100 || !IsChineseReferenceEnd(text, end)) return pos;
            AddListItem(references, kind, range, previous, number, p, end);
            previous = number;
            pos = end;
        }
        return pos;
    }

    /// <summary>第二张图片, 第二段视频, 第1个音频; not 他的第一个视频 (a possessive) or 第二个视频游戏 (a compound).</summary>
    private static int TryChineseOrdinal(string text, int start, List<PromptReference> references)
    {
        var pos = start + 1;
        if (!ReadChineseOrdinal(text, pos, out var ordinal, out pos)) return start + 1;
        if (pos < text.Length && MeasureWords.IndexOf(text[pos]) >= 0) pos++;
        var kindStart = pos;
        if (Match(text, pos, "参考") && MatchChineseKind(text, pos + 2, out _, out _)) pos += 2;
        if (!MatchChineseKind(text, pos, out var kind, out var length)) return start + 1;
        pos += length;
        if (length == 1 && pos < text.Length && ImageCompoundSuffixes.IndexOf(text[pos]) >= 0) return start + 1;
        var content = (start > 0 && text[start - 1] == '的') || StartsChineseCompound(text, pos);
        references.Add(content
            ? new PromptReference(kind, ReferenceForm.Collective, 0, kindStart, pos - kindStart)
            : new PromptReference(kind, ReferenceForm.Ordinal, ordinal, start, pos - start));
        return pos;
    }

    /// <summary>三张参考图, 两段参考视频, 3张参考图片: a count with the asset adjective 参考.</summary>
    private static int TryChineseCount(string text, int start, List<PromptReference> references)
    {
        int count, pos;
        if (IsAsciiDigit(text[start]))
        {
            if (!ReadDigits(text, start, out count, out pos)) return start;
        }
        else if (!ReadChineseOrdinal(text, start, out count, out pos))
        {
            return start;
        }
        if (pos >= text.Length || MeasureWords.IndexOf(text[pos]) < 0) return start;
        pos++;
        if (!Match(text, pos, "参考")) return start;
        pos += 2;
        if (!MatchChineseKind(text, pos, out var kind, out var length)) return start;
        pos += length;
        references.Add(new PromptReference(kind, ReferenceForm.Count, count, start, pos - start));
        return pos;
    }

    private static bool StartsNumeralWord(string text, int pos)
    {
        foreach (var word in NumeralWords)
        {
            if (Match(text, pos, word)) return true;
        }
        return false;
    }

    private static bool StartsChineseCompound(string text, int pos)
    {
        foreach (var noun in ChineseCompoundNouns)
        {
            if (Match(text, pos, noun)) return true;
        }
        return false;
    }

    /// <summary>一…九, 十, 十一, 十二, 两, or digits.</summary>
    private static bool ReadChineseOrdinal(string text, int pos, out int number, out int end)
    {
        number = 0;
        end = pos;
        if (pos >= text.Length) return false;
        if (ReadNumber(text, pos, out number, out end)) return number < 100;
        var c = text[pos];
        if (c == '两') { number = 2; end = pos + 1; return true; }
        if (c == '十')
        {
            number = 10;
            end = pos + 1;
            if (end < text.Length && ChineseNumerals.IndexOf(text[end]) is var ones && ones >= 0 && ones < 2) { number += ones + 1; end++; }
            return true;
        }
        var index = ChineseNumerals.IndexOf(c);
        if (index < 0) return false;
        number = index + 1;
        end = pos + 1;
        return true;
    }
}
