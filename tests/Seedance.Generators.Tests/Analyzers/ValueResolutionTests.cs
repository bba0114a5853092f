using System.Threading.Tasks;
using Seedance.Generators.CodeFixes;
using Xunit;
using Verify = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.SeedanceRequestAnalyzer>;
using VerifyClient = Seedance.Generators.Tests.Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.ClientModelsAnalyzer>;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>
/// The values real code carries, through the one value-resolution layer: each form once where it is
/// provable (diagnostic at its exact place, fix where there is one) and once where a write in a branch or a
/// loop makes it unknown (nothing reported).
/// </summary>
public sealed class ValueResolutionTests
{
    private const string OneImage = "ImageUrls = [\"https://example.com/a.jpg\"]";

    [Fact]
    public Task A_static_readonly_prompt_is_checked_at_its_use() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            static readonly string Style = "Use @Image1 for the style.";
            object M() => new ReferenceToVideoRequest { Prompt = {|SEED0001:Style|}, {{OneImage}} };
        }
        """);

    [Fact]
    public Task A_readonly_prompt_that_a_constructor_writes_is_unknown() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            readonly string _style = "Use @Image1 for the style.";
            C(bool plain) { if (plain) _style = "Plain."; }
            object M() => new ReferenceToVideoRequest { Prompt = _style, {{OneImage}} };
        }
        """);

    [Fact]
    public Task A_readonly_prompt_used_once_is_fixed_at_its_declaration() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>($$"""
        namespace MyApp;
        class C
        {
            private static readonly string Style = "Use @Image1 for the style.";
            object M() => new ReferenceToVideoRequest { Prompt = {|SEED0001:Style|}, {{OneImage}} };
        }
        """, $$"""
        namespace MyApp;
        class C
        {
            private static readonly string Style = "Use image 1 for the style.";
            object M() => new ReferenceToVideoRequest { Prompt = Style, {{OneImage}} };
        }
        """);

    [Fact]
    public Task A_readonly_prompt_used_twice_gets_no_fix() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>($$"""
        namespace MyApp;
        class C
        {
            private static readonly string Style = "Use @Image1 for the style.";
            object M() => new ReferenceToVideoRequest { Prompt = {|SEED0001:Style|}, {{OneImage}} };
            object N() => new ReferenceToVideoRequest { Prompt = {|SEED0001:Style|}, {{OneImage}} };
        }
        """, $$"""
        namespace MyApp;
        class C
        {
            private static readonly string Style = "Use @Image1 for the style.";
            object M() => new ReferenceToVideoRequest { Prompt = Style, {{OneImage}} };
            object N() => new ReferenceToVideoRequest { Prompt = Style, {{OneImage}} };
        }
        """.Replace("Prompt = Style", "Prompt = {|SEED0001:Style|}"), iterations: 0);

    [Fact]
    public Task A_single_assignment_local_prompt() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            object M()
            {
                var prompt = "Image 1 is the rider; image 3 is the street.";
                return new ReferenceToVideoRequest { Prompt = {|SEED0004:prompt|}, {{OneImage}} };
            }
        }
        """);

    [Fact]
    public Task A_local_prompt_written_in_a_branch_or_a_lambda_is_unknown() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            object M(bool night)
            {
                var prompt = "Image 1 is the rider; image 3 is the street.";
                if (night) prompt = "Image 1 at night.";
                return new ReferenceToVideoRequest { Prompt = prompt, {{OneImage}} };
            }
            object N()
            {
                var prompt = "Use @Image1.";
                System.Action reset = () => prompt = "Plain.";
                return new ReferenceToVideoRequest { Prompt = prompt, {{OneImage}} };
            }
            object O()
            {
                var prompt = "Use @Image1.";
                Change(ref prompt);
                return new ReferenceToVideoRequest { Prompt = prompt, {{OneImage}} };
            }
            static void Change(ref string text) => text = "Plain.";
        }
        """);

    /// <summary>Writes the review found that a first version missed: each leaves the value unknown.</summary>
    [Fact]
    public Task Writes_in_other_switch_sections_init_accessors_nested_deconstructions_and_static_order_are_seen() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            private readonly string _style = "Use @Image1 for the style.";
            public string Style { init => _style = value; }
            static readonly string Full = Tag + " in the rain.";
            static readonly string Tag = "Use @Image1";
            object Section(int k)
            {
                switch (k)
                {
                    case 0:
                        string prompt = "Image 1 rides; image 3 waits.";
                        return prompt;
                    default:
                        prompt = "Image 1 rides.";
                        return new ReferenceToVideoRequest { Prompt = prompt, {{OneImage}} };
                }
            }
            object Init() => new ReferenceToVideoRequest { Prompt = _style, {{OneImage}} };
            object Order() => new ReferenceToVideoRequest { Prompt = Full, {{OneImage}} };
            object Nested((string, int) pair)
            {
                var prompt = "Use @Image1.";
                ((prompt, _), _) = (pair, 0);
                return new ReferenceToVideoRequest { Prompt = prompt, {{OneImage}} };
            }
            object Replaced(bool b) => new Seedance.SeedanceRequest("seedance-2.0-reference-to-video", b ? "Use @Image1." : "Plain.") { Prompt = "Image 1 rides.", {{OneImage}} };
        }
        """);

    [Fact]
    public Task A_helper_s_lambda_parameter_of_the_same_name_is_not_its_parameter() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        namespace MyApp;
        class C
        {
            private static void Log(string text, List<string> prompts) => prompts.ForEach(text => Send(new ReferenceToVideoRequest { Prompt = text, ImageUrls = ["https://example.com/a.jpg"] }));
            private static void Send(object request) { }
            void M() => Log("Tagged @Image1 in the log.", new List<string>());
        }
        """);

    [Fact]
    public Task String_join_concat_and_format_over_known_parts() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            const string Scene = "A rainy street at night.";
            static readonly string Mood = "Moody light.";
            object Join() => new ReferenceToVideoRequest { Prompt = string.Join(" ", "Use {|SEED0001:@Image1|} for the style.", Scene, Mood), {{OneImage}} };
            object Concat() => new ReferenceToVideoRequest { Prompt = string.Concat(Scene, " Follow {|SEED0001:[Image1]|}."), {{OneImage}} };
            object Format() => new ReferenceToVideoRequest { Prompt = string.Format("{0} Then {|SEED0004:image 2|} takes over, {1}.", Scene, "{|SEED0001:@img1|} watching"), {{OneImage}} };
        }
        """);

    [Fact]
    public Task String_join_over_a_part_written_in_a_branch_reports_only_the_known_parts() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            object M(bool night)
            {
                var scene = "Follow @Image1.";
                if (night) scene = "Dark.";
                return new ReferenceToVideoRequest { Prompt = string.Join(" ", "Image 1 leads.", scene), {{OneImage}} };
            }
        }
        """);

    [Fact]
    public Task A_list_built_by_Add_in_straight_line_code() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        namespace MyApp;
        class C
        {
            object M()
            {
                var urls = new List<string>();
                urls.Add("https://example.com/a.jpg");
                urls.Add("https://example.com/b.jpg");
                return new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 are the riders; {|SEED0004:image 3|} is the street.", ImageUrls = urls };
            }
        }
        """);

    [Fact]
    public Task A_list_with_an_Add_in_a_loop_or_a_branch_is_unknown() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        namespace MyApp;
        class C
        {
            object Loop(string[] more)
            {
                var urls = new List<string>();
                urls.Add("https://example.com/a.jpg");
                foreach (var url in more) urls.Add(url);
                return new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 are the riders; image 3 is the street.", ImageUrls = urls };
            }
            object Branch(bool two)
            {
                var urls = new List<string> { "https://example.com/a.jpg" };
                if (two) urls.Add("https://example.com/b.jpg");
                return new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 are the riders.", ImageUrls = urls };
            }
            object Escape()
            {
                var urls = new List<string> { "https://example.com/a.jpg" };
                Fill(urls);
                return new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 are the riders.", ImageUrls = urls };
            }
            static void Fill(List<string> list) => list.Add("https://example.com/b.jpg");
        }
        """);

    [Fact]
    public Task Arrays_and_collection_expressions_in_locals_and_fields_spreads_and_ToArray() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        namespace MyApp;
        class C
        {
            static readonly string[] Styles = ["https://example.com/a.jpg", "https://example.com/b.jpg"];
            object Local()
            {
                string[] urls = ["https://example.com/a.jpg", "https://example.com/b.jpg"];
                return new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 ride; {|SEED0004:image 3|} waits.", ImageUrls = urls };
            }
            object Field() => new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 ride; {|SEED0004:image 3|} waits.", ImageUrls = Styles };
            object Spread() => new ReferenceToVideoRequest { Prompt = "Images 1 to 3 ride; {|SEED0004:image 4|} waits.", ImageUrls = [.. Styles, "https://example.com/c.jpg"] };
            object Copy()
            {
                var list = new List<string> { "https://example.com/a.jpg" };
                return new ReferenceToVideoRequest { Prompt = "Image 1 rides; {|SEED0004:image 2|} waits.", ImageUrls = list.ToArray() };
            }
        }
        """);

    [Fact]
    public Task A_local_array_reassigned_in_a_loop_is_unknown() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M(int rounds)
            {
                string[] urls = ["https://example.com/a.jpg"];
                for (var i = 0; i < rounds; i++) urls = [.. urls, "https://example.com/more.jpg"];
                return new ReferenceToVideoRequest { Prompt = "Image 1 and image 2 ride.", ImageUrls = urls };
            }
        }
        """);

    [Fact]
    public Task Each_arm_of_a_conditional_or_a_switch_is_checked_on_its_own() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            object Conditional(bool night) => new ReferenceToVideoRequest
            {
                Prompt = night ? "Use {|SEED0001:@Image1|} under neon." : "Use image 1 in daylight.",
                {{OneImage}},
            };
            object Switch(int mood) => new ReferenceToVideoRequest
            {
                Prompt = mood switch { 0 => "Image 1, calm.", 1 => "Image 1 and {|SEED0004:image 2|}, tense.", _ => "{|SEED0001:[Image1]|}, wild." },
                Quality = mood > 1 ? {|SEED0002:"1080p"|} : "720p",
                {{OneImage}},
            };
        }
        """);

    [Fact]
    public Task Fixes_land_in_the_arm_and_in_the_joined_literal() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>($$"""
        namespace MyApp;
        class C
        {
            const string Scene = "A rainy street.";
            object M(bool night) => new ReferenceToVideoRequest
            {
                Prompt = night ? "Use {|SEED0001:@Image1|} under neon." : "Use image 1 in daylight.",
                {{OneImage}},
            };
            object N() => new ReferenceToVideoRequest { Prompt = string.Join(" ", "Follow {|SEED0001:[Image1]|}.", Scene), {{OneImage}} };
        }
        """, $$"""
        namespace MyApp;
        class C
        {
            const string Scene = "A rainy street.";
            object M(bool night) => new ReferenceToVideoRequest
            {
                Prompt = night ? "Use image 1 under neon." : "Use image 1 in daylight.",
                {{OneImage}},
            };
            object N() => new ReferenceToVideoRequest { Prompt = string.Join(" ", "Follow image 1.", Scene), {{OneImage}} };
        }
        """, iterations: 2);

    [Fact]
    public Task A_conditional_through_a_local_written_in_a_branch_is_unknown() => Verify.VerifyAsync($$"""
        namespace MyApp;
        class C
        {
            object M(bool night)
            {
                var prompt = night ? "Use @Image1 under neon." : "Use image 1.";
                if (!night) prompt = "Plain.";
                return new ReferenceToVideoRequest { Prompt = prompt, {{OneImage}} };
            }
        }
        """);

    [Fact]
    public Task A_private_helper_s_parameter_is_checked_at_its_call_sites() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            private static ReferenceToVideoRequest Make(string text) => new ReferenceToVideoRequest { Prompt = text, ImageUrls = ["https://example.com/a.jpg"] };
            internal static ReferenceToVideoRequest Build(string text, string[] images) => new() { Prompt = text, ImageUrls = images };
            object M() => Make("Use {|SEED0001:@Image1|} for the style.");
            object N() => Build("Image 1 and {|SEED0004:image 2|}.", ["https://example.com/a.jpg"]);
        }
        """);

    [Fact]
    public Task A_helper_that_changes_its_parameter_or_is_public_is_not_followed() => Verify.VerifyAsync("""
        namespace MyApp;
        public class C
        {
            private static ReferenceToVideoRequest Make(string text)
            {
                text = text.Replace("@Image1", "image 1");
                return new ReferenceToVideoRequest { Prompt = text, ImageUrls = ["https://example.com/a.jpg"] };
            }
            public static ReferenceToVideoRequest Public(string text) => new() { Prompt = text, ImageUrls = ["https://example.com/a.jpg"] };
            object M() => Make("Use @Image1 for the style.");
            object N() => Public("Use @Image1 for the style.");
        }
        """);

    [Fact]
    public Task Three_images_on_image_to_video_is_one_SEED0006() => Verify.VerifyAsync("""
        namespace MyApp;
        class C
        {
            object M() => new ImageToVideoRequest
            {
                Prompt = "Image 1 opens, image 2 closes.",
                ImageUrls = {|SEED0006:["https://example.com/a.jpg", "https://example.com/b.jpg", "https://example.com/c.jpg"]|},
            };
        }
        """);

    [Fact]
    public Task A_local_constant_used_once_is_fixed_at_its_declaration() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        namespace MyApp;
        class C
        {
            object M()
            {
                const string quality = "1080p";
                return new TextToVideoRequest { Prompt = "A frog on a leaf.", Quality = {|SEED0002:quality|} };
            }
        }
        """, """
        namespace MyApp;
        class C
        {
            object M()
            {
                const string quality = "720p";
                return new TextToVideoRequest { Prompt = "A frog on a leaf.", Quality = quality };
            }
        }
        """);

    [Fact]
    public Task A_constant_with_another_use_gets_no_fix() => Verify.VerifyFixAsync<SeedanceCodeFixProvider>("""
        using Seedance;
        namespace MyApp;
        class C
        {
            const string Model = "seedance-2.0";
            object M() => new SeedanceRequest({|SEED0003:Model|}, "A frog on a leaf.");
            string N() => Model;
        }
        """, """
        using Seedance;
        namespace MyApp;
        class C
        {
            const string Model = "seedance-2.0";
            object M() => new SeedanceRequest({|SEED0003:Model|}, "A frog on a leaf.");
            string N() => Model;
        }
        """, iterations: 0);

    [Fact]
    public Task Unknown_IDs_in_the_client_attribute_are_SEED0003_on_their_strings() => VerifyClient.VerifyAsync("""
        using Seedance;
        namespace Other;
        [SeedanceClient(Models = new[] { {|SEED0003:"seedance-2.0"|}, "seedance-2.0-text-to-video", {|SEED0003:"seedance-2.0-reference-to-vidoe"|} })]
        public partial class Client { }
        [SeedanceClient(Models = new string[0])]
        public partial class Everything { }
        """, "MyApp");

    [Fact]
    public Task A_typo_in_the_client_attribute_is_fixed_to_the_nearest_ID() => Infrastructure.AnalyzerVerifier<Seedance.Generators.Analyzers.ClientModelsAnalyzer>.VerifyFixAsync<SeedanceCodeFixProvider>("""
        using Seedance;
        namespace Other;
        [SeedanceClient(Models = new[] { {|SEED0003:"seedance-2.0-reference-to-vidoe"|} })]
        public partial class Client { }
        """, """
        using Seedance;
        namespace Other;
        [SeedanceClient(Models = new[] { "seedance-2.0-reference-to-video" })]
        public partial class Client { }
        """, equivalenceKey: SeedanceCodeFixProvider.PreferredFixKey);
}
