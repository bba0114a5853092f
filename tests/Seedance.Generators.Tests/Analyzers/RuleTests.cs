using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Verify = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.SeedanceRequestAnalyzer>;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>Every rule from C#, with squiggles on the offending characters in every kind of literal.</summary>
public sealed class RuleTests
{
    private static string Request(string type, string body) => $$"""
        using Seedance;
        namespace MyApp;
        class C
        {
            const string Style = "Use image 1 for the style.";
            object M() => new {{type}}
            {
        {{body}}
            };
        }
        """;

    // ---- literal kinds (SEED0001 as the probe) ----

    [Fact]
    public Task Verbatim_literal() => Verify.VerifyAsync(Request("TextToVideoRequest", """
                Prompt = @"A ""quoted"" word, then {|SEED0001:@Image1|}.",
        """));

    [Fact]
    public Task Escape_sequences_map_to_their_source_characters() => Verify.VerifyAsync(Request("TextToVideoRequest", """
                Prompt = "Tab\there, then {|SEED0001:\u0040Image1|} and \"quotes\".",
        """));

    [Fact]
    public Task Raw_single_line_literal() => Verify.VerifyAsync(Request("TextToVideoRequest", """"
                Prompt = """Style of {|SEED0001:[Image1]|}, with "quotes".""",
        """"));

    [Fact]
    public Task Raw_multi_line_literal_with_indentation() => Verify.VerifyAsync(Request("TextToVideoRequest", """"
                Prompt = """
                    First line.
                    Then {|SEED0001:@Video2|} moves.
                    """,
        """"));

    [Fact]
    public Task Interpolated_string_text_parts() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M(string subject) => new TextToVideoRequest { Prompt = $"A {subject} walks; {|SEED0001:@Audio1|} plays {{loud}}." };
        }
        """);

    [Fact]
    public Task Verbatim_interpolated_string() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M(string subject) => new TextToVideoRequest { Prompt = $@"A ""{subject}"" and {|SEED0001:@Image1|}." };
        }
        """);

    [Fact]
    public Task Constant_concatenation_points_into_the_literal_part() => Verify.VerifyAsync(Request("ReferenceToVideoRequest", """
                Prompt = Style + " The rider is {|SEED0004:image 2|}.",
                ImageUrls = ["https://example.com/a.jpg"],
        """));

    [Fact]
    public Task Concatenating_null_keeps_the_squiggle_on_the_characters() => Verify.VerifyAsync(Request("TextToVideoRequest", """
                Prompt = "Use {|SEED0001:@Image1|} now" + null,
        """));

    [Fact]
    public Task A_const_field_is_checked_and_reported_at_its_use() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            const string Bad = "Follow @Video1 closely.";
            object M() => new TextToVideoRequest { Prompt = {|SEED0001:Bad|} };
        }
        """);

    [Fact]
    public Task Utf8_literal_for_a_byte_span_prompt_parameter() => Verify.VerifyAsync("""
        using System;
        using Seedance;
        namespace MyApp;
        class C
        {
            static void Send([SeedancePrompt] ReadOnlySpan<byte> prompt) { }
            void M() => Send("Use {|SEED0001:@Image2|} as the style."u8);
        }
        """);

    [Fact]
    public Task Implicit_conversions_outside_a_request_are_checked_against_every_model() => Verify.VerifyAsync("""
        using Seedance;
        namespace MyApp;
        class C
        {
            static readonly VideoQuality Best = {|SEED0002:"1080p"|};
            static readonly VideoQuality Fine = "480p";
            static AspectRatio Wide() => {|SEED0009:"32:9"|};
            static AspectRatio Square() => "1:1";
        }
        """);

    // ---- one rule each ----

    [Theory]
    [InlineData("images 1 and {|SEED0004:3|}")]
    [InlineData("the {|SEED0004:third image|}")]
    [InlineData("the {|SEED0004:3 provided images|}")]
    [InlineData("{|SEED0004:图片3|}")]
    public Task SEED0004_references_beyond_the_array(string phrase) => Verify.VerifyAsync(Request("ReferenceToVideoRequest", $$"""
                Prompt = "Scene with {{phrase}}; video 1 sets the pace. The images set the mood.",
                ImageUrls = ["https://example.com/a.jpg", "https://example.com/b.jpg"],
                VideoUrls = ["https://example.com/v.mp4"],
        """));

    [Fact]
    public Task SEED0006_ten_images() => Verify.VerifyAsync(Request("ReferenceToVideoRequest", $$"""
                Prompt = "Use the images for the style.",
                ImageUrls = {|SEED0006:[{{string.Join(", ", Enumerable.Range(1, 10).Select(i => $"\"https://example.com/{i}.jpg\""))}}]|},
        """));

    [Fact]
    public Task SEED0006_image_to_video_without_an_image() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new {|SEED0006:ImageToVideoRequest|} { Prompt = "The camera pushes in." };
        }
        """);

