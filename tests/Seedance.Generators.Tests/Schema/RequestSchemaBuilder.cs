using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Seedance.Rules;

namespace Seedance.Generators.Tests.Schema;

/// <summary>
/// Derives <c>schema/seedance.request.schema.json</c> — the JSON Schema 2020-12 of request bodies
/// (<c>*.seedance.json</c> files) — from the model matrix. This is the only place the derivation is
/// written; <see cref="RequestSchemaTests"/> fails when the committed schema and the matrix drift apart.
/// </summary>
/// <remarks>
/// Shape: the root lists the model IDs as an <c>enum</c> (completion, and a plain error for an unknown
/// ID) and holds one <c>if</c>/<c>then</c> per model in an <c>allOf</c>; each <c>then</c> points to a
/// self-contained <c>$defs</c> entry named by the model ID, with <c>additionalProperties: false</c>.
/// Exactly one branch applies to a body, so editors complete and report against that model alone.
/// Key order follows this code and the matrix order; nothing depends on hashing or culture.
/// </remarks>
internal static class RequestSchemaBuilder
{
    public const string SchemaPath = "schema/seedance.request.schema.json";
    public const string MatrixPath = "schema/seedance.models.json";
    public const string SchemaId = "https://seedance-generators.dev/schema/seedance.request.schema.json";

    /// <summary>The URL pattern of every asset item: http or https, no whitespace (so no Base64 or data: URI).</summary>
    public const string UrlPattern = @"^https?://\S+$";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema text for a matrix file's text: 2-space indentation, LF line ends, a trailing newline.</summary>
    public static string BuildText(string matrixText) => Build(matrixText).ToJsonString(WriteOptions) + "\n";

    public static JsonObject Build(string matrixText)
    {
        var result = MatrixReader.Read(matrixText);
        if (result.Matrix is not { } matrix)
        {
            throw new InvalidOperationException("The matrix is invalid: " + string.Join("; ", result.Errors));
        }
        return Build(matrix);
    }

