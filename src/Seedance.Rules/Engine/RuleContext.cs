using System.Collections.Generic;

namespace Seedance.Rules;

/// <summary>
/// One request being checked: its facts, its model's spec, and what the rules share (the prompt's
/// references are scanned once for all prompt rules). Made per check; the rules report into it.
/// </summary>
internal sealed class RuleContext
{
    private readonly List<RuleViolation> _violations;
    private List<PromptReference>? _references;

    public RuleContext(ModelMatrix matrix, RequestFacts facts, List<RuleViolation> violations)
    {
        Matrix = matrix;
        Facts = facts;
        Spec = matrix.Find(facts.ModelId);
        _violations = violations;
    }

    public ModelMatrix Matrix { get; }

    public RequestFacts Facts { get; }

    /// <summary>The request's model, or null when its ID is unknown or not in the matrix.</summary>
    public ModelSpec? Spec { get; }

    /// <summary>The prompt's asset references in order; empty when the prompt is unknown.</summary>
    public IReadOnlyList<PromptReference> References
    {
        get
        {
            if (_references is null)
            {
                _references = new List<PromptReference>();
                if (Facts.Prompt is { } prompt) PromptScanner.FindReferences(prompt, _references);
            }
            return _references;
        }
    }

    /// <summary>
    /// The family whose limits the known asset counts fit best (no assets: text-to-video; one or two
    /// images only: image-to-video), or null when a count is not known.
    /// </summary>
    public string? FittingFamily
    {
        get
        {
            if (!Facts.Images.IsKnown || !Facts.Videos.IsKnown || !Facts.Audios.IsKnown) return null;
            var images = Facts.Images.Count;
            if (images + Facts.Videos.Count + Facts.Audios.Count == 0) return ModelFamily.TextToVideo;
            if (Facts.Videos.Count == 0 && Facts.Audios.Count == 0 && images <= 2) return ModelFamily.ImageToVideo;
            return ModelFamily.ReferenceToVideo;
        }
    }

    public void Add(RuleViolation violation) => _violations.Add(violation);

    public void Report(RuleInfo rule, RuleTarget target, string[] args, RuleFix? fix = null) =>
        _violations.Add(new RuleViolation(rule, target, -1, -1, -1, args, fix));

    /// <summary>A violation about one asset of a list (<paramref name="index"/>) or a span of the prompt or a URL.</summary>
    public void Report(RuleInfo rule, RuleTarget target, int index, int start, int length, string[] args, RuleFix? fix = null) =>
        _violations.Add(new RuleViolation(rule, target, index, start, length, args, fix));
}
