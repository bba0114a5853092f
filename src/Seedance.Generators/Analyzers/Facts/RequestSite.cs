using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// One request as written in C#: the facts the rules need, read from constants only, and the syntax each
/// fact came from, so that a violation lands on the offending characters. Runs for every request on every
/// keystroke, so it keeps syntax nodes rather than locations and allocates only the facts: positions are
/// worked out when a violation needs one.
/// </summary>
internal sealed class RequestSite
{
    // Per asset kind, the list expression as written and the operation holding its items: fields rather
    // than arrays, two allocations fewer per request.
    private SyntaxNode? _imageList, _videoList, _audioList;
    private IOperation? _imageItems, _videoItems, _audioItems;

    // The prompt's expression: its text map is built only when a violation needs a position.
    private IOperation? _promptOperation;
    private PromptText? _prompt;

    private RequestSite(SyntaxNode whole) => Whole = whole;

    public RequestFacts Facts { get; } = new();

    public PromptText? Prompt => _prompt ??= _promptOperation is null ? null : PromptText.From(_promptOperation);

    public SyntaxNode Whole { get; }

    /// <summary>The request type's name in <c>new X { … }</c>, when the model comes from the type.</summary>
    public SyntaxNode? TypeName { get; private set; }

    public INamedTypeSymbol? RequestType { get; private set; }

    public SyntaxNode? ModelValue { get; private set; }

    public SyntaxNode? Duration { get; private set; }

    public SyntaxNode? Quality { get; private set; }

    public SyntaxNode? AspectRatio { get; private set; }

    public SyntaxNode AssetList(AssetKind kind) => kind switch
    {
        AssetKind.Image => _imageList,
        AssetKind.Video => _videoList,
        _ => _audioList,
    } ?? TypeName ?? Whole;

    public SyntaxNode AssetElement(AssetKind kind, int index)
    {
        var items = kind switch
        {
            AssetKind.Image => _imageItems,
            AssetKind.Video => _videoItems,
            _ => _audioItems,
        };
        return items is not null && ElementSyntax(items, index) is { } element ? element : AssetList(kind);
    }

    /// <summary>Reads <c>new T(…) { … }</c> or <c>x with { … }</c>; null when it is not a Seedance request.</summary>
    public static RequestSite? FromCreation(IOperation creation, SeedanceSymbols symbols)
    {
        if (creation.Type is not INamedTypeSymbol type) return null;
        // Most object creations in a project are not requests: one cached look-up, nothing allocated.
        var shape = symbols.ShapeOf(type);
        if (shape.Role == TypeRole.None) return null;
        var isRequest = shape.Role == TypeRole.Request;
        var site = new RequestSite(creation.Syntax) { RequestType = type };

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
            if (creation.Syntax is ObjectCreationExpressionSyntax { Type: var typeSyntax }) site.TypeName = RightmostName(typeSyntax);
        }
        else if (creation is IWithOperation with)
        {
            initializer = with.Initializer;
        }
        else
        {
            return null;
        }

