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
    [InlineData("both reference images and three provided videos", "Image Count 2 'both reference images'|Video Count 3 'three provided videos'")]
    [InlineData("two attached audio clips", "Audio Count 2 'two attached audio clips'")]
    [InlineData("both images and three videos", "Image Collective 0 'images'|Video Collective 0 'videos'")]
    [InlineData("the image, the videos, audio", "Image Collective 0 'image'|Video Collective 0 'videos'|Audio Collective 0 'audio'")]
    [InlineData("img 2 and imgs", "Image Position 2 'img 2'|Image Collective 0 'imgs'")]
    [InlineData("@Image1 and [Video2] and @audio 3", "Image Tag 1 '@Image1'|Video Tag 2 '[Video2]'|Audio Tag 3 '@audio 3'")]
    [InlineData("@视频1 @音频2 ＠图片2 【@视频1】 【图片3】 @图1", "Video Tag 1 '@视频1'|Audio Tag 2 '@音频2'|Image Tag 2 '＠图片2'|Video Tag 1 '【@视频1】'|Image Tag 3 '【图片3】'|Image Tag 1 '@图1'")]
    [InlineData("@ video1, [@Video 2], @[Audio 1], {image1}", "Video Tag 1 '@ video1'|Video Tag 2 '[@Video 2]'|Audio Tag 1 '@[Audio 1]'|Image Tag 1 '{image1}'")]
    [InlineData("<<<Video1>>> <<<audio_1_3>>> <<<image_2>>>", "Video Tag 1 '<<<Video1>>>'|Audio Tag 1 '<<<audio_1_3>>>'|Image Tag 2 '<<<image_2>>>'")]
    [InlineData("@Video1-3, @imgs2, @pic1 @vid2 @Picture3 @image_2", "Video Tag 1 '@Video1-3'|Image Tag 2 '@imgs2'|Image Tag 1 '@pic1'|Video Tag 2 '@vid2'|Image Tag 3 '@Picture3'|Image Tag 2 '@image_2'")]
    [InlineData("studio@video1.com @video1fan @ 5 pm [Scene 2] {brand} <<<fade>>> [00:03]", "")]
    [InlineData("图片2 和 视频1 还有 音频 与 图三", "Image Position 2 '图片2'|Video Position 1 '视频1'|Audio Collective 0 '音频'|Image Position 3 '图三'")]
    [InlineData("a 4K image 2 at 720p", "Image Position 2 'image 2'")]
    [InlineData("video 1's camera movement", "Video Position 1 'video 1'")]
    [InlineData("imagery, videography, audiophile, imaginative", "")]
    [InlineData("one, two, first, second, both", "")]
    [InlineData("image 2x and image 0", "Image Collective 0 'image'|Image Collective 0 'image'")]
    [InlineData("", "")]
    [InlineData("video 360 turn, AUDIO 2000, video 2 seconds, video 1.5x, video 1:30, video 24/7, image 2,000", "Video Collective 0 'video'|Audio Collective 0 'AUDIO'|Video Collective 0 'video'|Video Collective 0 'video'|Video Collective 0 'video'|Video Collective 0 'video'|Image Collective 0 'image'")]
    [InlineData("her first video, a second image, the second video game, the first reference image", "Video Collective 0 'video'|Image Collective 0 'image'|Video Collective 0 'video'|Image Ordinal 1 'first reference image'")]
    [InlineData("image2 and video1's motion", "Image Position 2 'image2'|Video Position 1 'video1'")]
    [InlineData("图片1和3, 图1至3", "Image Position 1 '图片1'|Image Position 3 '3'|Image Position 1 '图1'|Image Position 2 '3'|Image Position 3 '3'")]
    [InlineData("参考图3 第二张图片 第二段视频 第一段音频 首帧图 三张参考图 3张参考图", "Image Position 3 '参考图3'|Image Ordinal 2 '第二张图片'|Video Ordinal 2 '第二段视频'|Audio Ordinal 1 '第一段音频'|Image Ordinal 1 '首帧图'|Image Count 3 '三张参考图'|Image Count 3 '3张参考图'")]
    [InlineData("他的第一个视频 第二个视频游戏 视频3秒 图片2倍 视频2000 地图1 截图3 和图一样 图片１", "Video Collective 0 '视频'|Video Collective 0 '视频'|Video Collective 0 '视频'|Image Collective 0 '图片'|Video Collective 0 '视频'|Image Position 1 '图片１'")]
    [InlineData("参考image 1的风格", "Image Position 1 'image 1'")]
    public void Finds_references(string prompt, string expected)
    {
        var references = new List<PromptReference>();
        PromptScanner.FindReferences(prompt, references);
        var actual = string.Join("|", references.Select(r => $"{r.Kind} {r.Form} {r.Number} '{prompt.Substring(r.Start, r.Length)}'"));
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Random text over the characters the grammar reacts to, cut anywhere (half-typed prompts end mid-tag):
    /// every rule runs to the end without an exception, and every span lies inside the prompt.
    /// </summary>
    [Fact]
    public void Never_throws_on_half_typed_or_hostile_text()
    {
        string[] pieces =
        [
            "@", "＠", "[", "]", "【", "】", "{", "}", "<<<", ">>>", "<", "第", "图", "图片", "视频", "音频", "首帧图", "参考", "张", "段", "的",
            "一", "三", "十", "两", "0", "1", "3", "99", "100", "１", "２", "image", "Video", "audio", "img", "pic", "the", "second", "both",
            "provided", " ", "_", "-", "–", "~", ",", ".", ":", "/", "'", "\u2018", "\u2019", "\u201C", "\u201D", "\n", "s", "x", "\uD83D\uDE00", "秒",
        ];
        var random = new System.Random(20261201);
        var matrix = Seedance.Generators.Matrix.MatrixSource.Default.Result.Matrix!;
        var violations = new List<RuleViolation>();
        for (var round = 0; round < 5000; round++)
        {
            var builder = new System.Text.StringBuilder();
            var count = random.Next(1, 24);
            for (var i = 0; i < count; i++) builder.Append(pieces[random.Next(pieces.Length)]);
            var prompt = builder.ToString();
            violations.Clear();
            RequestRules.Check(matrix, new RequestFacts
            {
                ModelId = "seedance-2.0-reference-to-video",
                Prompt = prompt,
                Images = AssetFacts.Of(["https://example.com/a.jpg"]),
                Videos = AssetFacts.None,
                Audios = AssetFacts.None,
            }, violations);
            foreach (var violation in violations)
            {
                if (violation.Target != RuleTarget.Prompt) continue;
                Assert.True(violation.Start >= 0 && violation.Length > 0 && violation.Start + violation.Length <= prompt.Length, $"{violation.Rule.Id} at {violation.Start}+{violation.Length} in '{prompt}'");
                if (violation.Rule == RuleCatalog.TagSyntax.Info) Assert.True(violation.Fix is RuleFix.Rewrite { Text.Length: > 0 });
            }
        }
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
