using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Seedance.Rules;

namespace Seedance;

/// <summary>
/// A model matrix: the models a client knows and the rules their requests must follow. Generated code
/// carries the matrix it was generated from (the package's default or the project's own
/// <c>seedance.models.json</c>); <see cref="Default"/> is the package's. Validation runs the same rule
/// engine as the analyzers, so a run-time error carries the same rule ID as the squiggle would have.
/// </summary>
public sealed class SeedanceModelCatalog
{
    private static readonly Lazy<SeedanceModelCatalog> s_default = new(LoadDefault);

    private readonly ModelMatrix _matrix;
    private readonly Dictionary<string, SeedanceModelInfo> _byId;

    private SeedanceModelCatalog(ModelMatrix matrix)
    {
        _matrix = matrix;
        var models = new List<SeedanceModelInfo>(matrix.Models.Count);
        _byId = new Dictionary<string, SeedanceModelInfo>(StringComparer.Ordinal);
        foreach (var spec in matrix.Models)
        {
            var info = new SeedanceModelInfo(spec);
            models.Add(info);
            _byId[spec.Id] = info;
        }
        Models = models;
    }

    /// <summary>The package's default matrix (<c>schema/seedance.models.json</c> of the release).</summary>
    public static SeedanceModelCatalog Default => s_default.Value;

    /// <summary>Every model, in matrix order.</summary>
    public IReadOnlyList<SeedanceModelInfo> Models { get; }

    internal ModelMatrix Matrix => _matrix;

    /// <summary>Reads a matrix in the format of <c>seedance.models.schema.json</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid matrix; the message lists each problem with its line and column.</exception>
    public static SeedanceModelCatalog Parse(string matrixJson)
    {
        if (matrixJson is null) throw new ArgumentNullException(nameof(matrixJson));
        var result = MatrixReader.Read(matrixJson);
        if (result.Matrix is null)
        {
            var builder = new StringBuilder("The model matrix is invalid:");
            foreach (var error in result.Errors) builder.AppendLine().Append("  ").Append(error);
            throw new FormatException(builder.ToString());
        }
        return new SeedanceModelCatalog(result.Matrix);
    }

    /// <summary>The model with <paramref name="modelId"/>, or null.</summary>
    public SeedanceModelInfo? Find(string modelId) =>
        modelId is not null && _byId.TryGetValue(modelId, out var info) ? info : null;

    /// <summary>
    /// The estimated price in US dollars of <paramref name="request"/> (its duration and quality, or the model's
    /// defaults), from the matrix's prices; null for a model the matrix does not list or has no price for.
    /// </summary>
    public decimal? EstimateCost(SeedanceRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var model = Find(request.Model);
        return model?.EstimateCost(request.Duration ?? model.DefaultDuration, request.Quality?.Value ?? model.DefaultQuality);
    }

    /// <summary>Every rule <paramref name="request"/> breaks, errors, warnings and suggestions alike.</summary>
    public IReadOnlyList<SeedanceValidationError> Check(SeedanceRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        var facts = new RequestFacts
        {
            ModelId = request.Model,
            Prompt = request.Prompt,
            Images = Facts(request.ImageUrls),
            Videos = Facts(request.VideoUrls),
            Audios = Facts(request.AudioUrls),
            Duration = request.Duration,
            Quality = request.Quality?.Value,
            AspectRatio = request.AspectRatio?.Value,
        };
        var violations = new List<RuleViolation>();
        RequestRules.Check(_matrix, facts, violations);
        var errors = new List<SeedanceValidationError>(violations.Count);
        foreach (var violation in violations)
        {
            errors.Add(new SeedanceValidationError(violation.Rule.Id, (SeedanceRuleSeverity)violation.Rule.Severity, FieldName(violation), violation.Message));
        }
        return errors;
    }

    /// <summary>
    /// Throws <see cref="SeedanceValidationException"/> when <paramref name="request"/> breaks any rule of error
    /// severity (warnings and suggestions do not stop a request; see <see cref="Check"/>).
    /// </summary>
    public void Validate(SeedanceRequest request)
    {
        var all = Check(request);
        List<SeedanceValidationError>? errors = null;
        foreach (var error in all)
        {
            if (error.Severity == SeedanceRuleSeverity.Error) (errors ??= new()).Add(error);
        }
        if (errors is not null) throw new SeedanceValidationException(errors);
    }

    private static AssetFacts Facts(IReadOnlyList<string>? urls) => urls is null ? AssetFacts.None : AssetFacts.Of(urls);

    private static string FieldName(RuleViolation violation)
    {
        var name = WireNames.Of(violation.Target) ?? "request";
        return violation.Index >= 0 ? $"{name}[{violation.Index}]" : name;
    }

    private static SeedanceModelCatalog LoadDefault()
    {
        using var stream = typeof(SeedanceModelCatalog).Assembly.GetManifestResourceStream("Seedance.seedance.models.json")
            ?? throw new InvalidOperationException("The default model matrix is missing from Seedance.dll.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}