        if (shape.ModelId is { } modelId) site.Facts.ModelId = modelId;

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
            site ??= new RequestSite(invocation.Syntax);
            site.Read(role, argument.Value);
        }
        return site;
    }

    private void Read(MemberRole role, IOperation value)
    {
        switch (role)
        {
            case MemberRole.Prompt:
                _prompt = null;
                _promptOperation = null;
                if (value.ConstantValue is { HasValue: true, Value: string constant })
                {
                    // The common case: the compiler has the value; the text map waits for a violation.
                    _promptOperation = value;
                    Facts.Prompt = constant;
                    Facts.PromptIsComplete = true;
                }
                else if (PromptText.From(value) is { } prompt)
                {
                    _prompt = prompt;
                    _promptOperation = value;
                    Facts.Prompt = prompt.Value;
                    Facts.PromptIsComplete = prompt.IsComplete;
                }
                break;
            case MemberRole.ModelId:
                if (Unwrap(value).ConstantValue is { HasValue: true, Value: string id })
                {
                    Facts.ModelId = id;
                    ModelValue = value.Syntax;
                }
                break;
            case MemberRole.Duration:
                if (Unwrap(value).ConstantValue is { HasValue: true, Value: int seconds })
                {
                    Facts.Duration = seconds;
                    Duration = value.Syntax;
                }
                break;
            case MemberRole.Quality:
                if (ConstantString(Unwrap(value)) is { } quality)
                {
                    Facts.Quality = quality;
                    Quality = value.Syntax;
                }
                break;
            case MemberRole.AspectRatio:
                if (ConstantString(Unwrap(value)) is { } ratio)
                {
                    Facts.AspectRatio = ratio;
                    AspectRatio = value.Syntax;
                }
                break;
            case MemberRole.Images:
                ReadAssets(AssetKind.Image, value);
                break;
            case MemberRole.Videos:
                ReadAssets(AssetKind.Video, value);
                break;
            case MemberRole.Audios:
                ReadAssets(AssetKind.Audio, value);
                break;
        }
    }

    private void ReadAssets(AssetKind kind, IOperation value)
    {
        var unwrapped = Unwrap(value);
        var facts = ReadList(unwrapped);
        var items = facts.Urls is not null ? unwrapped : null;
        switch (kind)
        {
            case AssetKind.Image: Facts.Images = facts; _imageList = value.Syntax; _imageItems = items; break;
            case AssetKind.Video: Facts.Videos = facts; _videoList = value.Syntax; _videoItems = items; break;
            default: Facts.Audios = facts; _audioList = value.Syntax; _audioItems = items; break;
        }
    }

    /// <summary>The count and constant URLs of an array, a collection initializer or a collection expression.</summary>
    private static AssetFacts ReadList(IOperation operation)
    {
        if (operation.ConstantValue is { HasValue: true, Value: null }) return AssetFacts.None;
        if (operation is IDefaultValueOperation) return AssetFacts.None;

        switch (operation)
        {
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                var values = arrayInitializer.ElementValues;
                var urls = new string?[values.Length];
                for (var i = 0; i < values.Length; i++) urls[i] = ConstantUrl(values[i]);
                return AssetFacts.Of(urls);

            case IObjectCreationOperation { Initializer: { } collection } when collection.Initializers.Length > 0:
                var adds = collection.Initializers;
                var added = new string?[adds.Length];
                for (var i = 0; i < adds.Length; i++)
                {
                    if (adds[i] is not IInvocationOperation { Arguments.Length: 1 } add) return AssetFacts.Unknown;
                    added[i] = ConstantUrl(add.Arguments[0].Value);
                }
                return AssetFacts.Of(added);
        }

        if (operation.Syntax is CollectionExpressionSyntax collectionExpression)
        {
            return ReadCollectionExpression(operation, collectionExpression);
        }
        return AssetFacts.Unknown;
    }

    /// <summary>
    /// <c>[a, b]</c>. Newer compilers give its elements as child operations (ICollectionExpressionOperation,
    /// which the Roslyn 4.8 baseline cannot name); when they do not line up with the syntax, the semantic
    /// model answers instead. A spread (<c>..x</c>) makes the count unknown.
    /// </summary>
    private static AssetFacts ReadCollectionExpression(IOperation operation, CollectionExpressionSyntax syntax)
    {
        var elements = syntax.Elements;
        var urls = new string?[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not ExpressionElementSyntax) return AssetFacts.Unknown;
        }
        var index = 0;
        foreach (var child in operation.ChildOperations)
        {
            if (index >= urls.Length || child.Syntax != ((ExpressionElementSyntax)elements[index]).Expression) { index = -1; break; }
            urls[index++] = ConstantUrl(child);
        }
        if (index == urls.Length) return AssetFacts.Of(urls);

        if (operation.SemanticModel is not { } model) return AssetFacts.Unknown;
        for (var i = 0; i < elements.Count; i++)
        {
            var constant = model.GetConstantValue(((ExpressionElementSyntax)elements[i]).Expression);
            urls[i] = constant.HasValue ? constant.Value as string : null;
        }
        return AssetFacts.Of(urls);
    }

    /// <summary>Where item <paramref name="index"/> of a list read by <see cref="ReadList"/> is written.</summary>
    private static SyntaxNode? ElementSyntax(IOperation list, int index)
    {
        switch (list)
        {
            case IArrayCreationOperation { Initializer: { } arrayInitializer } when index < arrayInitializer.ElementValues.Length:
                return arrayInitializer.ElementValues[index].Syntax;
            case IObjectCreationOperation { Initializer: { } collection } when index < collection.Initializers.Length
                && collection.Initializers[index] is IInvocationOperation { Arguments.Length: 1 } add:
                return add.Arguments[0].Value.Syntax;
        }
        return list.Syntax is CollectionExpressionSyntax collectionExpression && index < collectionExpression.Elements.Count
            ? collectionExpression.Elements[index]
            : null;
    }

    private static string? ConstantUrl(IOperation item) =>
        Unwrap(item).ConstantValue is { HasValue: true, Value: string url } ? url : null;

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
