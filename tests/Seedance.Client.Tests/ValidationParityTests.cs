using System.Linq;
using Xunit;

namespace Seedance.Client.Tests;

/// <summary>Run-time validation is the analyzers' rule engine: the same request gives the same rule IDs.</summary>
public sealed class ValidationParityTests
{
    // The request of the analyzer test RequestFileTests.Json_request_files_get_the_same_rules_at_their_line_and_column.
    // Written as constants, it is stopped at compile time by the same rules: that is the point of the
    // package, and why the analyzers are silenced here to let the run-time check be exercised.
#pragma warning disable SEED0001, SEED0002, SEED0004, SEED0007, SEED0009, SEED0011, SEED0013
    private static SeedanceRequest Request => new(
        "seedance-2.0-reference-to-video",
        "Use @Image1 for the style; image 3 is the rider. She says: \u201CGo.\u201D")
    {
        ImageUrls = ["https://example.com/a.jpg", "https://example.com/b.png"],
        Duration = 20,
        Quality = "1080p",
        AspectRatio = "2:1",
    };
#pragma warning restore SEED0001, SEED0002, SEED0004, SEED0007, SEED0009, SEED0011, SEED0013

    [Fact]
    public void Check_reports_what_the_analyzers_report_for_the_same_request()
    {
        var ids = SeedanceModelCatalog.Default.Check(Request).Select(e => e.RuleId).OrderBy(id => id, System.StringComparer.Ordinal);

        Assert.Equal(["SEED0001", "SEED0002", "SEED0004", "SEED0007", "SEED0009", "SEED0011", "SEED0013"], ids);
    }

    [Fact]
    public void Validate_throws_for_the_errors_only_with_fields_in_the_api_naming()
    {
        var exception = Assert.Throws<SeedanceValidationException>(() => SeedanceModelCatalog.Default.Validate(Request));

        // In rule-ID order, the catalogue's, whatever order the mistakes come in.
        Assert.Equal(
            [("SEED0001", "prompt"), ("SEED0002", "quality"), ("SEED0004", "prompt"), ("SEED0007", "duration"), ("SEED0009", "aspect_ratio")],
            exception.Errors.Select(e => (e.RuleId, e.Field)));
        Assert.All(exception.Errors, e => Assert.Equal(SeedanceRuleSeverity.Error, e.Severity));
        Assert.StartsWith("The request was not sent: it breaks 5 rules.", exception.Message);
    }
}
