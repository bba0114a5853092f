using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Seedance.Rules.Json;

namespace Seedance.Rules;

/// <summary>A problem in a model matrix file, at a character span and its line and column.</summary>
internal sealed record MatrixError(string Message, int Offset, int Length, int Line, int Column)
{
    public override string ToString() => $"({Line},{Column}): {Message}";
}

/// <summary>The matrix, or (when <see cref="Errors"/> is not empty) nothing and the reasons why.</summary>
internal sealed record MatrixReadResult(ModelMatrix? Matrix, EquatableArray<MatrixError> Errors)
{
    public bool Succeeded => Matrix is not null;
}

/// <summary>
/// Reads <c>seedance.models.json</c> into a <see cref="ModelMatrix"/>. Every problem becomes a
/// <see cref="MatrixError"/> with its position; nothing here throws on bad input. A matrix with any
/// error yields no models at all, so that half a matrix never turns into half an SDK.
/// </summary>
internal sealed class MatrixReader
{
    public const int FormatVersion = 1;

    private static readonly string[] TopLevelNames = ["$schema", "formatVersion", "models"];
    private static readonly string[] ModelNames = ["id", "name", "family", "tier", "status", "description", "assets", "duration", "quality", "aspectRatio", "prompt", "fields", "pricePerSecond"];
    private static readonly string[] AssetsNames = ["image", "video", "audio", "maxTotal", "requireVisualAnchor"];
    private static readonly string[] AssetKindNames = ["min", "max", "extensions", "positionalRoles"];
    private static readonly string[] RangeNames = ["min", "max", "default"];
    private static readonly string[] ChoiceNames = ["values", "default"];
    private static readonly string[] PromptNames = ["required", "maxEnglishWords", "maxChineseCharacters"];
    private static readonly string[] FieldNames = ["name", "property", "type", "default", "description"];
    private static readonly string[] Families = [ModelFamily.TextToVideo, ModelFamily.ImageToVideo, ModelFamily.ReferenceToVideo];
    private static readonly string[] Statuses = [ModelStatus.Available, ModelStatus.Announced, ModelStatus.Deprecated];
    private static readonly string[] FieldTypes = ["boolean", "string", "integer", "number"];

    /// <summary>Property names of every generated request; an extra field may not take one of them.</summary>
    private static readonly string[] ReservedProperties = ["Model", "Prompt", "ImageUrls", "VideoUrls", "AudioUrls", "Duration", "Quality", "AspectRatio", "ModelParams", "EqualityContract"];

    private readonly string _text;
    private readonly List<MatrixError> _errors = new();

    private MatrixReader(string text) => _text = text;

    public static MatrixReadResult Read(string? text, CancellationToken cancellationToken = default)
    {
        var reader = new MatrixReader(text ?? string.Empty);
        ModelMatrix? matrix = null;
        try
        {
            matrix = reader.ReadDocument(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug in this reader must not take the compiler down with it; report it as a matrix error.
            reader.Error(0, 0, "The matrix could not be read: " + ex.Message);
        }
        if (reader._errors.Count > 0)
        {
            reader._errors.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : string.CompareOrdinal(a.Message, b.Message));
            return new MatrixReadResult(null, reader._errors.ToImmutableArray().ToEquatableArray());
        }
        return new MatrixReadResult(matrix, EquatableArray<MatrixError>.Empty);
    }

    private void Error(int offset, int length, string message)
    {
        var position = TextPosition.FromOffset(_text, offset);
        _errors.Add(new MatrixError(message, offset, length, position.Line, position.Column));
    }

    private void Error(JsonNode node, string message) => Error(node.Start, node.End - node.Start, message);

