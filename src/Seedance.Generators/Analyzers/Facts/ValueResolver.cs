using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Seedance.Generators.Analyzers.Facts;

/// <summary>
/// The one place that decides what a variable holds where a request uses it. It follows a reference to
/// the single value that defines it, and only when that value provably is what the request gets:
/// <list type="bullet">
/// <item>a <c>readonly</c> or <c>static readonly</c> field with an initializer that no constructor of its
/// type overwrites (C# allows writes to such a field nowhere else);</item>
/// <item>a local written only at its declaration: never assigned again, never passed by <c>ref</c> or
/// <c>out</c>, never written in a lambda;</item>
/// <item>a local list filled by <c>.Add</c> calls in straight-line code of the declaring block before the
/// request, and used nowhere else.</item>
/// </list>
/// Anything else is unknown, and unknown raises nothing. The checks are syntactic over the variable's
/// scope, so they cost a walk of one block or one type's constructors, cached per field.
/// </summary>
internal sealed class ValueResolver
{
    private const int MaxDepth = 8;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IFieldSymbol, Definition> _fields = new(SymbolEqualityComparer.Default);

    public ValueResolver(Compilation compilation) => _compilation = compilation;

    /// <summary>What defines a variable: its value, and the list items added to it afterwards (or none).</summary>
    public readonly record struct Definition(IOperation? Value, IReadOnlyList<IOperation>? Added)
    {
        public static Definition Unknown => default;

        public bool IsKnown => Value is not null;
    }

    /// <summary>
    /// Follows <paramref name="operation"/> through conversions, parentheses and provable variables to the
    /// expression that gives its value. Returns the operation itself when it is not a variable reference,
    /// and null when it is a variable whose value cannot be proven.
    /// </summary>
    public IOperation? Resolve(IOperation operation, out IReadOnlyList<IOperation>? added, int depth = 0)
    {
        added = null;
        operation = RequestSite.Unwrap(operation);
        if (operation.ConstantValue.HasValue) return operation;
        if (depth >= MaxDepth) return null;
        var definition = operation switch
        {
            ILocalReferenceOperation local => OfLocal(local),
            IFieldReferenceOperation field => OfField(field.Field),
            _ => (Definition?)null,
        };
        if (definition is null) return operation;
        if (!definition.Value.IsKnown) return null;
        var value = Resolve(definition.Value.Value!, out var inner, depth + 1);
        // A list built by .Add from another list built by .Add: the items are not in one place.
        if (inner is not null && definition.Value.Added is not null) return null;
        added = definition.Value.Added ?? inner;
        return value;
    }

    /// <summary>Whether <paramref name="operation"/> reads a variable this resolver follows (not a constant).</summary>
    public static bool IsVariable(IOperation operation) =>
        RequestSite.Unwrap(operation) is ILocalReferenceOperation or IFieldReferenceOperation && !operation.ConstantValue.HasValue;

    private Definition OfLocal(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1) return Definition.Unknown;
        if (local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator) return Definition.Unknown;
        if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } declaration) return Definition.Unknown;
        var scope = ScopeOf(declaration);
        if (scope is null || reference.SemanticModel is not { } model || model.SyntaxTree != declarator.SyntaxTree) return Definition.Unknown;

        List<IOperation>? added = null;
        var use = reference.Syntax;
        foreach (var node in scope.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != local.Name) continue;
            if (IsWritten(identifier)) return Definition.Unknown;
            if (use.Span.Contains(identifier.Span)) continue;
            // Any other use: a read is harmless for a string, but a list may be changed through it.
            if (local.Type.SpecialType == SpecialType.System_String) continue;
            if (!IsStraightLineAdd(identifier, declaration, use, out var argument)) return Definition.Unknown;
            if (model.GetOperation(argument) is not { } item) return Definition.Unknown;
            (added ??= new List<IOperation>()).Add(item);
        }
        return model.GetOperation(initializer) is { } value ? new Definition(value, added) : Definition.Unknown;
    }

    /// <summary>
    /// Where a local declared by <paramref name="declaration"/> can be used: its block, the whole switch statement
    /// for a local of a case section (all sections share one scope), or the program for a top-level statement.
    /// </summary>
    public static SyntaxNode? ScopeOf(LocalDeclarationStatementSyntax declaration) => declaration.Parent switch
    {
        GlobalStatementSyntax global => global.Parent,
        SwitchSectionSyntax section => section.Parent,
        var parent => parent,
    };

    private Definition OfField(IFieldSymbol field)
    {
        if (!field.IsReadOnly || field.IsConst) return Definition.Unknown;
        return _fields.TryGetValue(field, out var known) ? known : _fields.GetOrAdd(field, ComputeField);
    }

    private Definition ComputeField(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length != 1) return Definition.Unknown;
        if (field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator) return Definition.Unknown;
        // Declared in another project (a project reference in the IDE): not this compilation's to read.
        if (!_compilation.ContainsSyntaxTree(initializer.SyntaxTree)) return Definition.Unknown;
        // A list in a field can be changed from anywhere: only arrays and read-only lists keep their items.
        if (!HoldsFixedItems(field.Type)) return Definition.Unknown;
        // A struct's instance fields: default(S), array elements and `this = …` never run the initializer.
        if (!field.IsStatic && field.ContainingType.TypeKind == TypeKind.Struct) return Definition.Unknown;
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax type) continue;
            foreach (var member in type.Members)
            {
                // C# lets a readonly field be written in its type's constructors and in init accessors.
                SyntaxNode? body = member switch
                {
                    ConstructorDeclarationSyntax constructor when constructor.Modifiers.Any(SyntaxKind.StaticKeyword) == field.IsStatic => constructor,
                    PropertyDeclarationSyntax { AccessorList: { } accessors } when !field.IsStatic => accessors,
                    _ => null,
                };
                if (body is null) continue;
                foreach (var node in body.DescendantNodes())
                {
                    if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == field.Name && IsWritten(identifier)) return Definition.Unknown;
                    if (node is AssignmentExpressionSyntax { Left: ThisExpressionSyntax }) return Definition.Unknown;
                }
            }
        }
        // Static initializers run in text order: one that reads a static field declared after it (or in another
        // part of the type) sees that field still unset at run time.
        if (field.IsStatic && ReadsLaterStaticField(field, declarator, initializer)) return Definition.Unknown;
        // The field's initializer may be in another file; the compiler caches the model it hands out here.