    [Fact]
    public Task SEED0006_any_asset_on_text_to_video_and_over_twelve_files() => Verify.VerifyAsync($$"""
        using Seedance;
        namespace MyApp;
        class C
        {
            object Text() => new SeedanceRequest("seedance-2.0-text-to-video", "A frog.") { ImageUrls = {|SEED0006:["https://example.com/a.jpg"]|} };
            object Many() => new SeedanceRequest("seedance-2.0-reference-to-video", "Use the images, the videos and the audio.")
            {
                ImageUrls = [{{string.Join(", ", Enumerable.Range(1, 9).Select(i => $"\"https://example.com/{i}.jpg\""))}}],
                VideoUrls = ["https://example.com/1.mp4", "https://example.com/2.mp4", "https://example.com/3.mp4"],
                AudioUrls = ["https://example.com/1.mp3"],
            };
        }
        """.Replace("object Many() => new SeedanceRequest(", "object Many() => new {|SEED0006:SeedanceRequest|}("));

    [Fact]
    public Task SEED0008_prompt_over_1000_words() => Verify.VerifyAsync(Request("TextToVideoRequest", $$"""
                Prompt = "{{string.Join(" ", Enumerable.Repeat("frog", 1000))}} {|SEED0008:leaps over the pond|}",
        """));

    [Fact]
    public Task SEED0009_unsupported_aspect_ratio() => Verify.VerifyAsync(Request("TextToVideoRequest", """
                Prompt = "A frog.",
                AspectRatio = {|SEED0009:"2:1"|},
        """));

    [Fact]
    public Task SEED0010_urls_the_api_will_not_take() => Verify.VerifyAsync(Request("ReferenceToVideoRequest", """
                Prompt = "Use the images for the style.",
                ImageUrls = [{|SEED0010:"data:image/png;base64,iVBORw0KGgo="|}, {|SEED0010:"ftp://example.com/a.jpg"|}, {|SEED0010:"https://example.com/a.gif"|}, "https://example.com/no-extension"],
        """));

    [Fact]
    public Task SEED0002_through_a_with_expression_and_new() => Verify.VerifyAsync("""
        using Seedance;
        namespace MyApp;
        class C
        {
            object M(TextToVideoRequest request) => request with { Quality = {|SEED0002:new VideoQuality("1080p")|} };
        }
        """);

    [Fact]
    public Task Attributed_parameters_are_checked() => Verify.VerifyAsync("""
        using Seedance;
        namespace MyApp;
        class C
        {
            static void Send([SeedancePrompt] string prompt, [SeedanceModelId] string model) { }
            void M() => Send("Follow {|SEED0001:@Video1|}.", {|SEED0003:"seedance-2.0"|});
        }
        """);

    // ---- no false positives ----

    [Fact]
    public Task Facts_known_only_at_run_time_are_not_judged() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        namespace MyApp;
        class C
        {
            object M(IReadOnlyList<string> images, int duration, string quality, string prompt) => new ReferenceToVideoRequest
            {
                Prompt = prompt + " image 7 is the style.",
                ImageUrls = images,
                Duration = duration,
                Quality = quality,
            };
            object N(string[] more) => new ReferenceToVideoRequest
            {
                Prompt = "Image 4 is the style.",
                ImageUrls = ["https://example.com/a.jpg", .. more],
            };
        }
        """);

    [Fact]
    public Task Apostrophes_numbers_and_spoken_dialogue_are_fine() => Verify.VerifyAsync(Request("ReferenceToVideoRequest", """
                Prompt = "Replicate video 1's orbit at 720p in 4K style; the rider's jacket from image 1. She says: \"It's time.\" 3 cats watch.",
                ImageUrls = ["https://example.com/a.jpg"],
                VideoUrls = ["https://example.com/v.mp4"],
        """));
}
