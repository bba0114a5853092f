using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Seedance.Generators.Analyzers;
using Seedance.Generators.Matrix;
using Seedance.Generators.Tests.Infrastructure;
using Xunit;

namespace Seedance.Generators.Tests.Analyzers;

/// <summary>Run alone: the cache is process-wide, and other tests parse thousands of truncated matrices.</summary>
[CollectionDefinition(nameof(AnalyzerMatrixCollection), DisableParallelization = true)]
public sealed class AnalyzerMatrixCollection;

/// <summary>
/// The analyzers' matrix: parsed once per distinct text, and the same instance handed back for it (the
/// rules' outcome cache hangs off that instance), whatever else the process parsed in between.
/// </summary>
[Collection(nameof(AnalyzerMatrixCollection))]
public sealed class AnalyzerMatrixTests
{
    private static int s_distinct;

    // A custom matrix: the default's text made distinct from every other one here by trailing spaces.
    private static string DistinctText() => MatrixSource.DefaultText.TrimEnd() + "\n" + new string(' ', Interlocked.Increment(ref s_distinct)) + "\n";

    private static string NewPath() => $"/{Guid.NewGuid():N}/seedance.models.json";

    private static ParsedMatrix Get(params AdditionalText[] files) => AnalyzerMatrix.Get([.. files], CancellationToken.None).Model;

    [Fact]
    public void Without_a_matrix_file_the_default_is_used()
    {
        Assert.Same(MatrixSource.Default, Get(new InMemoryAdditionalText("/p/request.seedance.json", "{}")));
    }

    [Fact]
    public void The_same_file_gives_the_same_parsed_matrix()
    {
        var file = new InMemoryAdditionalText(NewPath(), DistinctText());

        var first = Get(file);

        Assert.NotNull(first.Result.Matrix);
        Assert.Same(first, Get(file));
    }

    [Fact]
    public void Two_projects_with_their_own_matrices_do_not_parse_each_other_out()
    {
        var a = new InMemoryAdditionalText(NewPath(), DistinctText());
        var b = new InMemoryAdditionalText(NewPath(), DistinctText());

        var firstA = Get(a);
        var firstB = Get(b);

        Assert.NotSame(firstA, firstB);
        Assert.Same(firstA, Get(a));
        Assert.Same(firstB, Get(b));
    }

    [Fact]
    public void An_unchanged_file_keeps_its_matrix_however_many_others_were_parsed_since()
    {
        var file = new InMemoryAdditionalText(NewPath(), DistinctText());
        var first = Get(file);
        for (var i = 0; i < 6; i++) Get(new InMemoryAdditionalText(NewPath(), DistinctText()));

        Assert.Same(first, Get(file));
    }

    [Fact]
    public void One_text_instance_at_two_paths_gives_each_path_its_own_matrix()
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(DistinctText());
        var first = new InMemoryAdditionalText(NewPath(), text);
        var second = new InMemoryAdditionalText(NewPath(), text);

        Assert.Equal(first.Path, Get(first).Source.Path);
        Assert.Equal(second.Path, Get(second).Source.Path);
        Assert.Equal(first.Path, Get(first).Source.Path);
    }

    [Fact]
    public void A_file_reloaded_with_the_same_text_finds_its_parsed_matrix()
    {
        var path = NewPath();
        var text = DistinctText();
        var first = Get(new InMemoryAdditionalText(path, text));

        Assert.Same(first, Get(new InMemoryAdditionalText(path, text)));
    }

    [Fact]
    public void An_edit_is_parsed_again_and_its_errors_are_seen()
    {
        var path = NewPath();
        var before = Get(new InMemoryAdditionalText(path, DistinctText()));

        var after = Get(new InMemoryAdditionalText(path, "{ \"models\": [ }"));

        Assert.NotSame(before, after);
        Assert.Null(after.Result.Matrix);
        Assert.NotEmpty(after.Result.Errors);
    }

    [Fact]
    public void The_same_text_at_another_path_is_its_own_matrix()
    {
        // Diagnostics of a matrix are located in its file: the path is part of what was parsed.
        var text = DistinctText();
        var first = Get(new InMemoryAdditionalText(NewPath(), text));
        var other = Get(new InMemoryAdditionalText(NewPath(), text));

        Assert.NotSame(first, other);
        Assert.NotEqual(first.Source.Path, other.Source.Path);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("seedance.models.json", true)]
    [InlineData("/p/seedance.models.json", true)]
    [InlineData(@"C:\p\Seedance.Models.JSON", true)]
    [InlineData("/p/my-seedance.models.json", false)]
    [InlineData("/p/seedance.models.json.bak", false)]
    [InlineData("/p/seedance.models.jso", false)]
    public void A_matrix_file_is_known_by_its_whole_name(string? path, bool expected)
    {
        Assert.Equal(expected, MatrixSource.IsMatrixFile(path));
    }

    [Fact]
    public void The_first_matrix_file_by_path_is_chosen()
    {
        var late = new InMemoryAdditionalText("/z/" + Guid.NewGuid().ToString("N") + "/seedance.models.json", DistinctText());
        var early = new InMemoryAdditionalText("/a/" + Guid.NewGuid().ToString("N") + "/seedance.models.json", DistinctText());

        Assert.Equal(early.Path, Get(late, early).Source.Path);
        Assert.Equal(early.Path, Get(early, late).Source.Path);
    }
}