    private ModelMatrix? ReadDocument(CancellationToken cancellationToken)
    {
        var root = JsonParser.Parse(_text, out var syntaxError, cancellationToken);
        if (root is null)
        {
            var error = syntaxError ?? new JsonError("Empty document", 0);
            Error(error.Offset, 1, error.Message);
            return null;
        }
        if (root.Kind != JsonKind.Object)
        {
            Error(root, "The matrix must be a JSON object with a \"models\" array");
            return null;
        }
        CheckNames(root, TopLevelNames, "the matrix");
        var version = root["formatVersion"];
        if (version is not null && (version.Kind != JsonKind.Number || !version.IsInt32 || (int)version.NumberValue != FormatVersion))
        {
            Error(version, $"\"formatVersion\" must be {FormatVersion}");
        }
        var modelsNode = root["models"];
        if (modelsNode is null)
        {
            Error(root.Start, 1, "The matrix has no \"models\" array");
            return null;
        }
        if (modelsNode.Kind != JsonKind.Array)
        {
            Error(modelsNode, $"\"models\" must be an array, not {modelsNode.KindName}");
            return null;
        }
        var models = ImmutableArray.CreateBuilder<ModelSpec>(modelsNode.Items!.Count);
        var ids = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var names = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in modelsNode.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = ReadModel(item);
            if (model is null) continue;
            var idNode = item["id"]!;
            if (ids.ContainsKey(model.Id))
            {
                Error(idNode, $"Duplicate model ID \"{model.Id}\"");
                continue;
            }
            ids.Add(model.Id, idNode);
            if (names.ContainsKey(model.Name)) Error(item["name"] ?? idNode, $"Duplicate type name \"{model.Name}\" (two models would generate the same request type)");
            else names.Add(model.Name, idNode);
            models.Add(model);
        }
        return new ModelMatrix(models.ToImmutable().ToEquatableArray());
    }

    private void CheckNames(JsonNode obj, string[] allowed, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties!)
        {
            if (!seen.Add(property.Name))
            {
                Error(property.NameStart, property.NameEnd - property.NameStart, $"Duplicate property \"{property.Name}\" in {where}");
            }
            else if (Array.IndexOf(allowed, property.Name) < 0)
            {
                Error(property.NameStart, property.NameEnd - property.NameStart, $"Unknown property \"{property.Name}\" in {where}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private JsonNode? Expect(JsonNode parent, string name, JsonKind kind, string where, bool required = true)
    {
        var node = parent[name];
        if (node is null)
        {
            if (required) Error(parent.Start, 1, $"{where} has no \"{name}\"");
            return null;
        }
        var ok = node.Kind == kind || (kind == JsonKind.True && node.Kind == JsonKind.False);
        if (!ok)
        {
            var expected = kind switch
            {
                JsonKind.Object => "an object",
                JsonKind.Array => "an array",
                JsonKind.String => "a string",
                JsonKind.Number => "a number",
                _ => "a boolean",
            };
            Error(node, $"\"{name}\" in {where} must be {expected}, not {node.KindName}");
            return null;
        }
        return node;
    }

    private string? String(JsonNode parent, string name, string where, bool required = true)
    {
        var node = Expect(parent, name, JsonKind.String, where, required);
        if (node is null) return null;
        if (node.StringValue!.Length == 0)
        {
            Error(node, $"\"{name}\" in {where} must not be empty");
            return null;
        }
        return node.StringValue;
    }

    private int? Int(JsonNode parent, string name, string where, bool required = true, int min = 0)
    {
        var node = Expect(parent, name, JsonKind.Number, where, required);
        if (node is null) return null;
        if (!node.IsInt32)
        {
            Error(node, $"\"{name}\" in {where} must be a whole number");
            return null;
        }
        var value = (int)node.NumberValue;
        if (value < min)
        {
            Error(node, $"\"{name}\" in {where} must be at least {min}");
            return null;
        }
        return value;
    }

    private bool? Bool(JsonNode parent, string name, string where, bool required = true)
    {
        var node = Expect(parent, name, JsonKind.True, where, required);
        return node is null ? null : node.Kind == JsonKind.True;
    }

    private EquatableArray<string>? Strings(JsonNode parent, string name, string where, bool required = true, bool allowEmpty = false)
    {
        var node = Expect(parent, name, JsonKind.Array, where, required);
        if (node is null) return null;
        var builder = ImmutableArray.CreateBuilder<string>(node.Items!.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in node.Items)
        {
            if (item.Kind != JsonKind.String || item.StringValue!.Length == 0)
            {
                Error(item, $"Every item of \"{name}\" in {where} must be a non-empty string");
                ok = false;
                continue;
            }
            if (!seen.Add(item.StringValue))
            {
                Error(item, $"\"{item.StringValue}\" appears twice in \"{name}\" in {where}");
                ok = false;
                continue;
            }
            builder.Add(item.StringValue);
        }
        if (ok && builder.Count == 0 && !allowEmpty)
        {
            Error(node, $"\"{name}\" in {where} must not be empty");
            ok = false;
        }
        return ok ? builder.ToImmutable().ToEquatableArray() : null;
    }

    private ModelSpec? ReadModel(JsonNode node)
    {
        if (node.Kind != JsonKind.Object)
        {
            Error(node, $"Each item of \"models\" must be an object, not {node.KindName}");
            return null;
        }
        var errorsBefore = _errors.Count;
        var id = String(node, "id", "a model");
        var where = id is null ? "a model" : $"model \"{id}\"";
        CheckNames(node, ModelNames, where);
        if (id is not null && !IsModelId(id)) Error(node["id"]!, $"Model ID \"{id}\" may hold only lowercase letters, digits, '.', '-' and '_'");

        string? name;
        var nameNode = node["name"];
        if (nameNode is null) name = id is null ? null : DefaultName(id);
        else name = String(node, "name", where);
        if (name is not null && !IsIdentifier(name))
        {
            Error(nameNode ?? node["id"]!, $"\"{RuleWording.Shorten(name)}\" is not a valid C# type name ({IdentifierRule}); set \"name\" in {where}");
        }

        var family = String(node, "family", where);
        if (family is not null && Array.IndexOf(Families, family) < 0)
        {
            Error(node["family"]!, $"Unknown family \"{family}\" in {where}; expected one of: {string.Join(", ", Families)}");
        }
        var tier = String(node, "tier", where);
        var status = String(node, "status", where, required: false) ?? ModelStatus.Available;
        if (Array.IndexOf(Statuses, status) < 0)
        {
            Error(node["status"]!, $"Unknown status \"{status}\" in {where}; expected one of: {string.Join(", ", Statuses)}");
        }
        var description = String(node, "description", where, required: false) ?? string.Empty;

        AssetLimits? image = null, video = null, audio = null;
        int? maxTotal = null;
        bool? anchor = null;
        var assets = Expect(node, "assets", JsonKind.Object, where);
        if (assets is not null)
        {
            var assetsWhere = $"\"assets\" of {where}";
            CheckNames(assets, AssetsNames, assetsWhere);
            image = ReadAssetKind(assets, "image", where);
            video = ReadAssetKind(assets, "video", where);
            audio = ReadAssetKind(assets, "audio", where);
            maxTotal = Int(assets, "maxTotal", assetsWhere);
            anchor = Bool(assets, "requireVisualAnchor", assetsWhere, required: false) ?? false;
            if (maxTotal is not null && image is not null && video is not null && audio is not null && maxTotal < image.Min + video.Min + audio.Min)
            {
                Error(assets["maxTotal"]!, $"\"maxTotal\" of {where} is below the sum of the minimums");
            }
        }

        int? minDuration = null, maxDuration = null, defaultDuration = null;
        var duration = Expect(node, "duration", JsonKind.Object, where);
        if (duration is not null)
        {
            var durationWhere = $"\"duration\" of {where}";
            CheckNames(duration, RangeNames, durationWhere);
            minDuration = Int(duration, "min", durationWhere, min: 1);
            maxDuration = Int(duration, "max", durationWhere, min: 1);
            defaultDuration = Int(duration, "default", durationWhere, min: 1);
            if (minDuration > maxDuration) Error(duration, $"In {durationWhere}, min ({minDuration}) is greater than max ({maxDuration})");
            else if (defaultDuration < minDuration || defaultDuration > maxDuration) Error(duration["default"]!, $"In {durationWhere}, the default {defaultDuration} is outside {minDuration}–{maxDuration}");
        }

        var (qualities, defaultQuality) = ReadChoice(node, "quality", where);
        var (ratios, defaultRatio) = ReadChoice(node, "aspectRatio", where);

        bool? promptRequired = null;
        int? maxWords = null, maxChinese = null;
        var prompt = Expect(node, "prompt", JsonKind.Object, where);
        if (prompt is not null)
        {
            var promptWhere = $"\"prompt\" of {where}";
            CheckNames(prompt, PromptNames, promptWhere);
            promptRequired = Bool(prompt, "required", promptWhere, required: false) ?? true;
            maxWords = Int(prompt, "maxEnglishWords", promptWhere, min: 1);
            maxChinese = Int(prompt, "maxChineseCharacters", promptWhere, min: 1);
        }

        var fields = ReadFields(node, where);
        var prices = ReadPrices(node, where, qualities);

        if (_errors.Count != errorsBefore) return null;
        return new ModelSpec(
            id!, name!, family!, tier!, status, description,
            image!, video!, audio!, maxTotal!.Value, anchor!.Value,
            minDuration!.Value, maxDuration!.Value, defaultDuration!.Value,
            qualities!.Value, defaultQuality!, ratios!.Value, defaultRatio!,
            promptRequired!.Value, maxWords!.Value, maxChinese!.Value,
            fields, prices);
    }

    private AssetLimits? ReadAssetKind(JsonNode assets, string kind, string modelWhere)
    {
        var where = $"\"assets.{kind}\" of {modelWhere}";
        var node = Expect(assets, kind, JsonKind.Object, $"\"assets\" of {modelWhere}");
        if (node is null) return null;
        CheckNames(node, AssetKindNames, where);
        var min = Int(node, "min", where);
        var max = Int(node, "max", where);
        var extensions = Strings(node, "extensions", where);
        var roles = Strings(node, "positionalRoles", where, required: false) ?? EquatableArray<string>.Empty;
        if (min is null || max is null || extensions is null) return null;
        if (min > max)
        {
            Error(node, $"In {where}, min ({min}) is greater than max ({max})");
            return null;
        }
        var ok = true;
        foreach (var item in node["extensions"]!.Items!)
        {
            var value = item.StringValue!;
            if (!IsExtension(value))
            {
                Error(item, $"Extension \"{RuleWording.Shorten(value)}\" in {where} must be '.' and lowercase ASCII letters or digits, such as \".mp4\"");
                ok = false;
            }
        }
        if (roles.Count > max)
        {
            Error(node["positionalRoles"]!, $"In {where}, there are more positional roles than the maximum count");
            ok = false;
        }
        return ok ? new AssetLimits(min.Value, max.Value, extensions.Value, roles) : null;
    }

    private (EquatableArray<string>? Values, string? Default) ReadChoice(JsonNode model, string name, string modelWhere)
    {
        var node = Expect(model, name, JsonKind.Object, modelWhere);
        if (node is null) return (null, null);
        var where = $"\"{name}\" of {modelWhere}";
        CheckNames(node, ChoiceNames, where);
        var values = Strings(node, "values", where);
        var defaultValue = String(node, "default", where);
        if (values is not null && defaultValue is not null && values.Value.AsImmutableArray().IndexOf(defaultValue) < 0)
        {
            Error(node["default"]!, $"In {where}, the default \"{defaultValue}\" is not one of the values");
            return (null, null);
        }
        return (values, defaultValue);
    }

    private EquatableArray<FieldSpec> ReadFields(JsonNode model, string modelWhere)
    {
        var node = Expect(model, "fields", JsonKind.Array, modelWhere, required: false);
        if (node is null) return EquatableArray<FieldSpec>.Empty;
        var builder = ImmutableArray.CreateBuilder<FieldSpec>();
        var wireNames = new HashSet<string>(StringComparer.Ordinal);
        var properties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in node.Items!)
        {
            if (item.Kind != JsonKind.Object)
            {
                Error(item, $"Each item of \"fields\" in {modelWhere} must be an object");
                continue;
            }
            var wire = String(item, "name", $"a field of {modelWhere}");
            var where = wire is null ? $"a field of {modelWhere}" : $"field \"{wire}\" of {modelWhere}";
            CheckNames(item, FieldNames, where);
            var property = String(item, "property", where, required: false) ?? (wire is null ? null : PascalCase(wire.Substring(wire.LastIndexOf('.') + 1)));
            var type = String(item, "type", where);
            var description = String(item, "description", where, required: false) ?? string.Empty;
            if (wire is null || property is null || type is null) continue;
            if (!IsWireName(wire))
            {
                Error(item["name"]!, $"Field name \"{wire}\" in {modelWhere} must be snake_case, optionally under \"model_params.\"");
                continue;
            }
            if (Array.IndexOf(WireNames.RequestFields, wire) >= 0)
            {
                Error(item["name"]!, $"\"{wire}\" is a standard request field; list only extra fields under \"fields\"");
                continue;
            }
            if (!IsIdentifier(property) || Array.IndexOf(ReservedProperties, property) >= 0)
            {
                Error(item["property"] ?? item["name"]!, $"\"{RuleWording.Shorten(property)}\" cannot be the property name of field \"{wire}\" ({IdentifierRule}, not a request's own property)");
                continue;
            }
            if (Array.IndexOf(FieldTypes, type) < 0)
            {
                Error(item["type"]!, $"Unknown field type \"{type}\"; expected one of: {string.Join(", ", FieldTypes)}");
                continue;
            }
            if (!wireNames.Add(wire) || !properties.Add(property))
            {
                Error(item, $"Field \"{wire}\" appears twice in {modelWhere}");
                continue;
            }
            FieldDefault? fieldDefault = null;
            var defaultNode = item["default"];
            if (defaultNode is not null)
            {
                var matches = type switch
                {
                    "boolean" => defaultNode.Kind is JsonKind.True or JsonKind.False,
                    "string" => defaultNode.Kind == JsonKind.String,
                    "integer" => defaultNode.Kind == JsonKind.Number && defaultNode.IsInt32,
                    _ => defaultNode.Kind == JsonKind.Number,
                };
                if (!matches)
                {
                    Error(defaultNode, $"The default of field \"{wire}\" must be of type {type}");
                    continue;
                }
                fieldDefault = new FieldDefault(defaultNode.Kind == JsonKind.True, defaultNode.StringValue, defaultNode.NumberValue);
            }
            builder.Add(new FieldSpec(wire, property, type, fieldDefault, description));
        }
        return builder.ToImmutable().ToEquatableArray();
    }

    private EquatableArray<PriceSpec> ReadPrices(JsonNode model, string modelWhere, EquatableArray<string>? qualities)
    {
        var node = Expect(model, "pricePerSecond", JsonKind.Object, modelWhere, required: false);
        if (node is null) return EquatableArray<PriceSpec>.Empty;
        var builder = ImmutableArray.CreateBuilder<PriceSpec>();
        foreach (var property in node.Properties!)
        {
            if (property.Value.Kind != JsonKind.Number || property.Value.NumberValue < 0)
            {
                Error(property.Value, $"The price for \"{property.Name}\" in {modelWhere} must be a non-negative number");
                continue;
            }
            if (qualities is not null && qualities.Value.AsImmutableArray().IndexOf(property.Name) < 0)
            {
                Error(property.NameStart, property.NameEnd - property.NameStart, $"\"pricePerSecond\" of {modelWhere} names \"{property.Name}\", which is not one of its qualities");
                continue;
            }
            builder.Add(new PriceSpec(property.Name, property.Value.NumberValue));
        }
        return builder.ToImmutable().ToEquatableArray();
    }

    /// <summary>The type-name stem for a model ID: "seedance-2.0-fast-text-to-video" → "FastTextToVideo".</summary>
    public static string DefaultName(string id)
    {
        const string Prefix = "seedance-2.0-";
        var stem = id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length > Prefix.Length ? id.Substring(Prefix.Length) : id;
        return PascalCase(stem);
    }

    public static string PascalCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var upper = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        return builder.ToString();
    }

    private static bool IsModelId(string id)
    {
        foreach (var c in id)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) return false;
        }
        return true;
    }

    private static bool IsWireName(string name)
    {
        var parts = name.Split('.');
        if (parts.Length > 2 || (parts.Length == 2 && parts[0] != WireNames.ModelParams)) return false;
        foreach (var part in parts)
        {
            if (part.Length == 0 || !(part[0] == '_' || (part[0] >= 'a' && part[0] <= 'z'))) return false;
            foreach (var c in part)
            {
                if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The longest name taken for generated types and members: C# rejects identifiers over 512 characters
    /// (CS0645), and the generator adds prefixes and suffixes such as "Generate…Async" and "…Request".
    /// </summary>
    internal const int MaxIdentifierLength = 128;

    private const string IdentifierRule = "a letter or '_' first, then letters, digits or '_', not a C# keyword, at most 128 characters";

    /// <summary>The schema's <c>^\.[a-z0-9]+$</c>: what SEED0010 compares a URL's extension with.</summary>
    private static bool IsExtension(string value)
    {
        if (value.Length < 2 || value[0] != '.') return false;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9'))) return false;
        }
        return true;
    }

    internal static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || name.Length > MaxIdentifierLength || !(char.IsLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return Array.IndexOf(CSharpKeywords, name) < 0;
    }

    private static readonly string[] CSharpKeywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];
}