    public static JsonObject Build(ModelMatrix matrix)
    {
        var ids = new JsonArray();
        var dispatch = new JsonArray();
        var defs = new JsonObject();
        foreach (var model in matrix.Models)
        {
            ids.Add(model.Id);
            dispatch.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["model"] = new JsonObject { ["const"] = model.Id } },
                    ["required"] = new JsonArray("model"),
                },
                ["then"] = new JsonObject { ["$ref"] = "#/$defs/" + model.Id },
            });
            defs[model.Id] = ModelBranch(model);
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["$comment"] = "Generated from seedance.models.json by tests/Seedance.Generators.Tests/Schema/RequestSchemaBuilder.cs; do not edit by hand. Regenerate: SEEDANCE_UPDATE_SNAPSHOTS=1 dotnet test tests/Seedance.Generators.Tests --filter RequestSchema",
            ["title"] = "Seedance request body",
            ["description"] = "The body of POST /v1/videos/generations for one Seedance 2.0 model. \"model\" decides which other fields are allowed and their limits. Seedance.Generators checks *.seedance.json files with the same rules (SEED0001–SEED0014) when the project builds.",
            ["type"] = "object",
            ["required"] = new JsonArray("model"),
            ["properties"] = new JsonObject
            {
                ["$schema"] = SchemaProperty(),
                ["model"] = new JsonObject
                {
                    ["type"] = "string",
                    ["enum"] = ids,
                    ["description"] = "The full model ID; the bare \"seedance-2.0\" is not one. The model decides the accepted assets, durations, qualities, aspect ratios and extra fields.",
                },
            },
            ["allOf"] = dispatch,
            ["$defs"] = defs,
        };
    }

    private static JsonObject SchemaProperty() => new()
    {
        ["type"] = "string",
        ["description"] = "Path or URL of this JSON Schema, for editors; not sent to the API.",
    };

    private static JsonObject ModelBranch(ModelSpec model)
    {
        var required = new JsonArray("model");
        if (model.PromptRequired) required.Add("prompt");

        var properties = new JsonObject
        {
            ["$schema"] = SchemaProperty(),
            ["model"] = ModelProperty(model),
            ["prompt"] = PromptProperty(model),
        };
        foreach (var kind in new[] { AssetKind.Image, AssetKind.Video, AssetKind.Audio })
        {
            var limits = model.Limits(kind);
            if (limits.Max == 0) continue; // not listed, so additionalProperties rejects it
            properties[WireName(kind)] = AssetsProperty(model, kind, limits);
            if (limits.Min > 0) required.Add(WireName(kind));
        }
        properties["duration"] = new JsonObject
        {
            ["type"] = "integer",
            ["minimum"] = model.MinDuration,
            ["maximum"] = model.MaxDuration,
            ["default"] = model.DefaultDuration,
            ["description"] = $"Length of the video in whole seconds, {Range(model.MinDuration, model.MaxDuration)}; default {Num(model.DefaultDuration)}.",
        };
        properties["quality"] = Choice(model.Qualities, model.DefaultQuality, "Output resolution");
        properties["aspect_ratio"] = Choice(model.AspectRatios, model.DefaultAspectRatio, "Aspect ratio of the video");

        JsonObject? modelParams = null;
        foreach (var field in model.Fields)
        {
            var dot = field.WireName.IndexOf('.');
            if (dot < 0)
            {
                properties[field.WireName] = FieldProperty(field);
                continue;
            }
            modelParams ??= new JsonObject();
            modelParams[field.WireName.Substring(dot + 1)] = FieldProperty(field);
        }
        if (modelParams is not null)
        {
            properties["model_params"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"Parameters specific to {model.Id}.",
                ["properties"] = modelParams,
                ["additionalProperties"] = false,
            };
        }

        var branch = new JsonObject
        {
            ["title"] = model.Name + "Request",
            ["description"] = ModelDescription(model),
        };
        if (model.Status == ModelStatus.Deprecated) branch["deprecated"] = true;
        branch["type"] = "object";
        branch["required"] = required;
        branch["properties"] = properties;
        branch["additionalProperties"] = false;

        if (VisualAnchorRule(model) is { } anchor)
        {
            branch["if"] = anchor.If;
            branch["then"] = anchor.Then;
        }
        return branch;
    }

    private static JsonObject ModelProperty(ModelSpec model)
    {
        var property = new JsonObject
        {
            ["const"] = model.Id,
            ["description"] = model.Description + StatusNote(model),
        };
        if (model.Status == ModelStatus.Deprecated) property["deprecated"] = true;
        return property;
    }

    private static JsonObject PromptProperty(ModelSpec model)
    {
        var description = "What to generate.";
        if (model.AcceptsAssets)
        {
            description += " Give each attached asset its job in plain language, by its position in its array (\"image 1 is the character, video 1 drives the camera\"); tags such as @Image1 are not parsed.";
        }
        description += $" At most {Num(model.MaxEnglishWords)} English words or {Num(model.MaxChineseCharacters)} Chinese characters.";

        var property = new JsonObject { ["type"] = "string" };
        if (model.PromptRequired) property["minLength"] = 1;
        property["description"] = description;
        return property;
    }

    private static JsonObject AssetsProperty(ModelSpec model, AssetKind kind, AssetLimits limits)
    {
        var formats = string.Join(", ", limits.Extensions);
        var description = $"{Capitalize(Counted(kind, limits.Min, limits.Max))} ({formats}), each an http(s) URL; Base64 and data: URIs are not accepted.";
        if (limits.PositionalRoles.Count > 0)
        {
            var roles = new List<string>();
            for (var i = 0; i < limits.PositionalRoles.Count; i++) roles.Add($"{Singular(kind)} {Num(i + 1)} is the {limits.PositionalRoles[i]}");
            description += " By position: " + string.Join(", ", roles) + ".";
        }
        else
        {
            description += $" The prompt names them by position: \"{Singular(kind)} 1\" is {WireName(kind)}[0].";
        }
        var sumOfMaximums = model.Image.Max + model.Video.Max + model.Audio.Max;
        if (model.MaxTotalAssets < sumOfMaximums)
        {
            description += $" At most {Num(model.MaxTotalAssets)} files in all across image_urls, video_urls and audio_urls.";
        }
        if (kind == AssetKind.Audio && VisualAnchorRule(model) is not null)
        {
            description += " Audio needs a visual anchor: send at least one image or video with it.";
        }

        var array = new JsonObject { ["type"] = "array" };
        if (limits.Min > 0) array["minItems"] = limits.Min;
        array["maxItems"] = limits.Max;
        array["description"] = description;
        array["items"] = new JsonObject
        {
            ["type"] = "string",
            ["format"] = "uri",
            ["pattern"] = UrlPattern,
            ["description"] = $"http(s) URL of {(kind == AssetKind.Image ? "an" : "a")} {Singular(kind)} file ({formats}).",
        };
        return array;
    }

    private static JsonObject Choice(EquatableArray<string> values, string defaultValue, string what)
    {
        var list = new JsonArray();
        foreach (var value in values) list.Add(value);
        return new JsonObject
        {
            ["type"] = "string",
            ["enum"] = list,
            ["default"] = defaultValue,
            ["description"] = $"{what}: {Alternatives(values)}; default {defaultValue}.",
        };
    }

    private static JsonObject FieldProperty(FieldSpec field)
    {
        var property = new JsonObject { ["type"] = field.Type };
        if (field.Default is { } value)
        {
            property["default"] = field.Type switch
            {
                "boolean" => JsonValue.Create(value.Boolean),
                "string" => JsonValue.Create(value.String),
                "integer" => JsonValue.Create((int)value.Number),
                _ => JsonValue.Create(value.Number),
            };
        }
        if (field.Description.Length > 0) property["description"] = field.Description;
        return property;
    }

    /// <summary>
    /// The visual-anchor rule (SEED0005) as <c>if</c>/<c>then</c>: when audio_urls holds an item, image_urls or
    /// video_urls must hold one too. Null when the model has no such rule, or cannot take audio or any visual asset.
    /// </summary>
    private static (JsonObject If, JsonObject Then)? VisualAnchorRule(ModelSpec model)
    {
        if (!model.RequireVisualAnchor || model.Audio.Max == 0) return null;
        var anchors = new JsonArray();
        foreach (var kind in new[] { AssetKind.Image, AssetKind.Video })
        {
            if (model.Limits(kind).Max == 0) continue;
            anchors.Add(new JsonObject
            {
                ["required"] = new JsonArray(WireName(kind)),
                ["properties"] = new JsonObject { [WireName(kind)] = new JsonObject { ["minItems"] = 1 } },
            });
        }
        if (anchors.Count == 0) return null;
        var condition = new JsonObject
        {
            ["required"] = new JsonArray("audio_urls"),
            ["properties"] = new JsonObject { ["audio_urls"] = new JsonObject { ["minItems"] = 1 } },
        };
        var then = new JsonObject
        {
            ["description"] = "Audio needs a visual anchor: at least one image or video (SEED0005).",
        };
        if (anchors.Count == 1)
        {
            foreach (var pair in (JsonObject)anchors[0]!.DeepClone()) then[pair.Key] = pair.Value?.DeepClone();
        }
        else
        {
            then["anyOf"] = anchors;
        }
        return (condition, then);
    }

    private static string ModelDescription(ModelSpec model)
    {
        var text = model.Description + StatusNote(model);
        if (!model.AcceptsAssets) text += " Takes no image, video or audio.";
        return text;
    }

    private static string StatusNote(ModelSpec model) => model.Status switch
    {
        ModelStatus.Announced => " (Announced by the provider: the API may not accept it yet.)",
        ModelStatus.Deprecated => " (Deprecated by the provider.)",
        _ => string.Empty,
    };

    private static string WireName(AssetKind kind) => kind switch
    {
        AssetKind.Image => "image_urls",
        AssetKind.Video => "video_urls",
        _ => "audio_urls",
    };

    private static string Singular(AssetKind kind) => kind switch
    {
        AssetKind.Image => "image",
        AssetKind.Video => "video",
        _ => "audio",
    };

    private static string Noun(AssetKind kind, int count)
    {
        var noun = kind == AssetKind.Audio ? "audio clip" : Singular(kind);
        return count == 1 ? noun : noun + "s";
    }

    /// <summary>"up to 9 images", "1 or 2 images", "exactly 1 image", "2 to 4 videos".</summary>
    private static string Counted(AssetKind kind, int min, int max)
    {
        if (min == max) return $"exactly {Num(max)} {Noun(kind, max)}";
        if (min == 0) return $"up to {Num(max)} {Noun(kind, max)}";
        if (max == min + 1) return $"{Num(min)} or {Num(max)} {Noun(kind, max)}";
        return $"{Num(min)} to {Num(max)} {Noun(kind, max)}";
    }

    private static string Range(int min, int max) => min == max ? Num(min) : $"{Num(min)} to {Num(max)}";

    private static string Alternatives(EquatableArray<string> values)
    {
        var list = new List<string>();
        foreach (var value in values) list.Add(value);
        if (list.Count <= 1) return string.Join(string.Empty, list);
        return string.Join(", ", list.GetRange(0, list.Count - 1)) + " or " + list[list.Count - 1];
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
