using System.Collections.Generic;
using System.Linq;
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

    // Values written as ?: or switch expressions: each arm is checked on its own, as a variant of the site.
    private List<(MemberRole Role, IOperation Arm)>? _arms;

    private readonly ValueResolver _values;

    private RequestSite(SyntaxNode whole, ValueResolver values)
    {
        Whole = whole;
        _values = values;
    }

    // The facts are gathered member by member into these fields and made into one immutable
    // RequestFacts (the outcome cache's key) when first read.
    private RequestFacts? _facts;
    private string? _modelId;
    private string? _promptValue;
    private bool _promptIsComplete = true;
    private AssetFacts _images = AssetFacts.Unknown;
    private AssetFacts _videos = AssetFacts.Unknown;
    private AssetFacts _audios = AssetFacts.Unknown;
    private int? _duration;
    private string? _quality;
    private string? _aspectRatio;

    public RequestFacts Facts => _facts ??= new RequestFacts
    {
        ModelId = _modelId,
        Prompt = _promptValue,
        PromptIsComplete = _promptIsComplete,
        Images = _images,
        Videos = _videos,
        Audios = _audios,
        Duration = _duration,
        Quality = _quality,
        AspectRatio = _aspectRatio,
    };

    public PromptText? Prompt => _prompt ??= _promptOperation is null ? null : PromptText.From(_promptOperation, _values);

    /// <summary>Whether a value is a conditional whose arms are checked one by one (<see cref="Variants"/>).</summary>
    public bool HasArms => _arms is not null;

    /// <summary>
    /// One copy of the site per arm of a conditional value, with that arm's value: each is checked on its own,
    /// and its squiggles land in its arm. Only called when <see cref="HasArms"/>: most requests have none.
    /// </summary>
    public List<RequestSite> Variants()
    {
        var variants = new List<RequestSite>(_arms?.Count ?? 0);
        if (_arms is null) return variants;
        foreach (var (role, arm) in _arms)
        {
            var variant = (RequestSite)MemberwiseClone();
            variant._arms = null;
            variant.Read(role, arm);
            variants.Add(variant);
        }
        return variants;
    }

    public SyntaxNode Whole { get; }

    /// <summary>The request type's name in <c>new X { … }</c>, when the model comes from the type.</summary>
    public SyntaxNode? TypeName { get; private set; }

    public INamedTypeSymbol? RequestType { get; private set; }

    public SyntaxNode? ModelValue { get; private set; }

    /// <summary>The const or readonly variable a setting is read from (<c>Quality = q</c>), for fixes made at its declaration.</summary>
    public ISymbol? ModelSource { get; private set; }

    public ISymbol? DurationSource { get; private set; }

    public ISymbol? QualitySource { get; private set; }

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
        var site = new RequestSite(creation.Syntax, symbols.Values) { RequestType = type };

        IObjectOrCollectionInitializerOperation? initializer;
        if (creation is IObjectCreationOperation objectCreation)
        {
            initializer = objectCreation.Initializer;
            if (isRequest)
            {
                // Everything not set here has the type's default: no assets.
                site._images = site._videos = site._audios = AssetFacts.None;
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

        if (shape.ModelId is { } modelId) site._modelId = modelId;

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
            site ??= new RequestSite(invocation.Syntax, symbols.Values);
            site.Read(role, argument.Value);
        }
        return site;
    }

    private void Read(MemberRole role, IOperation value)
    {
        // A later setting replaces an earlier one (the initializer after the constructor), arms included.
        if (_arms is not null) DropArms(role);
        // A variable is followed to the value it provably holds; what cannot be proven stays unknown.
        var resolved = _values.Resolve(value, out var added);
        if (resolved is null || CollectArms(role, resolved, value, 0))
        {
            // Not "none": a list the request sets to something unknown may hold anything.
            MarkUnknown(role);
            return;
        }
        switch (role)
        {
            case MemberRole.Prompt:
                _prompt = null;
                _promptOperation = null;
                if (value.ConstantValue is { HasValue: true, Value: string constant })
                {
                    // The common case: the compiler has the value; the text map waits for a violation.
                    _promptOperation = value;
                    _promptValue = constant; _promptIsComplete = true; _facts = null;
                }
                else if (PromptText.From(value, _values) is { } prompt)
                {
                    _prompt = prompt;
                    _promptOperation = value;
                    _promptValue = prompt.Value; _promptIsComplete = prompt.IsComplete; _facts = null;
                }
                break;
            case MemberRole.ModelId:
                if (resolved.ConstantValue is { HasValue: true, Value: string id })
                {
                    _modelId = id; _facts = null;
                    ModelValue = value.Syntax;
                    ModelSource = Declarations.VariableOf(value);
                }
                break;
            case MemberRole.Duration:
                if (resolved.ConstantValue is { HasValue: true, Value: int seconds })
                {
                    _duration = seconds; _facts = null;
                    Duration = value.Syntax;
                    DurationSource = Declarations.VariableOf(value);
                }
                break;
            case MemberRole.Quality:
                if (ConstantString(resolved) is { } quality)
                {
                    _quality = quality; _facts = null;
                    Quality = value.Syntax;
                    QualitySource = Declarations.VariableOf(value);
                }
                break;
            case MemberRole.AspectRatio:
                if (ConstantString(resolved) is { } ratio)
                {
                    _aspectRatio = ratio; _facts = null;
                    AspectRatio = value.Syntax;
                }
                break;
            case MemberRole.Images:
                ReadAssets(AssetKind.Image, value, resolved, added);
                break;
            case MemberRole.Videos:
                ReadAssets(AssetKind.Video, value, resolved, added);
                break;
            case MemberRole.Audios:
                ReadAssets(AssetKind.Audio, value, resolved, added);
                break;
        }
    }

    // A loop, not RemoveAll with a lambda: a lambda over the parameter would allocate on every Read.
    private void DropArms(MemberRole role)
    {
        for (var i = _arms!.Count - 1; i >= 0; i--)
        {
            if (_arms[i].Role == role) _arms.RemoveAt(i);
        }
        if (_arms.Count == 0) _arms = null;
    }

    private void MarkUnknown(MemberRole role)
    {
        switch (role)
        {
            case MemberRole.Prompt: _promptValue = null; _facts = null; _prompt = null; _promptOperation = null; break;
            case MemberRole.ModelId: _modelId = null; _facts = null; break;
            case MemberRole.Duration: _duration = null; _facts = null; break;
            case MemberRole.Quality: _quality = null; _facts = null; break;
            case MemberRole.AspectRatio: _aspectRatio = null; _facts = null; break;
            case MemberRole.Images: _images = AssetFacts.Unknown; _facts = null; break;
            case MemberRole.Videos: _videos = AssetFacts.Unknown; _facts = null; break;
            case MemberRole.Audios: _audios = AssetFacts.Unknown; _facts = null; break;
        }
    }

    /// <summary>
    /// <c>c ? a : b</c> and switch expressions, nested too: records each arm (at most 16) to be checked on
    /// its own. Arms of a variable declared elsewhere are not expanded: their squiggles would land there.
    /// </summary>
    private bool CollectArms(MemberRole role, IOperation resolved, IOperation value, int depth)
    {
        if (resolved is not (IConditionalOperation { WhenFalse: not null } or ISwitchExpressionOperation)) return false;
        if (resolved.ConstantValue.HasValue) return false;
        var arms = new List<IOperation>();
        if (!Flatten(resolved, arms, 0) || resolved.Syntax.SyntaxTree != value.Syntax.SyntaxTree) return true;
        _arms ??= new List<(MemberRole, IOperation)>();
        foreach (var arm in arms) _arms.Add((role, arm));
        return true;

        static bool Flatten(IOperation operation, List<IOperation> arms, int level)
        {
            operation = Unwrap(operation);
            if (level > 4 || arms.Count > 16) return false;
            switch (operation)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when !operation.ConstantValue.HasValue:
                    return Flatten(conditional.WhenTrue, arms, level + 1) && Flatten(whenFalse, arms, level + 1);
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (!Flatten(arm.Value, arms, level + 1)) return false;
                    }
                    return true;
                default:
                    arms.Add(operation);
                    return true;
            }
        }
    }

    private void ReadAssets(AssetKind kind, IOperation value, IOperation resolved, IReadOnlyList<IOperation>? added)
    {
        var facts = ReadList(resolved, added, _values);
        // Items are placed where they are written when that is in this file; otherwise on the list as used.
        // With a spread, items and written elements no longer line up one to one: squiggles go on the list.
        var items = facts.Urls is not null && resolved.Syntax.SyntaxTree == value.Syntax.SyntaxTree
            && !(resolved.Syntax is CollectionExpressionSyntax written && written.Elements.Any(e => e is SpreadElementSyntax)) ? resolved : null;
        switch (kind)
        {
            case AssetKind.Image: _images = facts; _facts = null; _imageList = value.Syntax; _imageItems = items; break;
            case AssetKind.Video: _videos = facts; _facts = null; _videoList = value.Syntax; _videoItems = items; break;
            default: _audios = facts; _facts = null; _audioList = value.Syntax; _audioItems = items; break;
        }
    }

    /// <summary>
    /// The count and constant URLs of an array, a collection initializer, a collection expression (spreads
    /// of known lists included), <c>.ToArray()</c>/<c>.ToList()</c> of one, and the items added to a local
    /// list afterwards.
    /// </summary>
    private static AssetFacts ReadList(IOperation operation, IReadOnlyList<IOperation>? added, ValueResolver values, int depth = 0)
    {
        if (depth > 8) return AssetFacts.Unknown;
        var listed = ReadListItself(operation, values, depth);
        if (added is null || !listed.IsKnown) return listed;
        var urls = new string?[listed.Count + added.Count];
        for (var i = 0; i < listed.Count; i++) urls[i] = listed.Urls?[i];
        for (var i = 0; i < added.Count; i++) urls[listed.Count + i] = ConstantUrl(added[i], values);
        return AssetFacts.Of(urls);
    }

    private static AssetFacts ReadListItself(IOperation operation, ValueResolver values, int depth)
    {
        if (operation.ConstantValue is { HasValue: true, Value: null }) return AssetFacts.None;
        if (operation is IDefaultValueOperation) return AssetFacts.None;

        switch (operation)
        {
            case IArrayCreationOperation { Initializer: { } arrayInitializer }:
                var elementValues = arrayInitializer.ElementValues;
                var urls = new string?[elementValues.Length];
                for (var i = 0; i < elementValues.Length; i++) urls[i] = ConstantUrl(elementValues[i], values);
                return AssetFacts.Of(urls);

            case IObjectCreationOperation { Initializer: { } collection } when collection.Initializers.Length > 0:
                var adds = collection.Initializers;
                var added = new string?[adds.Length];
                for (var i = 0; i < adds.Length; i++)
                {
                    if (adds[i] is not IInvocationOperation { Arguments.Length: 1 } add) return AssetFacts.Unknown;
                    added[i] = ConstantUrl(add.Arguments[0].Value, values);
                }
                return AssetFacts.Of(added);

            case IObjectCreationOperation { Arguments.Length: 0, Initializer: null or { Initializers.Length: 0 } } empty
                when empty.Type is INamedTypeSymbol { IsGenericType: true }:
                // new List<string>(), to be filled by .Add calls the resolver found.
                return AssetFacts.None;

            case IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList", Arguments.Length: <= 1 } copy:
                var source = copy.Instance ?? (copy.Arguments.Length == 1 ? copy.Arguments[0].Value : null);
                if (source is null || values.Resolve(source, out var sourceAdded, depth + 1) is not { } resolvedSource) return AssetFacts.Unknown;
                return ReadList(resolvedSource, sourceAdded, values, depth + 1);
        }

        if (operation.Syntax is CollectionExpressionSyntax collectionExpression)
        {
            return ReadCollectionExpression(operation, collectionExpression, values, depth);
        }
        return AssetFacts.Unknown;
    }

    /// <summary>
    /// <c>[a, b, ..c]</c>. Newer compilers give its elements as child operations (ICollectionExpressionOperation,
    /// which the Roslyn 4.8 baseline cannot name); when they do not line up with the syntax, the semantic
    /// model answers instead. A spread of a list that is known adds its items; any other spread makes the
    /// count unknown.
    /// </summary>
    private static AssetFacts ReadCollectionExpression(IOperation operation, CollectionExpressionSyntax syntax, ValueResolver values, int depth)
    {
        var elements = syntax.Elements;
        var spreads = false;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is SpreadElementSyntax) spreads = true;
            else if (elements[i] is not ExpressionElementSyntax) return AssetFacts.Unknown;
        }
        if (!spreads)
        {
            var urls = new string?[elements.Count];
            var index = 0;
            foreach (var child in operation.ChildOperations)
            {
                if (index >= urls.Length || child.Syntax != ((ExpressionElementSyntax)elements[index]).Expression) { index = -1; break; }
                urls[index++] = ConstantUrl(child, values);
            }
            if (index == urls.Length) return AssetFacts.Of(urls);
        }

        if (operation.SemanticModel is not { } model) return AssetFacts.Unknown;
        var items = new List<string?>(elements.Count);
        foreach (var element in elements)
        {
            if (element is ExpressionElementSyntax expression)
            {
                items.Add(model.GetOperation(expression.Expression) is { } item ? ConstantUrl(item, values) : null);
                continue;
            }
            var spread = (SpreadElementSyntax)element;
            if (model.GetOperation(spread.Expression) is not { } spreadOperation || values.Resolve(spreadOperation, out var spreadAdded, depth + 1) is not { } spreadValue) return AssetFacts.Unknown;
            var inner = ReadList(spreadValue, spreadAdded, values, depth + 1);
            if (!inner.IsKnown) return AssetFacts.Unknown;
            for (var i = 0; i < inner.Count; i++) items.Add(inner.Urls?[i]);
        }
        return AssetFacts.Of(items.ToArray());
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

    private static string? ConstantUrl(IOperation item, ValueResolver values) =>
        values.Resolve(item, out _) is { ConstantValue: { HasValue: true, Value: string url } } ? url : null;

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
