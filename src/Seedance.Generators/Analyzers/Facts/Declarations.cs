using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// Where a fix may edit a value that comes from a constant or a readonly variable: the literal it is
/// declared with, and only when the request is the variable's one use. A fix there never leaves an unused
/// constant behind, and never silently changes what other code reads.
/// </summary>
internal static class Declarations
{
    /// <summary>The local or field a value reads (<c>Quality = q</c>), or null.</summary>
    public static ISymbol? VariableOf(IOperation value) => RequestSite.Unwrap(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    /// <summary>The literal a const or readonly variable is declared with (<c>const string Q = "1080p";</c>), or null.</summary>
    public static LiteralExpressionSyntax? Literal(ISymbol variable)
    {
        if (variable is IFieldSymbol { IsConst: false, IsReadOnly: false } || variable is ILocalSymbol { IsConst: false }) return null;
        if (variable.DeclaringSyntaxReferences.Length != 1) return null;
        return variable.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal } ? literal : null;
    }

    /// <summary>
    /// Whether <paramref name="use"/> is the variable's only use: a local within its scope, a private field
    /// within its type's declarations. A field that other types can see may be used anywhere: false.
    /// </summary>
    public static bool IsOnlyUse(ISymbol variable, SyntaxNode use)
    {
        if (variable.DeclaringSyntaxReferences.Length != 1) return false;
        var declarator = variable.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode? scope;
        switch (variable)
        {
            case ILocalSymbol:
                scope = declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement ? ValueResolver.ScopeOf(statement) : null;
                break;
            case IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field when field.ContainingType.DeclaringSyntaxReferences.Length == 1:
                scope = field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax();
                break;
            default:
                return false;
        }
        if (scope is null || scope.SyntaxTree != use.SyntaxTree) return false;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == variable.Name && !use.Span.Contains(identifier.Span)) return false;
        }
        return true;
    }
}
