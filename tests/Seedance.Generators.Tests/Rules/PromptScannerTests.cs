using System.Collections.Generic;
using System.Linq;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Rules;

/// <summary>
/// The prompt scanner on its own: every reference form, the words that must not count, and the
/// spans the squiggles use. Written against the scanner's behaviour before its look-up table rewrite,
/// so a faster scanner has to find exactly the same references.
/// </summary>
public class PromptScannerTests
{
    [Theory]
    [InlineData("Use image 1 for the style.", "Image Position 1 'image 1'")]
    [InlineData("IMAGE 2 and Video #3", "Image Position 2 'IMAGE 2'|Video Position 3 'Video #3'")]
    [InlineData("images 1, 2 and 4", "Image Position 1 'images 1'|Image Position 2 '2'|Image Position 4 '4'")]
    [InlineData("images 1-3", "Image Position 1 'images 1'|Image Position 2 '3'|Image Position 3 '3'")]
    [InlineData("videos 1 to 2", "Video Position 1 'videos 1'|Video Position 2 '2'")]
    [InlineData("the second image and the 3rd video", "Image Ordinal 2 'second image'|Video Ordinal 3 '3rd video'")]
    [InlineData("the 1ST image", "Image Ordinal 1 '1ST image'")]
    [InlineData("the twelfth video", "Video Ordinal 12 'twelfth video'")]
    [InlineData("the 3 provided images", "Image Count 3 '3 provided images'")]
    [InlineData("both images and three videos", "Image Count 2 'both images'|Video Count 3 'three videos'")]
    [InlineData("two audio clips", "Audio Count 2 'two audio clips'")]
    [InlineData("the image, the videos, audio", "Image Collective 0 'image'|Video Collective 0 'videos'|Audio Collective 0 'audio'")]
    [InlineData("img 2 and imgs", "Image Position 2 'img 2'|Image Collective 0 'imgs'")]
    [InlineData("@Image1 and [Video2] and @audio 3", "Image Tag 1 '@Image1'|Video Tag 2 '[Video2]'|Audio Tag 3 '@audio 3'")]
    [InlineData("图片2 和 视频1 还有 音频 与 图三", "Image Position 2 '图片2'|Video Position 1 '视频1'|Audio Collective 0 '音频'|Image Position 3 '图三'")]
    [InlineData("a 4K image 2 at 720p", "Image Position 2 'image 2'")]
    [InlineData("video 1's camera movement", "Video Position 1 'video 1'")]
    [InlineData("imagery, videography, audiophile, imaginative", "")]
    [InlineData("one, two, first, second, both", "")]
    [InlineData("image 2x and image 0", "Image Collective 0 'image'|Image Collective 0 'image'")]
    [InlineData("", "")]
    public void Finds_references(string prompt, string expected)
    {
        var references = new List<PromptReference>();
        PromptScanner.FindReferences(prompt, references);
        var actual = string.Join("|", references.Select(r => $"{r.Kind} {r.Form} {r.Number} '{prompt.Substring(r.Start, r.Length)}'"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("one two three", 3)]
    [InlineData("don't stop-now  ok\tyes\nno", 5)]
    [InlineData("a,b c", 2)]
    [InlineData("café au lait", 3)]
    [InlineData("雨中的城市 rain", 1)]
    public void Counts_words(string prompt, int expected)
    {
        PromptScanner.MeasureLength(prompt, 1000, 1000, out var words, out _, out _, out _);
        Assert.Equal(expected, words);
    }

    [Fact]
    public void Reports_where_the_word_limit_is_first_exceeded()
    {
        PromptScanner.MeasureLength("alpha beta gamma delta", 2, 1000, out var words, out _, out var overflowAt, out _);
        Assert.Equal(4, words);
        Assert.Equal("alpha beta ".Length, overflowAt);
    }

    [Theory]
    [InlineData("image 1 is the first frame, the character and the style.", 3)]
    [InlineData("image 1 sets the art style; the character comes from image 2", 1)]
    [InlineData("image 1 for the background music and the camera movement", 2)]
    public void Counts_roles_in_the_clause_after_a_reference(string prompt, int expected)
    {
        Assert.Equal(expected, PromptScanner.CountRoles(prompt, "image 1".Length, prompt.Length, new List<string>()));
    }
}
