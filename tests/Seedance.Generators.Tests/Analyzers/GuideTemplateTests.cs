using System.Threading.Tasks;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;
using Verify = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.SeedanceRequestAnalyzer>;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>The provider's guide: its ten templates are correct, its six common mistakes are not.</summary>
public sealed class GuideTemplateTests
{
    [Fact]
    public Task The_ten_templates_of_the_sample_produce_no_diagnostic() =>
        Verify.VerifyAsync(GeneratorHarness.ReadRepoFile("samples/Seedance.Samples/GuideTemplates.cs"), "Seedance.Samples");

    [Fact]
    public Task Mistake_1_tag_syntax() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Use {|SEED0001:@Image1|} for the style; the camera follows {|SEED0001:@Video1|}.",
                ImageUrls = ["https://example.com/style.jpg"],
                VideoUrls = ["https://example.com/pov.mp4"],
            };
        }
        """);

    [Fact]
    public Task Mistake_2_one_asset_with_several_roles() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "{|SEED0014:Image 1|} is the first frame, the character reference, and the style reference. Video 1 drives the camera.",
                ImageUrls = ["https://example.com/a.jpg"],
                VideoUrls = ["https://example.com/pov.mp4"],
            };
        }
        """);

    [Fact]
    public Task Mistake_3_reference_beyond_the_array() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Image 1 is the character; {|SEED0004:image 3|} sets the style.",
                ImageUrls = ["https://example.com/a.jpg", {|SEED0011:"https://example.com/b.jpg"|}],
            };
        }
        """);

    [Fact]
    public Task Mistake_4_audio_without_visual_anchor() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new ReferenceToVideoRequest
            {
                Prompt = "Use audio 1 as the soundtrack. Scene: waves at night.",
                AudioUrls = {|SEED0005:["https://example.com/a.mp3"]|},
            };
        }
        """);

    [Fact]
    public Task Mistake_5_quality_1080p() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new TextToVideoRequest
            {
                Prompt = "A frog on a leaf.",
                Quality = {|SEED0002:"1080p"|},
            };
        }
        """);

    [Fact]
    public Task Mistake_6_bare_model_id() => Verify.VerifyAsync("""
        using Seedance;
        namespace MyApp;
        class C
        {
            object M() => new SeedanceRequest({|SEED0003:"seedance-2.0"|}, "A frog on a leaf.");
        }
        """);
}
