using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Seedance.Generators.Matrix;
using Seedance.Rules;

namespace Seedance.Generators.Generator;

public sealed partial class SeedanceClientGenerator
{
    /// <summary>Turns symbols and the matrix into the flat, value-equal models the emitter renders.</summary>
    internal static class Parser
    {
        private const string ModelAttributeName = "Seedance.SeedanceModelAttribute";

        public static ClientTarget? ParseClient(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type) return null;
            // Nested and generic clients are not supported: the generated partial could not name them simply.
            if (type.ContainingType is not null || type.IsGenericType || type.IsStatic) return null;
            cancellationToken.ThrowIfCancellationRequested();

            var filter = ImmutableArray.CreateBuilder<string>();
            foreach (var attribute in context.Attributes)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key != "Models" || argument.Value.Kind != TypedConstantKind.Array || argument.Value.IsNull) continue;
                    foreach (var item in argument.Value.Values)
                    {
                        if (item.Value is string id && !filter.Contains(id)) filter.Add(id);
                    }
                }
            }
            filter.Sort(StringComparer.Ordinal);
            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : string.Empty;
            return new ClientTarget(ns, type.Name, type.DeclaredAccessibility == Accessibility.Public, filter.ToImmutable().ToEquatableArray());
        }

        /// <summary>"Namespace.TypeName" of each request type that referenced assemblies already define for these namespaces.</summary>
        public static EquatableArray<string> FindReferencedRequestTypes(ImmutableArray<ClientTarget> clients, ParsedMatrix matrix, Compilation compilation, CancellationToken cancellationToken)
        {
            if (clients.IsDefaultOrEmpty || matrix.Result.Matrix is not { } models) return EquatableArray<string>.Empty;
            var found = new SortedSet<string>(StringComparer.Ordinal);
            var seenNamespaces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var client in clients)
            {
                if (!seenNamespaces.Add(client.Namespace)) continue;
                foreach (var model in models.Models)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var name = Qualify(client.Namespace, model.Name + "Request");
                    var type = compilation.GetTypeByMetadataName(name);
                    if (type is null || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)) continue;
                    if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly)) continue;
                    foreach (var attribute in type.GetAttributes())
                    {
                        if (attribute.AttributeClass?.ToDisplayString() == ModelAttributeName) found.Add(name);
                    }
                }
            }
            return found.Count == 0 ? EquatableArray<string>.Empty : EquatableArray.From(found);
        }

        public static ImmutableArray<NamespaceModel> BuildNamespaces(ImmutableArray<ClientTarget> clients, ParsedMatrix matrix, EquatableArray<string> referenced, CancellationToken cancellationToken)
        {
            if (clients.IsDefaultOrEmpty || matrix.Result.Matrix is not { } models) return ImmutableArray<NamespaceModel>.Empty;

            var byNamespace = new SortedDictionary<string, List<ClientTarget>>(StringComparer.Ordinal);
            foreach (var client in clients)
            {
                if (!byNamespace.TryGetValue(client.Namespace, out var list)) byNamespace[client.Namespace] = list = new List<ClientTarget>();
                list.Add(client);
            }

            var matrixLiteral = matrix.Source.IsDefault ? null : SymbolDisplay.FormatLiteral(matrix.Source.Text, quote: true);
            var result = ImmutableArray.CreateBuilder<NamespaceModel>(byNamespace.Count);
            foreach (var pair in byNamespace)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var isPublic = false;
                foreach (var client in pair.Value) isPublic |= client.IsPublic;

                var requests = ImmutableArray.CreateBuilder<RequestTypeModel>();
                var constants = ImmutableArray.CreateBuilder<ModelConstantModel>();
                foreach (var spec in models.Models)
                {
                    if (!AnyClientWants(pair.Value, spec.Id)) continue;
                    constants.Add(new ModelConstantModel(spec.Name, spec.Id));
                    var typeName = spec.Name + "Request";
                    if (referenced.AsImmutableArray().Contains(Qualify(pair.Key, typeName))) continue;
                    requests.Add(BuildRequest(spec, typeName));
                }
                result.Add(new NamespaceModel(pair.Key, Qualifier(pair.Key), isPublic ? "public" : "internal", requests.ToImmutable().ToEquatableArray(), constants.ToImmutable().ToEquatableArray(), matrixLiteral));
            }
            return result.ToImmutable();
        }

        public static ClientModel? BuildClient(ClientTarget client, ParsedMatrix matrix)
        {
            if (matrix.Result.Matrix is not { } models) return null;
            var methods = ImmutableArray.CreateBuilder<ClientMethodModel>();
            foreach (var spec in models.Models)
            {
                if (client.ModelFilter.Count > 0 && !client.ModelFilter.AsImmutableArray().Contains(spec.Id)) continue;
                methods.Add(new ClientMethodModel(spec.Name, Qualifier(client.Namespace) + spec.Name + "Request", spec.Id));
            }
            return new ClientModel(client.Namespace, Qualifier(client.Namespace), client.ClassName, client.FullName, methods.ToImmutable().ToEquatableArray());
        }

        private static bool AnyClientWants(List<ClientTarget> clients, string modelId)
        {
            foreach (var client in clients)
            {
                if (client.ModelFilter.Count == 0 || client.ModelFilter.AsImmutableArray().Contains(modelId)) return true;
            }
            return false;
        }

        private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        private static string Qualifier(string ns) => ns.Length == 0 ? "global::" : "global::" + ns + ".";

        private static RequestTypeModel BuildRequest(ModelSpec spec, string typeName)
        {
            var assets = ImmutableArray.CreateBuilder<AssetPropertyModel>();
            AddAsset(assets, spec.Image, "ImageUrls", "Image", "image", "image 1");
            AddAsset(assets, spec.Video, "VideoUrls", "Video", "video", "video 1");
            AddAsset(assets, spec.Audio, "AudioUrls", "Audio", "audio clip", "audio 1");

            var fields = ImmutableArray.CreateBuilder<FieldPropertyModel>();
            var modelParams = ImmutableArray.CreateBuilder<FieldPropertyModel>();
            var additional = ImmutableArray.CreateBuilder<FieldPropertyModel>();
            foreach (var field in spec.Fields)
            {
                var csharpType = field.Type switch
                {
                    "boolean" => "bool",
                    "integer" => "int",
                    "number" => "double",
                    _ => "string",
                };
                var target = (field.WireName, field.Type) switch
                {
                    (WireNames.GenerateAudio, "boolean") => "GenerateAudio",
                    (WireNames.CallbackUrl, "string") => "CallbackUrl",
                    _ => string.Empty,
                };
                var key = field.WireName.StartsWith(WireNames.ModelParams + ".", StringComparison.Ordinal) ? field.WireName.Substring(WireNames.ModelParams.Length + 1) : field.WireName;
                var doc = Xml(field.Description.Length > 0 ? field.Description : $"The <c>{field.WireName}</c> field.");
                var model = new FieldPropertyModel(field.Property, Literal(key), csharpType, DefaultLiteral(field), doc + $" Sent as <c>{Xml(field.WireName)}</c>.", target, "global::Seedance.SeedanceJsonValues.From(__value)");
                fields.Add(model);
                if (target.Length > 0) continue;
                if (key != field.WireName) modelParams.Add(model);
                else additional.Add(model);
            }

            var summary = $"A request for <c>{Xml(spec.Id)}</c>. {Xml(spec.Description)}";
            if (spec.Status == ModelStatus.Announced) summary += " (Announced by the provider: the API may not accept it yet.)";
            if (spec.Status == ModelStatus.Deprecated) summary += " (Deprecated by the provider.)";

            return new RequestTypeModel(
                typeName,
                spec.Id,
                summary,
                assets.ToImmutable().ToEquatableArray(),
                spec.DefaultDuration,
                $"Length of the video in seconds: {spec.MinDuration}–{spec.MaxDuration}, default {spec.DefaultDuration}.",
                Literal(spec.DefaultQuality),
                $"Output quality: {Xml(string.Join(", ", spec.Qualities))}; default {Xml(spec.DefaultQuality)}.",
                Literal(spec.DefaultAspectRatio),
                $"Aspect ratio: {Xml(string.Join(", ", spec.AspectRatios))}; default {Xml(spec.DefaultAspectRatio)}.",
                PromptDoc(spec),
                fields.ToImmutable().ToEquatableArray(),
                modelParams.ToImmutable().ToEquatableArray(),
                additional.ToImmutable().ToEquatableArray());
        }

        private static void AddAsset(ImmutableArray<AssetPropertyModel>.Builder assets, AssetLimits limits, string property, string kind, string noun, string first)
        {
            if (limits.Max == 0) return;
            var count = limits.Min == limits.Max ? $"exactly {limits.Max}" : limits.Min == 0 ? $"up to {limits.Max}" : $"{limits.Min}–{limits.Max}";
            var doc = $"{char.ToUpperInvariant(noun[0])}{noun.Substring(1)} URLs ({Xml(string.Join(", ", limits.Extensions))}), {count}.";
            if (limits.PositionalRoles.Count > 0)
            {
                var roles = new StringBuilder();
                for (var i = 0; i < limits.PositionalRoles.Count; i++)
                {
                    if (i > 0) roles.Append("; ");
                    roles.Append(Ordinal(i + 1)).Append(": ").Append(Xml(limits.PositionalRoles[i]));
                }
                doc += $" By position — {roles}.";
            }
            else
            {
                doc += $" The prompt refers to the first as \"{first}\".";
            }
            assets.Add(new AssetPropertyModel(property, kind, doc));
        }

        private static string PromptDoc(ModelSpec spec)
        {
            var text = $"The prompt: at most {spec.MaxEnglishWords} English words or {spec.MaxChineseCharacters} Chinese characters.";
            if (spec.AcceptsAssets) text += " Give each asset its role in plain language (\"image 1 is the character\"); tags such as @Image1 are not parsed.";
            return Xml(text);
        }

        private static string? DefaultLiteral(FieldSpec field)
        {
            if (field.Default is not { } value) return null;
            return field.Type switch
            {
                "boolean" => value.Boolean ? "true" : "false",
                "string" => SymbolDisplay.FormatLiteral(value.String ?? string.Empty, quote: true),
                "integer" => ((int)value.Number).ToString(CultureInfo.InvariantCulture),
                _ => value.Number.ToString("R", CultureInfo.InvariantCulture) + "d",
            };
        }

        private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => n.ToString(CultureInfo.InvariantCulture) + "th" };

        /// <summary>
        /// Matrix text for a <c>///</c> line: XML-escaped, and on one line. C# ends a line at CR, LF, NEL and the two
        /// Unicode separators; one of them in a description would end the comment and turn the rest into code.
        /// </summary>
        private static string Xml(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '\u0085' or '\u2028' or '\u2029': builder.Append(' '); break;
                    default: builder.Append(char.IsControl(c) ? ' ' : c); break;
                }
            }
            return builder.ToString();
        }

        /// <summary>Matrix text for a C# string literal, quotes included, escaped whatever it holds.</summary>
        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
    }
}
