namespace Seedance.Rules;

/// <summary>How a prompt refers to an asset.</summary>
internal enum ReferenceForm
{
    /// <summary><c>@Image1</c> or <c>[Image1]</c>: not syntax the API parses (SEED0001).</summary>
    Tag,

    /// <summary>"image 2", "images 1 and 3", "video 1's", 图片2.</summary>
    Position,

    /// <summary>"the second image", "the 1st video".</summary>
    Ordinal,

    /// <summary>"the 3 provided images", "both images": a claim about how many are attached.</summary>
    Count,

    /// <summary>"the image", "the provided images", "audio": the kind named without a position.</summary>
    Collective,
}

/// <summary>One reference found in a prompt, with its character span.</summary>
/// <param name="Number">The 1-based position (tag, position, ordinal), the claimed count (count), or 0 (collective).</param>
internal readonly record struct PromptReference(AssetKind Kind, ReferenceForm Form, int Number, int Start, int Length)
{
    public int End => Start + Length;

    public bool NamesPosition => Form is ReferenceForm.Position or ReferenceForm.Ordinal or ReferenceForm.Tag;
}

/// <summary>A quoted passage whose quotes the API does not speak (SEED0013): the opening and closing quote offsets.</summary>
internal readonly record struct QuotedPassage(int Open, int Close, string QuoteName)
{
    public int Length => Close - Open + 1;
}