#pragma warning disable RS1030 // One model per declaring tree, once per field and compilation.
        var model = _compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
        return model.GetOperation(initializer) is { } value ? new Definition(value, null) : Definition.Unknown;
    }

    private static bool ReadsLaterStaticField(IFieldSymbol field, VariableDeclaratorSyntax declarator, ExpressionSyntax initializer)
    {
        foreach (var node in initializer.DescendantNodesAndSelf())
        {
            if (node is not IdentifierNameSyntax identifier) continue;
            foreach (var other in field.ContainingType.GetMembers(identifier.Identifier.ValueText))
            {
                if (other is not IFieldSymbol { IsStatic: true, IsConst: false } otherField || SymbolEqualityComparer.Default.Equals(otherField, field)) continue;
                foreach (var location in otherField.DeclaringSyntaxReferences)
                {
                    if (location.SyntaxTree != declarator.SyntaxTree || location.Span.Start > declarator.Span.Start) return true;
                }
            }
        }
        return false;
    }

    /// <summary>Strings and arrays (whose length is fixed), and the read-only collection interfaces a collection expression makes.</summary>
    private static bool HoldsFixedItems(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol) return true;
        if (type is not INamedTypeSymbol { IsGenericType: true } named) return false;
        var name = named.OriginalDefinition.ToDisplayString();
        return name is "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
            or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Immutable.ImmutableArray<T>";
    }

    /// <summary><c>x = …</c>, <c>x += …</c>, <c>x++</c>, <c>ref x</c>, <c>out x</c>, <c>(x, y) = …</c>, <c>&amp;x</c>.</summary>
    public static bool IsWritten(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        // this.x, Type.x and A.B.Type.x are written the same way as x (any qualified name of the same name counts).
        while (node.Parent is MemberAccessExpressionSyntax access && access.Name == node) node = access;
        if (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node) node = qualified;
        var parent = node.Parent;
        while (parent is ParenthesizedExpressionSyntax) { node = parent; parent = parent.Parent; }
        switch (parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == node:
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression or (int)SyntaxKind.AddressOfExpression }:
            case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
            case RefExpressionSyntax:
                return true;
            case ArgumentSyntax argument:
                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword)) return true;
                // (x, y) = … and ((x, y), z) = …: a deconstruction writes every element, however nested.
                SyntaxNode? tuple = argument.Parent;
                while (tuple is TupleExpressionSyntax && tuple.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer }) tuple = outer;
                return tuple is TupleExpressionSyntax && tuple.Parent is AssignmentExpressionSyntax deconstruction && deconstruction.Left == tuple;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>list.Add(item);</c> as a statement of the declaring block itself (no branch, no loop, no lambda
    /// around it), after the declaration and before the request.
    /// </summary>
    private static bool IsStraightLineAdd(IdentifierNameSyntax identifier, LocalDeclarationStatementSyntax declaration, SyntaxNode use, out ExpressionSyntax argument)
    {
        argument = null!;
        if (identifier.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } access || access.Expression != identifier) return false;
        if (access.Parent is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } invocation) return false;
        if (invocation.Parent is not ExpressionStatementSyntax statement || statement.Parent != declaration.Parent) return false;
        if (statement.SpanStart < declaration.Span.End || statement.Span.End > use.SpanStart) return false;
        if (!arguments[0].RefKindKeyword.IsKind(SyntaxKind.None)) return false;
        argument = arguments[0].Expression;
        return true;
    }
}
