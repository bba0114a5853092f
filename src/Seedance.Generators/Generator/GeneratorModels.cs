using Seedance.Rules;

namespace Seedance.Generators.Generator;

// The generator's pipeline models: records of strings, numbers and EquatableArray, never symbols,
// syntax or compilations, so that every step caches by value.

/// <summary>A class marked <c>[SeedanceClient]</c>.</summary>
/// <param name="Namespace">The containing namespace, or "" for the global namespace.</param>
/// <param name="ModelFilter">The IDs of <c>[SeedanceClient(Models = …)]</c>; empty for every model.</param>
internal sealed record ClientTarget(string Namespace, string ClassName, bool IsPublic, EquatableArray<string> ModelFilter)
{
    public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;
}

/// <summary>Everything emitted once per namespace: the request records and the model table.</summary>
/// <param name="Qualifier">"global::Ns." (or "global::"), so that generated code names its own types unambiguously.</param>
internal sealed record NamespaceModel(
    string Namespace,
    string Qualifier,
    string Accessibility,
    EquatableArray<RequestTypeModel> Requests,
    EquatableArray<ModelConstantModel> Constants,
    string? MatrixJsonLiteral);

internal sealed record ModelConstantModel(string Name, string ModelId);

/// <summary>One generated request record.</summary>
internal sealed record RequestTypeModel(
    string TypeName,
    string ModelId,
    string Summary,
    EquatableArray<AssetPropertyModel> Assets,
    int DefaultDuration,
    string DurationDoc,
    string DefaultQualityLiteral,
    string QualityDoc,
    string DefaultAspectRatioLiteral,
    string AspectRatioDoc,
    string PromptDoc,
    EquatableArray<FieldPropertyModel> Fields,
    EquatableArray<FieldPropertyModel> ModelParams,
    EquatableArray<FieldPropertyModel> AdditionalFields);

internal sealed record AssetPropertyModel(string Property, string Kind, string Doc);

/// <param name="Target">"GenerateAudio" or "CallbackUrl" when the field maps onto that SeedanceRequest property, else "".</param>
/// <param name="ValueExpression">C# that turns the property's non-null value into a JsonElement (model params and additional fields).</param>
internal sealed record FieldPropertyModel(string Property, string WireKeyLiteral, string Type, string? DefaultLiteral, string Doc, string Target, string ValueExpression);

/// <summary>One generated client partial.</summary>
internal sealed record ClientModel(string Namespace, string Qualifier, string ClassName, string FullName, EquatableArray<ClientMethodModel> Methods);

internal sealed record ClientMethodModel(string Name, string RequestType, string ModelId);

/// <summary>Every <c>[SeedanceClient]</c> class of the compilation, as one pipeline value (a class: see the generator).</summary>
internal sealed record ClientSet(EquatableArray<ClientTarget> Clients)
{
    public ClientSet(System.Collections.Immutable.ImmutableArray<ClientTarget> clients)
        : this(clients.ToEquatableArray())
    {
    }

    public bool IsEmpty => Clients.Count == 0;
}

/// <summary>The request types referenced assemblies already define in a client's namespace (a class: see the generator).</summary>
internal sealed record ReferencedTypes(EquatableArray<string> Names);
