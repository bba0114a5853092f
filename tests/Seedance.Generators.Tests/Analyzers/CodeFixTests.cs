using System.Threading.Tasks;
using Seedance.Generators.CodeFixes;
using Xunit;
using Verify = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.SeedanceRequestAnalyzer>;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>Each fix, applied one diagnostic at a time and with Fix All (both checked by the test framework).</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task SEED0001_tags_become_plain_language() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Use {|SEED0001:@Image1|} for the style; the camera follows {|SEED0001:[Video1]|}.",
                ImageUrls = ["https://example.com/style.jpg"],
                VideoUrls = ["https://example.com/pov.mp4"],
            };
        }
        """, """
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Use image 1 for the style; the camera follows video 1.",
                ImageUrls = ["https://example.com/style.jpg"],
                VideoUrls = ["https://example.com/pov.mp4"],
            };
        }
        """, iterations: 2);

    [Fact]
    public Task SEED0001_every_at_and_bracket_family_in_a_regular_literal() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Use {|SEED0001:@ video1|} and {|SEED0001:[@Video 2]|}, {|SEED0001:@[Audio 1]|} and {|SEED0001:{image1}|}; cut between {|SEED0001:@Video1-3|}.",
                ImageUrls = ["https://example.com/style.jpg"],
                VideoUrls = ["https://example.com/a.mp4", "https://example.com/b.mp4", "https://example.com/c.mp4"],
                AudioUrls = ["https://example.com/bgm.mp3"],
            };
        }
        """, """
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Use video 1 and video 2, audio 1 and image 1; cut between videos 1–3.",
                ImageUrls = ["https://example.com/style.jpg"],
                VideoUrls = ["https://example.com/a.mp4", "https://example.com/b.mp4", "https://example.com/c.mp4"],
                AudioUrls = ["https://example.com/bgm.mp3"],
            };
        }
        """, iterations: 5);

    [Fact]
    public Task SEED0001_Chinese_tags_in_a_verbatim_literal_become_Chinese() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = @"参考{|SEED0001:@图片1|}的风格，{|SEED0001:【@视频1】|}的运镜，{|SEED0001:＠音频1|}作为背景音乐，{|SEED0001:@Image2|}是主角。",
                ImageUrls = ["https://example.com/style.jpg", "https://example.com/hero.jpg"],
                VideoUrls = ["https://example.com/pov.mp4"],
                AudioUrls = ["https://example.com/bgm.mp3"],
            };
        }
        """, """
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = @"参考图片1的风格，视频1的运镜，音频1作为背景音乐，图片2是主角。",
                ImageUrls = ["https://example.com/style.jpg", "https://example.com/hero.jpg"],
                VideoUrls = ["https://example.com/pov.mp4"],
                AudioUrls = ["https://example.com/bgm.mp3"],
            };
        }
        """, iterations: 4);

    [Fact]
    public Task SEED0001_Seedance_2_5_tags_in_a_raw_literal() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>(""""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = """A night chase. Follow {|SEED0001:<<<Video1>>>|}; the beat comes from {|SEED0001:<<<audio_1_2>>>|}.""",
                VideoUrls = ["https://example.com/pov.mp4"],
                AudioUrls = ["https://example.com/a.mp3", "https://example.com/b.mp3"],
            };
        }
        """", """"
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = """A night chase. Follow video 1; the beat comes from audio 1–2.""",
                VideoUrls = ["https://example.com/pov.mp4"],
                AudioUrls = ["https://example.com/a.mp3", "https://example.com/b.mp3"],
            };
        }
        """", iterations: 2);

    [Fact]
    public Task SEED0001_tags_in_an_interpolated_string_text_part() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            const string Mood = "rainy";
            object M() => new ImageToVideoRequest
            {
                Prompt = $"A {Mood} street. Start from {|SEED0001:@img1|}, end on {|SEED0001:[Picture 2]|}.",
                ImageUrls = ["https://example.com/first.jpg", "https://example.com/last.jpg"],
            };
        }
        """, """
        namespace MyApp;
        class C
        {
            const string Mood = "rainy";
            object M() => new ImageToVideoRequest
            {
                Prompt = $"A {Mood} street. Start from image 1, end on image 2.",
                ImageUrls = ["https://example.com/first.jpg", "https://example.com/last.jpg"],
            };
        }
        """, iterations: 2);

    [Fact]
    public Task SEED0003_a_typo_gets_the_nearest_ID_first() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest({|SEED0003:"seedance-2.0-reference-to-vidoe"|}, "Use image 1 as the style.") { ImageUrls = ["https://example.com/a.jpg"] };
        }
        """, """
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest("seedance-2.0-reference-to-video", "Use image 1 as the style.") { ImageUrls = ["https://example.com/a.jpg"] };
        }
        """, equivalenceKey: SeedanceCodeFixProvider.PreferredFixKey);

    [Fact]
    public Task SEED0002_quality_becomes_the_best_supported() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M() => new TextToVideoRequest { Prompt = "A frog on a leaf.", Quality = {|SEED0002:"1080p"|} };
        }
        """, """
        namespace MyApp;
        class C
        {
            object M() => new TextToVideoRequest { Prompt = "A frog on a leaf.", Quality = "720p" };
        }
        """);

    [Theory]
    [InlineData("seedance-2.0-text-to-video")]
    [InlineData("seedance-2.0-fast-text-to-video")]
    [InlineData("seedance-2.0-mini-text-to-video")]
    public Task SEED0003_offers_each_model_that_fits_the_assets(string id) => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest({|SEED0003:"seedance-2.0"|}, "A frog on a leaf.");
        }
        """, $$"""
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest("{{id}}", "A frog on a leaf.");
        }
        """, equivalenceKey: id == "seedance-2.0-text-to-video" ? SeedanceCodeFixProvider.PreferredFixKey : $"SEED0003:Use model '{id}'");

    [Fact]
    public Task SEED0007_duration_becomes_the_nearest_allowed() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object Long() => new TextToVideoRequest { Prompt = "A frog.", Duration = {|SEED0007:20|} };
            object Short() => new TextToVideoRequest { Prompt = "A frog.", Duration = {|SEED0007:2|} };
        }
        """, """
        namespace MyApp;
        class C
        {
            object Long() => new TextToVideoRequest { Prompt = "A frog.", Duration = 15 };
            object Short() => new TextToVideoRequest { Prompt = "A frog.", Duration = 4 };
        }
        """, iterations: 2);

    [Fact]
    public Task SEED0012_switches_the_request_type() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M() => new {|SEED0012:ReferenceToVideoRequest|} { Prompt = "A frog on a leaf." };
            object F() => new {|SEED0012:FastReferenceToVideoRequest|} { Prompt = "Use the first frame.", ImageUrls = ["https://example.com/a.jpg"] };
        }
        """, """
        namespace MyApp;
        class C
        {
            object M() => new TextToVideoRequest { Prompt = "A frog on a leaf." };
            object F() => new FastImageToVideoRequest { Prompt = "Use the first frame.", ImageUrls = ["https://example.com/a.jpg"] };
        }
        """, iterations: 2);

    [Fact]
    public Task SEED0012_switches_the_model_id() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest({|SEED0012:"seedance-2.0-reference-to-video"|}, "A frog on a leaf.");
        }
        """, """
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest("seedance-2.0-text-to-video", "A frog on a leaf.");
        }
        """);

    [Fact]
    public Task SEED0013_curly_and_single_quotes_become_straight_in_every_literal_kind() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>(""""
        namespace MyApp;
        class C
        {
            object Regular() => new TextToVideoRequest { Prompt = "She says: {|SEED0013:“You finally understood.”|} Close-up." };
            object Verbatim() => new TextToVideoRequest { Prompt = @"She says: {|SEED0013:'You finally understood.'|} Close-up." };
            object Raw() => new TextToVideoRequest { Prompt = """She whispers {|SEED0013:‘Come home.’|} Close-up.""" };
        }
        """", """"
        namespace MyApp;
        class C
        {
            object Regular() => new TextToVideoRequest { Prompt = "She says: \"You finally understood.\" Close-up." };
            object Verbatim() => new TextToVideoRequest { Prompt = @"She says: ""You finally understood."" Close-up." };
            object Raw() => new TextToVideoRequest { Prompt = """She whispers "Come home." Close-up.""" };
        }
        """", iterations: 3);

    /// <summary>
    /// A tag inside curly quotes: the quote fix edits only the two quote characters, so Fix All rewrites the tag
    /// and the quotes in one pass, where one fix at a time takes two.
    /// </summary>
    [Fact]
    public Task SEED0013_and_SEED0001_inside_the_same_passage_are_fixed_together() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "She says {|SEED0013:“Look at {|SEED0001:@Image1|} now.”|} Close-up.",
                ImageUrls = ["https://example.com/a.jpg"],
            };
        }
        """, """
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "She says \"Look at image 1 now.\" Close-up.",
                ImageUrls = ["https://example.com/a.jpg"],
            };
        }
        """, iterations: 2);
}
