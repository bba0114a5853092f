using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Seedance.Generators.Matrix;

namespace Seedance.Generators.Generator;

/// <summary>
/// Generates, from the model matrix, the request records, model table and client methods for every
/// class marked <c>[SeedanceClient]</c>. Pipeline only: input → model is in <c>.Parser.cs</c>,
/// model → text in <c>.Emitter.cs</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SeedanceClientGenerator : IIncrementalGenerator
{
    internal const string ClientAttributeName = "Seedance.SeedanceClientAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var clients = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ClientAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => Parser.ParseClient(attributeContext, cancellationToken))
            .Where(static client => client is not null)
            .Select(static (client, _) => client!)
            .WithTrackingName(TrackingNames.Clients);

        // Every value below is a class (ClientSet, ParsedMatrix, ReferencedTypes) or a tuple of classes: the driver's
        // generic node code is then shared with the other generators' (compiled once for __Canon), where struct
        // values such as ImmutableArray or EquatableArray would each be JIT-compiled again in every build.
        var allClients = clients
            .Collect()
            .Select(static (found, _) => new ClientSet(found));

        var matrixText = context.AdditionalTextsProvider
            .Where(static file => MatrixSource.IsMatrixFile(file.Path))
            .Select(static (file, cancellationToken) => new MatrixText(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.MatrixFiles)
            .Collect()
            .Select(static (files, _) => MatrixSource.Choose(files))
            .WithTrackingName(TrackingNames.MatrixText);

        // The matrix is parsed only once there is a client to generate for: in a project that references the
        // package and uses none of it (every project that references one that does), nothing is read or parsed.
        var matrix = matrixText
            .Combine(allClients)
            .Select(static (input, cancellationToken) => input.Right.IsEmpty ? MatrixSource.Unused : MatrixSource.Parse(input.Left, cancellationToken))
            .WithTrackingName(TrackingNames.Matrix);

        // Request types that a referenced project already generated into the same namespace are reused,
        // not generated again (that would be CS0436 in the referencing project).
        var referenced = allClients
            .Combine(matrix)
            .Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => new ReferencedTypes(Parser.FindReferencedRequestTypes(input.Left.Left.Clients.AsImmutableArray(), input.Left.Right, input.Right, cancellationToken)))
            .WithTrackingName(TrackingNames.ReferencedRequestTypes);

        var namespaces = allClients
            .Combine(matrix)
            .Combine(referenced)
            .SelectMany(static (input, cancellationToken) => Parser.BuildNamespaces(input.Left.Left.Clients.AsImmutableArray(), input.Left.Right, input.Right.Names, cancellationToken))
            .WithTrackingName(TrackingNames.Namespaces);

        var clientModels = clients
            .Combine(matrix)
            .Select(static (input, _) => Parser.BuildClient(input.Left, input.Right))
            .WithTrackingName(TrackingNames.ClientModels);

        context.RegisterSourceOutput(namespaces, static (output, model) => Emitter.EmitNamespace(output, model));
        context.RegisterSourceOutput(clientModels, static (output, model) =>
        {
            if (model is not null) Emitter.EmitClient(output, model);
        });
    }
}
