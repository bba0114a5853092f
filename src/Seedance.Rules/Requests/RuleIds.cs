namespace Seedance.Rules;

/// <summary>The diagnostic IDs, one constant per rule; every front end reports these.</summary>
internal static class RuleIds
{
    public const string TagSyntax = "SEED0001";
    public const string UnsupportedQuality = "SEED0002";
    public const string UnknownModel = "SEED0003";
    public const string ReferenceOutOfRange = "SEED0004";
    public const string NoVisualAnchor = "SEED0005";
    public const string AssetCount = "SEED0006";
    public const string DurationOutOfRange = "SEED0007";
    public const string PromptTooLong = "SEED0008";
    public const string UnsupportedAspectRatio = "SEED0009";
    public const string UnsupportedAssetUrl = "SEED0010";
    public const string UnreferencedAsset = "SEED0011";
    public const string BetterModel = "SEED0012";
    public const string UnspokenDialogue = "SEED0013";
    public const string SeveralRoles = "SEED0014";
    public const string InvalidMatrix = "SEED0015";
}
