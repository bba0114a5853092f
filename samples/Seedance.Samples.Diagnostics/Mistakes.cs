using System.Collections.Generic;
using Seedance;

namespace Seedance.Samples.Diagnostics;

[SeedanceClient]
public partial class VideoClient
{
}

/// <summary>One mistake per rule, each as the user would write it; the comment names the rule.</summary>
public static class Mistakes
{
    // SEED0001: tag syntax the API does not parse.
    public static object TagSyntax() => new ReferenceToVideoRequest
    {
        Prompt = "Use @Image1 for the art style.",
        ImageUrls = ["https://example.com/style.jpg"],
    };

    // SEED0002: 1080p is not a Seedance 2.0 quality.
    public static object Quality1080p() => new TextToVideoRequest { Prompt = "A glass frog on a leaf.", Quality = "1080p" };

    // SEED0003: the retired bare model ID.
    public static object BareModelId() => new SeedanceRequest("seedance-2.0", "A glass frog on a leaf.");

    // SEED0004: "image 3" with two images attached.
    public static object ReferenceBeyondArray() => new ReferenceToVideoRequest
    {
        Prompt = "Image 1 and image 2 set the style; image 3 is the rider.",
        ImageUrls = ["https://example.com/a.jpg", "https://example.com/b.jpg"],
    };

    // SEED0005: audio with no visual anchor.
    public static object AudioOnly() => new ReferenceToVideoRequest
    {
        Prompt = "Use audio 1 as the soundtrack; waves at night.",
        AudioUrls = ["https://example.com/waves.mp3"],
    };

    // SEED0006: ten images, where reference-to-video takes nine.
    public static object TenImages() => new ReferenceToVideoRequest
    {
        Prompt = "The images set the style.",
        ImageUrls = ["https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg", "https://example.com/4.jpg", "https://example.com/5.jpg",
                     "https://example.com/6.jpg", "https://example.com/7.jpg", "https://example.com/8.jpg", "https://example.com/9.jpg", "https://example.com/10.jpg"],
    };

    // SEED0007: 20 seconds, where every 2.0 model takes 4-15.
    public static object LongDuration() => new TextToVideoRequest { Prompt = "A glass frog on a leaf.", Duration = 20 };

    // SEED0008: over 1000 English words.
    public static object LongPrompt() => new TextToVideoRequest { Prompt = LongText + " leaps." };

    private const string LongText = "frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog frog";

    // SEED0009: an aspect ratio no model takes.
    public static object OddRatio() => new TextToVideoRequest { Prompt = "A glass frog on a leaf.", AspectRatio = "2:1" };

    // SEED0010: Base64 inlined instead of a URL.
    public static object InlineImage() => new ImageToVideoRequest
    {
        Prompt = "Use the provided image as the first frame.",
        ImageUrls = ["data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="],
    };

    // SEED0011: image 2 is attached but never named.
    public static object UnreferencedImage() => new ReferenceToVideoRequest
    {
        Prompt = "Image 1 is the character; image 3 sets the style.",
        ImageUrls = ["https://example.com/a.jpg", "https://example.com/b.jpg", "https://example.com/c.jpg"],
    };

    // SEED0012: reference-to-video with no assets: text-to-video is cheaper.
    public static object BetterModel() => new ReferenceToVideoRequest { Prompt = "A glass frog on a leaf." };

    // SEED0013: curly quotes are not spoken.
    public static object CurlyDialogue() => new TextToVideoRequest { Prompt = "She turns and says: \u201CYou finally understood.\u201D" };

    // SEED0014: one image, three roles.
    public static object SeveralRoles() => new ReferenceToVideoRequest
    {
        Prompt = "Image 1 is the first frame, the character reference, and the style reference. Video 1 drives the camera.",
        ImageUrls = ["https://example.com/a.jpg"],
        VideoUrls = ["https://example.com/pov.mp4"],
    };
}
