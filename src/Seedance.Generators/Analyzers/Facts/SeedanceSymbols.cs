using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>What a property, field or parameter holds, as its attributes, name and type say.</summary>
internal enum MemberRole
{
    None,
    Prompt,
    ModelId,
    Images,
    Videos,
    Audios,
    Duration,
    Quality,
    AspectRatio,
}

/// <summary>What a created type is to the analyzer.</summary>
internal enum TypeRole
{
    /// <summary>Nothing Seedance: the creation is skipped.</summary>
    None,

    /// <summary><c>SeedanceRequest</c> or a type marked <c>[SeedanceModel]</c>.</summary>
    Request,

    /// <summary>Another type with members that carry Seedance roles.</summary>
    HasRoles,
}

/// <summary>A type's role and model ID, cached together so that a creation costs one look-up.</summary>
internal readonly record struct TypeShape(TypeRole Role, string? ModelId);

/// <summary>
/// The runtime's types, looked up once per compilation; null when the compilation does not reference
/// Seedance, in which case the analyzers register nothing at all. Member roles and model IDs are cached
/// per symbol, so the per-operation work is a dictionary hit.
/// </summary>
internal sealed class SeedanceSymbols
{
    private readonly ConcurrentDictionary<ISymbol, MemberRole> _roles = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, string> _models = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _hasRoles = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeShape> _shapes = new(SymbolEqualityComparer.Default);

    private SeedanceSymbols(Compilation compilation, INamedTypeSymbol model, INamedTypeSymbol prompt, INamedTypeSymbol assets, INamedTypeSymbol modelId, INamedTypeSymbol request, INamedTypeSymbol? quality, INamedTypeSymbol? ratio)
    {
        Compilation = compilation;
        ModelAttribute = model;
        PromptAttribute = prompt;
        AssetsAttribute = assets;
        ModelIdAttribute = modelId;
        Request = request;
        Quality = quality;
        AspectRatio = ratio;
        Values = new ValueResolver(compilation);
    }

    public Compilation Compilation { get; }

    /// <summary>What variables hold where requests use them: the one value-resolution layer.</summary>
    public ValueResolver Values { get; }

    public INamedTypeSymbol ModelAttribute { get; }

    public INamedTypeSymbol PromptAttribute { get; }

    public INamedTypeSymbol AssetsAttribute { get; }

    public INamedTypeSymbol ModelIdAttribute { get; }

    public INamedTypeSymbol Request { get; }

    public INamedTypeSymbol? Quality { get; }

    public INamedTypeSymbol? AspectRatio { get; }

    public static SeedanceSymbols? Create(Compilation compilation)
    {
        if (FindType(compilation, "Seedance.SeedanceRequest") is not { } request) return null;
        // The other types live beside SeedanceRequest: look there, not through every reference again.
        var runtime = request.ContainingAssembly;
        var model = runtime.GetTypeByMetadataName("Seedance.SeedanceModelAttribute");
        var prompt = runtime.GetTypeByMetadataName("Seedance.SeedancePromptAttribute");
        var assets = runtime.GetTypeByMetadataName("Seedance.SeedanceAssetsAttribute");
        var modelId = runtime.GetTypeByMetadataName("Seedance.SeedanceModelIdAttribute");
        if (model is null || prompt is null || assets is null || modelId is null) return null;
        return new SeedanceSymbols(compilation, model, prompt, assets, modelId, request,
            runtime.GetTypeByMetadataName("Seedance.VideoQuality"), runtime.GetTypeByMetadataName("Seedance.AspectRatio"));
    }

    /// <summary>
    /// A Seedance type by metadata name, or null when the compilation has none. The runtime package's
    /// assembly is asked first, by name; then, only where a <c>Seedance</c> namespace exists, the project
    /// itself and the other references (the runtime built under another name, or its types declared in
    /// the project, as some tests and tools do). Most compilations have no such namespace, and for them
    /// this is a set look-up per reference, not a compilation-wide type search.
    /// </summary>
    public static INamedTypeSymbol? FindType(Compilation compilation, string metadataName)
    {
        var references = compilation.SourceModule.ReferencedAssemblySymbols;
        foreach (var assembly in references)
        {
            if (assembly.Name == RuntimeAssemblyName && assembly.GetTypeByMetadataName(metadataName) is { } type) return type;
        }
        if (compilation.Assembly.NamespaceNames.Contains(RuntimeNamespace) && compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own) return own;
        foreach (var assembly in references)
        {
            if (assembly.Name != RuntimeAssemblyName && assembly.NamespaceNames.Contains(RuntimeNamespace) && assembly.GetTypeByMetadataName(metadataName) is { } other) return other;
        }
        return null;
    }

    private const string RuntimeNamespace = "Seedance";

    private const string RuntimeAssemblyName = "Seedance";

