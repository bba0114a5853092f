using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// One request as written in C#: the facts the rules need, read from constants only, and where each
/// fact sits in the source so that a violation lands on the offending characters.
/// </summary>
internal sealed class RequestSite
{
    private readonly Location?[] _assetLists = new Location?[3];
    private readonly List<Location>?[] _assetElements = new List<Location>?[3];

    private RequestSite(Location whole) => Whole = whole;

    public RequestFacts Facts { get; } = new();

    public PromptText? Prompt { get; private set; }

    public Location Whole { get; }

    /// <summary>The request type's name in <c>new X { … }</c>, when the model comes from the type.</summary>
    public Location? TypeName { get; private set; }

    public INamedTypeSymbol? RequestType { get; private set; }

    public Location? ModelValue { get; private set; }

    public Location? Duration { get; private set; }

    public Location? Quality { get; private set; }

    public Location? AspectRatio { get; private set; }

    public Location AssetList(AssetKind kind) => _assetLists[(int)kind] ?? TypeName ?? Whole;

    public Location AssetElement(AssetKind kind, int index)
    {
        var elements = _assetElements[(int)kind];
        return elements is not null && index < elements.Count ? elements[index] : AssetList(kind);
    }

    /// <summary>Reads <c>new T(…) { … }</c> or <c>x with { … }</c>; null when it is not a Seedance request.</summary>
    public static RequestSite? FromCreation(IOperation creation, SeedanceSymbols symbols)
    {
        var type = creation.Type as INamedTypeSymbol;
        if (type is null) return null;
        var isRequest = symbols.IsRequestType(type);
        // Most object creations in a project are not requests: leave before allocating anything.
        if (!isRequest && !symbols.HasRoles(type)) return null;
        var site = new RequestSite(creation.Syntax.GetLocation()) { RequestType = type };

        IObjectOrCollectionInitializerOperation? initializer;
        if (creation is IObjectCreationOperation objectCreation)
        {
            initializer = objectCreation.Initializer;
            if (isRequest)
            {
                // Everything not set here has the type's default: no assets.
                site.Facts.Images = AssetFacts.None;
                site.Facts.Videos = AssetFacts.None;
                site.Facts.Audios = AssetFacts.None;
            }
            foreach (var argument in objectCreation.Arguments)
            {
                if (argument.Parameter is { } parameter) site.Read(symbols.RoleOf(parameter), argument.Value);
            }
            if (creation.Syntax is ObjectCreationExpressionSyntax { Type: var typeSyntax }) site.TypeName = RightmostName(typeSyntax).GetLocation();
        }
        else if (creation is IWithOperation with)
        {
            initializer = with.Initializer;
        }
        else
        {
            return null;
        }

        if (symbols.ModelOf(type) is { } modelId)
        {
            site.Facts.ModelId = modelId;
        }

        var any = isRequest;
        if (initializer is not null)
        {
            foreach (var item in initializer.Initializers)
            {
                if (item is not ISimpleAssignmentOperation assignment) continue;
                var member = assignment.Target switch
                {
                    IPropertyReferenceOperation property => (ISymbol)property.Property,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };
                if (member is null) continue;
                var role = symbols.RoleOf(member);
                if (role == MemberRole.None) continue;
                any = true;
                site.Read(role, assignment.Value);
            }
        }
        return any ? site : null;
    }

