using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance.Samples;

/// <summary>One of the guide's templates: its name, its body as sent, and the typed call that runs it.</summary>
public sealed record GuideTemplate(
    string Name,
    SeedanceRequest Body,
    Func<VideoClient, IProgress<VideoTask>?, CancellationToken, Task<VideoTask>> Generate);

/// <summary>
/// The ten copy-paste templates of the provider's "Seedance 2.0 Multimodal Reference Guide", as typed
/// requests. Each compiles without a single Seedance diagnostic: they are the guide's correct examples.
/// </summary>
public static class GuideTemplates
{
    public static ImageToVideoRequest SingleImageFirstFrame => new()
    {
        Prompt = "Use the provided image as the first frame. The camera slowly pushes in, the person lifts her head and smiles, wind moves her hair gently.",
        ImageUrls = ["https://example.com/portrait.jpg"],
        Duration = 5,
        Quality = VideoQuality.P720,
    };

    public static ImageToVideoRequest FirstLastFrameTransition => new()
    {
        Prompt = "Smoothly transition from the first image to the second. Use camera panning and lighting changes to bridge the two scenes.",
        ImageUrls = ["https://example.com/sunrise.jpg", "https://example.com/sunset.jpg"],
        Duration = 6,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static ReferenceToVideoRequest ArtStyleTransfer => new()
    {
        Prompt = "The overall art style references the color palette, lighting, and texture of the 3 provided images. Scene: a small-town summer market at dusk, crowds moving through warm amber light.",
        ImageUrls = ["https://example.com/style-1.jpg", "https://example.com/style-2.jpg", "https://example.com/style-3.jpg"],
        Duration = 8,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static ReferenceToVideoRequest CharacterConsistency => new()
    {
        Prompt = "The female character's appearance stays consistent with image 1. Scene: she walks into a vintage cafe, orders a latte, sits by the window, and opens a book.",
        ImageUrls = ["https://example.com/character-ref.jpg"],
        Duration = 8,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static ReferenceToVideoRequest CameraReplication => new()
    {
        Prompt = "Replicate video 1's orbital camera movement and velocity curve. Subject replaced with a classical sculpture in a museum hall at dusk.",
        VideoUrls = ["https://example.com/orbit-shot.mp4"],
        Duration = 8,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static ReferenceToVideoRequest MusicDrivenPacing => new()
    {
        Prompt = "Use audio 1 as the soundtrack for the entire video; shot changes sync with the beat. Scene: fast cuts of city night life — neon, raindrops, silhouettes, cab headlights flashing past.",
        ImageUrls = ["https://example.com/city-mood.jpg"],
        AudioUrls = ["https://example.com/synthwave.mp3"],
        Duration = 10,
        Quality = "720p",
    };

    public static ReferenceToVideoRequest ThreeModalComposition => new()
    {
        Prompt = "The character's appearance references image 1; replicate video 1's first-person perspective and camera pacing; use audio 1 as background music throughout. Scene: a young rider weaving through rain-soaked Tokyo streets, neon reflections on the asphalt.",
        ImageUrls = ["https://example.com/rider.jpg"],
        VideoUrls = ["https://example.com/pov.mp4"],
        AudioUrls = ["https://example.com/bgm.mp3"],
        Duration = 10,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static ReferenceToVideoRequest ProductAd => new()
    {
        Prompt = "The sneaker's appearance stays identical to image 1 — upper color, laces, and logo all match. Scene: the shoe rotates slowly on a transparent acrylic pedestal, soft studio lighting, gray gradient background.",
        ImageUrls = ["https://example.com/sneaker.jpg"],
        Duration = 6,
        Quality = "720p",
        AspectRatio = "1:1",
    };

    public static TextToVideoRequest PureText => new()
    {
        Prompt = "A macro lens focuses on a green glass frog on a leaf. The focus gradually shifts from its smooth skin to its completely transparent abdomen, where a bright red heart is beating powerfully and rhythmically.",
        Duration = 8,
        Quality = "720p",
        AspectRatio = "16:9",
    };

    public static TextToVideoRequest Dialogue => new()
    {
        Prompt = "She stops, turns to the boy, and says: \"You finally understood.\" Close-up on her face, expression shifting from determination to warmth.",
        Duration = 6,
        Quality = "720p",
        GenerateAudio = true,
    };

    /// <summary>The ten templates in the guide's order, each with the generated method that runs it.</summary>
    public static IReadOnlyList<GuideTemplate> All =>
    [
        new("1 Single image as first frame", SingleImageFirstFrame.ToSeedanceRequest(), (c, p, t) => c.GenerateImageToVideoAsync(SingleImageFirstFrame, p, t)),
        new("2 First-last-frame transition", FirstLastFrameTransition.ToSeedanceRequest(), (c, p, t) => c.GenerateImageToVideoAsync(FirstLastFrameTransition, p, t)),
        new("3 Art style transfer", ArtStyleTransfer.ToSeedanceRequest(), (c, p, t) => c.GenerateReferenceToVideoAsync(ArtStyleTransfer, p, t)),
        new("4 Character consistency", CharacterConsistency.ToSeedanceRequest(), (c, p, t) => c.GenerateReferenceToVideoAsync(CharacterConsistency, p, t)),
        new("5 Camera replication", CameraReplication.ToSeedanceRequest(), (c, p, t) => c.GenerateReferenceToVideoAsync(CameraReplication, p, t)),
        new("6 Music-driven pacing", MusicDrivenPacing.ToSeedanceRequest(), (c, p, t) => c.GenerateReferenceToVideoAsync(MusicDrivenPacing, p, t)),
        new("7 Full three-modal composition", ThreeModalComposition.ToSeedanceRequest(), (c, p, t) => c.GenerateReferenceToVideoAsync(ThreeModalComposition, p, t)),
        new("8 Product ad", ProductAd.ToSeedanceRequest(), (c, p, t) => c.GenerateReferenceToVideoAsync(ProductAd, p, t)),
        new("9 Pure text", PureText.ToSeedanceRequest(), (c, p, t) => c.GenerateTextToVideoAsync(PureText, p, t)),
        new("10 Dialogue", Dialogue.ToSeedanceRequest(), (c, p, t) => c.GenerateTextToVideoAsync(Dialogue, p, t)),
    ];
}