    /// <summary>The model ID of a type marked <c>[SeedanceModel]</c>, or null.</summary>
    public string? ModelOf(ITypeSymbol? type)
    {
        if (type is null) return null;
        // Look first: GetOrAdd with a lambda over this instance allocates a delegate on every call.
        if (!_models.TryGetValue(type, out var id)) id = _models.GetOrAdd(type, t =>
        {
            foreach (var attribute in t.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ModelAttribute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value)
                {
                    return value;
                }
            }
            return string.Empty;
        });
        return id.Length == 0 ? null : id;
    }

    /// <summary>Whether a created type is a request, has role members, or is nothing to the analyzer; cached.</summary>
    public TypeShape ShapeOf(ITypeSymbol type) => _shapes.TryGetValue(type, out var shape) ? shape : _shapes.GetOrAdd(type, t =>
        IsRequestType(t) ? new TypeShape(TypeRole.Request, ModelOf(t))
        : HasRoles(t) ? new TypeShape(TypeRole.HasRoles, ModelOf(t))
        : new TypeShape(TypeRole.None, null));

    public bool IsRequestType(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Request) || ModelOf(type) is not null;

    /// <summary>
    /// Whether a method has a parameter, or a type a property or field, with a Seedance role; cached, so
    /// that the per-invocation and per-creation check for unrelated code is one dictionary hit.
    /// </summary>
    public bool HasRoles(ISymbol symbol) => _hasRoles.TryGetValue(symbol, out var has) ? has : _hasRoles.GetOrAdd(symbol, s =>
    {
        switch (s)
        {
            case IMethodSymbol method:
                foreach (var parameter in method.Parameters)
                {
                    if (RoleOf(parameter) != MemberRole.None) return true;
                }
                return false;
            case INamedTypeSymbol type:
                for (var current = type; current is not null; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is IPropertySymbol or IFieldSymbol && RoleOf(member) != MemberRole.None) return true;
                    }
                }
                return false;
            default:
                return false;
        }
    });

    /// <summary>The role of a property, field or parameter.</summary>
    public MemberRole RoleOf(ISymbol member) => _roles.TryGetValue(member, out var role) ? role : _roles.GetOrAdd(member, ComputeRole);

    private MemberRole ComputeRole(ISymbol member)
    {
        var role = DeclaredRole(member);
        return role == MemberRole.None && member is IParameterSymbol parameter ? InferredRole(parameter) : role;
    }

    /// <summary>
    /// One level into the user's own methods: a parameter of a private or internal method (or a local
    /// function) that flows unchanged into a request's prompt or asset list, and is never written, has
    /// that role at the method's call sites, as if it carried the attribute.
    /// </summary>
    private MemberRole InferredRole(IParameterSymbol parameter)
    {
        if (parameter.RefKind != RefKind.None || parameter.ContainingSymbol is not IMethodSymbol method) return MemberRole.None;
        if (method.MethodKind != MethodKind.LocalFunction && (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Internal))) return MemberRole.None;
        if (parameter.Type.SpecialType != SpecialType.System_String && parameter.Type is not (IArrayTypeSymbol or INamedTypeSymbol { IsGenericType: true })) return MemberRole.None;
        if (method.DeclaringSyntaxReferences.Length != 1) return MemberRole.None;
        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode? body = declaration switch
        {
            MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
            LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
            _ => null,
        };
        if (body is null || !Compilation.ContainsSyntaxTree(body.SyntaxTree)) return MemberRole.None;

        SemanticModel? model = null;
        var found = MemberRole.None;
        var uses = 0;
        var creations = 0;
        foreach (var node in body.DescendantNodes())
        {
            if (node is BaseObjectCreationExpressionSyntax) creations++;
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != parameter.Name) continue;
            // The same name may be a lambda's parameter or a local of a nested function: only this parameter counts.
#pragma warning disable RS1030 // Once per parameter and compilation (cached), for the tree that declares the method.
            model ??= Compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol, parameter)) continue;
            if (ValueResolver.IsWritten(identifier)) return MemberRole.None;
            uses++;
            // Prompt = text inside an object initializer, or text passed to a parameter that declares its role.
            var role = MemberRole.None;
            if (identifier.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Right == identifier)
            {
                if (model.GetSymbolInfo(assignment.Left).Symbol is { } target and (IPropertySymbol or IFieldSymbol)) role = DeclaredRole(target);
            }
            else if (identifier.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax or InvocationExpressionSyntax or ImplicitObjectCreationExpressionSyntax } } argument)
            {
                if (model.GetOperation(argument) is IArgumentOperation { Parameter: { } target }) role = DeclaredRole(target);
            }
            if (role is MemberRole.Prompt or MemberRole.Images or MemberRole.Videos or MemberRole.Audios)
            {
                if (found != MemberRole.None && found != role) return MemberRole.None;
                found = role;
            }
        }
        // A list's count is only the caller's when nothing else can touch it: a fixed-size parameter used once,
        // in a method that builds one request (two requests would mix one call's prompt with the other's assets).
        if (found is MemberRole.Images or MemberRole.Videos or MemberRole.Audios
            && (uses != 1 || creations != 1 || parameter.Type is not (IArrayTypeSymbol or INamedTypeSymbol { Name: "IReadOnlyList" or "IReadOnlyCollection" or "IEnumerable" or "ImmutableArray" })))
        {
            return MemberRole.None;
        }
        return found;
    }

    /// <summary>The role an attribute, a type or a name gives a member (no inference).</summary>
    private MemberRole DeclaredRole(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (SymbolEqualityComparer.Default.Equals(type, PromptAttribute)) return MemberRole.Prompt;
            if (SymbolEqualityComparer.Default.Equals(type, ModelIdAttribute)) return MemberRole.ModelId;
            if (SymbolEqualityComparer.Default.Equals(type, AssetsAttribute) && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int kind)
            {
                return (AssetKind)kind switch
                {
                    AssetKind.Image => MemberRole.Images,
                    AssetKind.Video => MemberRole.Videos,
                    _ => MemberRole.Audios,
                };
            }
        }
        // Settings are known by type (VideoQuality, AspectRatio) and by name on request types (Duration).
        var memberType = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (memberType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) memberType = nullable.TypeArguments[0];
        if (memberType is null) return MemberRole.None;
        if (Quality is not null && SymbolEqualityComparer.Default.Equals(memberType, Quality)) return MemberRole.Quality;
        if (AspectRatio is not null && SymbolEqualityComparer.Default.Equals(memberType, AspectRatio)) return MemberRole.AspectRatio;
        if (member.Name == "Duration" && memberType.SpecialType == SpecialType.System_Int32 && IsRequestType(member.ContainingType)) return MemberRole.Duration;
        return MemberRole.None;
    }
}