    /// <summary>Reads the arguments of a call whose parameters carry Seedance attributes; null when none do.</summary>
    public static RequestSite? FromArguments(IInvocationOperation invocation, SeedanceSymbols symbols)
    {
        if (!symbols.HasRoles(invocation.TargetMethod)) return null;
        RequestSite? site = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter) continue;
            var role = symbols.RoleOf(parameter);
            if (role == MemberRole.None) continue;
            site ??= new RequestSite(invocation.Syntax.GetLocation());
            site.Read(role, argument.Value);
        }
        return site;
    }

    private void Read(MemberRole role, IOperation value)
    {
        var unwrapped = Unwrap(value);
        switch (role)
        {
            case MemberRole.Prompt:
                Prompt = PromptText.From(value);
                if (Prompt is not null)
                {
                    Facts.Prompt = Prompt.Value;
                    Facts.PromptIsComplete = Prompt.IsComplete;
                }
                break;
            case MemberRole.ModelId:
                if (unwrapped.ConstantValue is { HasValue: true, Value: string id })
                {
                    Facts.ModelId = id;
                    ModelValue = value.Syntax.GetLocation();
                }
                break;
            case MemberRole.Duration:
                if (unwrapped.ConstantValue is { HasValue: true, Value: int seconds })
                {
                    Facts.Duration = seconds;
                    Duration = value.Syntax.GetLocation();
                }
                break;
            case MemberRole.Quality:
                if (ConstantString(unwrapped) is { } quality)
                {
                    Facts.Quality = quality;
                    Quality = value.Syntax.GetLocation();
                }
                break;
            case MemberRole.AspectRatio:
                if (ConstantString(unwrapped) is { } ratio)
                {
                    Facts.AspectRatio = ratio;
                    AspectRatio = value.Syntax.GetLocation();
                }
                break;
            case MemberRole.Images:
                ReadAssets(AssetKind.Image, value, unwrapped);
                break;
            case MemberRole.Videos:
                ReadAssets(AssetKind.Video, value, unwrapped);
                break;
            case MemberRole.Audios:
                ReadAssets(AssetKind.Audio, value, unwrapped);
                break;
        }
    }

    private void ReadAssets(AssetKind kind, IOperation value, IOperation unwrapped)
    {
        _assetLists[(int)kind] = value.Syntax.GetLocation();
        var facts = ReadList(unwrapped, out var elements);
        _assetElements[(int)kind] = elements;
        switch (kind)
        {
            case AssetKind.Image: Facts.Images = facts; break;
            case AssetKind.Video: Facts.Videos = facts; break;
            default: Facts.Audios = facts; break;
        }
    }

    private static AssetFacts ReadList(IOperation operation, out List<Location>? elements)
    {
        elements = null;
        if (operation.ConstantValue is { HasValue: true, Value: null }) return AssetFacts.None;
        if (operation is IDefaultValueOperation) return AssetFacts.None;

        IEnumerable<IOperation>? items = operation switch
        {
            IArrayCreationOperation { Initializer: { } arrayInitializer } => arrayInitializer.ElementValues,
            IObjectCreationOperation { Initializer: { } collection } when collection.Initializers.Length > 0 => CollectionAdds(collection),
            _ => null,
        };
        if (items is not null)
        {
            var urls = new List<string?>();
            elements = new List<Location>();
            foreach (var item in items)
            {
                if (item is null) return AssetFacts.Unknown;
                urls.Add(Unwrap(item).ConstantValue is { HasValue: true, Value: string url } ? url : null);
                elements.Add(item.Syntax.GetLocation());
            }
            return AssetFacts.Of(urls);
        }

        // Collection expressions ([a, b]) have no operation shape in the Roslyn 4.8 baseline: read the syntax.
        if (operation.Syntax is CollectionExpressionSyntax collectionExpression && operation.SemanticModel is { } model)
        {
            var urls = new List<string?>();
            elements = new List<Location>();
            foreach (var element in collectionExpression.Elements)
            {
                if (element is not ExpressionElementSyntax expressionElement) return AssetFacts.Unknown;
                var constant = model.GetConstantValue(expressionElement.Expression);
                urls.Add(constant.HasValue && constant.Value is string url ? url : null);
                elements.Add(expressionElement.GetLocation());
            }
            return AssetFacts.Of(urls);
        }
        return AssetFacts.Unknown;
    }

    private static IEnumerable<IOperation>? CollectionAdds(IObjectOrCollectionInitializerOperation initializer)
    {
        var items = new List<IOperation>();
        foreach (var item in initializer.Initializers)
        {
            if (item is IInvocationOperation { Arguments.Length: 1 } add) items.Add(add.Arguments[0].Value);
            else return null;
        }
        return items;
    }

    private static string? ConstantString(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string value }) return value;
        // new VideoQuality("1080p") / new("1080p")
        if (operation is IObjectCreationOperation { Arguments.Length: 1 } creation
            && Unwrap(creation.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string argument })
        {
            return argument;
        }
        return null;
    }

    /// <summary>Strips conversions (string → VideoQuality, T → T?, collection → IReadOnlyList) and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { Operand: { } operand }:
                    operation = operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static SyntaxNode RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax alias => alias.Name,
        _ => type,
    };
}
