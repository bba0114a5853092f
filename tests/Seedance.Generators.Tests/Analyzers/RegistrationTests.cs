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
        var compilation = GeneratorHarness.CreateCompilation("class C { }");
        var withAnalyzers = compilation.WithAnalyzers([new SeedanceRequestAnalyzer()]);

        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(withAnalyzers.Analyzers.Single(), CancellationToken.None);

        // Creations and with-expressions, attributed calls, string-to-setting conversions.
        Assert.Equal(3, telemetry.OperationActionsCount);
    }
}
