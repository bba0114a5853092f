namespace Seedance.Rules;

/// <summary>How a prompt refers to an asset.</summary>
internal enum ReferenceForm
{
    /// <summary><c>@Image1</c>, <c>[Image1]</c>, <c>@视频1</c>, <c>&lt;&lt;&lt;Video1&gt;&gt;&gt;</c>: not syntax the API parses (SEED0001).</summary>
    Tag,

    /// <summary>"image 2", "images 1 and 3", "video 1's", 图片2, 参考图3.</summary>
    Position,

    /// <summary>"the second image", "the 1st video", 第二张图片, 首帧图.</summary>
    Ordinal,

    /// <summary>"the 3 provided images", "both reference videos", 三张参考图: a claim about how many are attached.</summary>
    Count,

    /// <summary>"the image", "the provided images", "audio": the kind named without a position.</summary>
    Collective,
}

/// <summary>One reference found in a prompt, with its character span.</summary>
/// <param name="Number">The 1-based position (tag, position, ordinal), the claimed count (count), or 0 (collective).</param>
/// <param name="LastNumber">A tag's range end (<c>@Video1-3</c>, <c>&lt;&lt;&lt;audio_1_3&gt;&gt;&gt;</c>), or 0.</param>
/// <param name="ChineseKind">Whether a tag's kind word is Chinese (<c>@视频1</c>), so its fix is written in Chinese.</param>
internal readonly record struct PromptReference(AssetKind Kind, ReferenceForm Form, int Number, int Start, int Length, int LastNumber = 0, bool ChineseKind = false)
{
    public int End => Start + Length;

    public bool NamesPosition => Form is ReferenceForm.Position or ReferenceForm.Ordinal or ReferenceForm.Tag;
}

/// <summary>A quoted passage whose quotes the API does not speak (SEED0013): the opening and closing quote offsets.</summary>
internal readonly record struct QuotedPassage(int Open, int Close, string QuoteName)
{
    public int Length => Close - Open + 1;
}
