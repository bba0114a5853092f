using System.Linq;
using Seedance.Generators.Tests.Infrastructure;
using Seedance.Rules;
using Xunit;

namespace Seedance.Generators.Tests.Matrix;

public sealed class MatrixReaderTests
{
    private static string DefaultMatrix => GeneratorHarness.ReadRepoFile("schema/seedance.models.json");

    [Fact]
    public void Default_matrix_has_the_nine_models_of_the_fact_sheet()
    {
        var result = MatrixReader.Read(DefaultMatrix);

        Assert.Empty(result.Errors);
        var models = result.Matrix!.Models;
        Assert.Equal(9, models.Count);
        var reference = result.Matrix.Find("seedance-2.0-reference-to-video")!;
        Assert.Equal("ReferenceToVideo", reference.Name);
        Assert.Equal((0, 9), (reference.Image.Min, reference.Image.Max));
        Assert.Equal((0, 3), (reference.Video.Min, reference.Video.Max));
        Assert.Equal((0, 3), (reference.Audio.Min, reference.Audio.Max));
        Assert.Equal(12, reference.MaxTotalAssets);
        Assert.True(reference.RequireVisualAnchor);
        Assert.Equal((4, 15, 5), (reference.MinDuration, reference.MaxDuration, reference.DefaultDuration));
        Assert.Equal(["480p", "720p"], reference.Qualities.ToArray());
        Assert.Equal(["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "adaptive"], reference.AspectRatios.ToArray());
        Assert.Equal((1000, 500), (reference.MaxEnglishWords, reference.MaxChineseCharacters));

        var image = result.Matrix.Find("seedance-2.0-image-to-video")!;
        Assert.Equal((1, 2), (image.Image.Min, image.Image.Max));
        Assert.Equal(0, image.Video.Max + image.Audio.Max);
        var text = result.Matrix.Find("seedance-2.0-mini-text-to-video")!;
        Assert.False(text.AcceptsAssets);
        Assert.DoesNotContain(text.Fields, f => f.WireName == "model_params.web_search");
        Assert.Contains(result.Matrix.Find("seedance-2.0-fast-text-to-video")!.Fields, f => f.WireName == "model_params.web_search");
        Assert.Null(result.Matrix.Find("seedance-2.0"));
    }

    [Theory]
    [InlineData("{ \"models\": [ ", 1, 15, "Unexpected end")]
    [InlineData("{\n  \"models\": 5\n}", 2, 13, "\"models\" must be an array")]
    [InlineData("{\n  \"models\": [ { \"id\": 7 } ]\n}", 2, 23, "\"id\" in a model must be a string")]
    [InlineData("{\n  \"models\": [\n    { \"id\": \"x\", \"family\": \"sound-to-video\" }\n  ]\n}", 3, 28, "Unknown family \"sound-to-video\"")]
    [InlineData("{ \"modles\": [] }", 1, 3, "Unknown property \"modles\"")]
    public void Bad_input_becomes_an_error_with_line_and_column(string text, int line, int column, string message)
    {
        var result = MatrixReader.Read(text);

        Assert.Null(result.Matrix);
        var error = result.Errors.First(e => e.Message.Contains(message, System.StringComparison.Ordinal));
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_duplicate_id_is_an_error_at_the_second_id()
    {
        var text = DefaultMatrix.Replace("\"id\": \"seedance-2.0-fast-text-to-video\"", "\"id\": \"seedance-2.0-text-to-video\"");

        var result = MatrixReader.Read(text);

        Assert.Null(result.Matrix);
        var duplicate = Assert.Single(result.Errors);
        Assert.Equal("Duplicate model ID \"seedance-2.0-text-to-video\"", duplicate.Message);
        Assert.Equal(TextPositionOf(text, "\"seedance-2.0-text-to-video\"", occurrence: 2), (duplicate.Line, duplicate.Column));
    }

    [Fact]
    public void Min_above_max_is_an_error()
    {
        var text = DefaultMatrix.Replace("\"min\": 4,", "\"min\": 16,");

        var result = MatrixReader.Read(text);

        Assert.Null(result.Matrix);
        Assert.Equal(9, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("min (16) is greater than max (15)", e.Message, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Every_truncation_of_the_default_matrix_reads_without_exception()
    {
        var text = DefaultMatrix;
        for (var length = 0; length < text.Length; length += 7)
        {
            var result = MatrixReader.Read(text.Substring(0, length));
            Assert.Null(result.Matrix);
            Assert.NotEmpty(result.Errors);
        }
    }

    private static (int Line, int Column) TextPositionOf(string text, string value, int occurrence)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++) index = text.IndexOf(value, index + 1, System.StringComparison.Ordinal);
        var position = TextPosition.FromOffset(text, index);
        return (position.Line, position.Column);
    }
}
