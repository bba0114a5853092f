using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Analyzers;

public sealed class RegistrationTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new SeedanceRequestAnalyzer(), new RequestFileAnalyzer(), new MatrixFileAnalyzer()];

    [Fact]
    public async Task Analyzers_register_nothing_for_a_compilation_that_does_not_reference_Seedance()
    {
        var compilation = CSharpCompilation.Create(
            "NoSeedance",
            [CSharpSyntaxTree.ParseText("class C { object M() => new System.Text.StringBuilder(\"@Image1\"); }")],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));

        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
        foreach (var analyzer in Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.Equal(1, telemetry.CompilationStartActionsCount + telemetry.CompilationActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.SyntaxNodeActionsCount);
            Assert.Equal(0, telemetry.AdditionalFileActionsCount);
            Assert.Equal(0, telemetry.CompilationEndActionsCount);
        }
    }

    [Fact]
    public async Task A_client_attribute_declared_in_the_project_still_gets_its_matrix_checked()
    {
        // The generator accepts [SeedanceClient] from any assembly (the probe declares it in source); the
        // matrix check must not depend on the runtime package's assembly name.
        var compilation = CSharpCompilation.Create(
            "OwnAttribute",
            [CSharpSyntaxTree.ParseText("namespace Seedance { public sealed class SeedanceClientAttribute : System.Attribute { } }")],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var matrix = new InMemoryAdditionalText("/p/seedance.models.json", "{ \"models\": [ }");
        var withAnalyzers = compilation.WithAnalyzers([new MatrixFileAnalyzer()], new AnalyzerOptions([matrix]));

        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Contains(diagnostics, d => d.Id == "SEED0015");
    }

    [Fact]
    public async Task With_Seedance_the_request_analyzer_registers_its_operation_actions()
    {
        var compilation = GeneratorHarness.CreateCompilation("using Seedance; class C { }");
        var withAnalyzers = compilation.WithAnalyzers([new SeedanceRequestAnalyzer()]);

        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(withAnalyzers.Analyzers.Single(), CancellationToken.None);

        // Creations and with-expressions, attributed calls, string-to-setting conversions.
        Assert.Equal(3, telemetry.OperationActionsCount);
    }

    [Fact]
    public async Task A_project_that_references_the_package_and_uses_none_of_it_gets_no_callback()
    {
        // Every project that references one using the package gets its analyzers: there they must cost nothing.
        var compilation = GeneratorHarness.CreateCompilation("class C { object M() => new System.Text.StringBuilder(\"@Image1\"); }");
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SeedanceRequestAnalyzer(), new ClientModelsAnalyzer(), new RequestFileAnalyzer(), new MatrixFileAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers);

        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.SymbolActionsCount);
            Assert.Equal(0, telemetry.AdditionalFileActionsCount);
        }
    }

    [Fact]
    public async Task Request_types_from_a_referenced_project_are_checked_though_no_file_names_Seedance()
    {
        // Project A uses the package (its generated request types are public); project B only references A.
        var a = GeneratorHarness.CreateCompilation(GeneratorHarness.DefaultClient).WithAssemblyName("ProjectA");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(a);
        driver.RunGeneratorsAndUpdateCompilation(a, out var generated, out _);
        using var image = new System.IO.MemoryStream();
        Assert.True(generated.Emit(image).Success);
        var b = CSharpCompilation.Create(
            "ProjectB",
            [CSharpSyntaxTree.ParseText("namespace B; public static class Use { public static object M() => new MyApp.TextToVideoRequest { Prompt = \"Image 1 glows.\", Quality = \"1080p\" }; }", GeneratorHarness.ParseOptions)],
            [.. GeneratorHarness.References, MetadataReference.CreateFromImage(image.ToArray())],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var diagnostics = await b.WithAnalyzers([new SeedanceRequestAnalyzer()]).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Contains(diagnostics, d => d.Id == "SEED0002");
    }
}
