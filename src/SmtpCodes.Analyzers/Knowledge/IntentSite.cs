using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Where a decision on a failure is made (a switch or <c>if</c> on a status value, or a <c>catch</c>), with what its
    /// branches may hand on: the value itself, or the caught exception it was read from.
    /// </summary>
    internal readonly struct IntentSite
    {
        private IntentSite(SyntaxNode decision, ExpressionSyntax? value, string? caughtName, bool isCatch)
        {
            Decision = decision;
            Value = value;
            CaughtName = caughtName;
            IsCatch = isCatch;
        }

        /// <summary>The switch statement or expression, the <c>if</c> or chain, or the catch clause.</summary>
        internal SyntaxNode Decision { get; }

        /// <summary>The value decided on, parentheses and casts removed; null for a catch.</summary>
        internal ExpressionSyntax? Value { get; }

        /// <summary>The caught exception's name, where the value is read from it (<c>ex</c> of <c>ex.StatusCode</c>) or the site is its catch.</summary>
        internal string? CaughtName { get; }

        internal bool IsCatch { get; }

        /// <summary>A switch or test on <paramref name="value"/> (<c>(int)ex.StatusCode</c>, <c>status</c>).</summary>
        internal static IntentSite ForValue(SyntaxNode decision, ExpressionSyntax value)
        {
            var stripped = Strip(value);
            return new IntentSite(decision, stripped, CaughtNameOf(decision, stripped), isCatch: false);
        }

        /// <summary>A catch clause: its block is the branch.</summary>
        internal static IntentSite ForCatch(CatchClauseSyntax catchClause)
        {
            var identifier = catchClause.Declaration?.Identifier;
            var name = identifier is { } token && !token.IsKind(SyntaxKind.None) && !token.IsMissing ? token.ValueText : null;
            return new IntentSite(catchClause, null, name, isCatch: true);
        }

        /// <summary>The value decided on, read as written: <c>(int)ex.StatusCode</c> and <c>(ex.StatusCode)</c> are <c>ex.StatusCode</c>.</summary>
        internal bool IsValue(ExpressionSyntax expression) =>
            Value is not null && SyntaxFactory.AreEquivalent(Strip(expression), Value, topLevel: false);

        internal static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case CheckedExpressionSyntax @checked:
                        expression = @checked.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                        expression = suppressed.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        /// <summary>The innermost name an expression is read through: <c>ex</c> of <c>ex.Response.StatusCode</c>.</summary>
        internal static string? RootName(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (Strip(expression))
                {
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText;
                    case MemberAccessExpressionSyntax memberAccess:
                        expression = memberAccess.Expression;
                        continue;
                    case ConditionalAccessExpressionSyntax conditional:
                        expression = conditional.Expression;
                        continue;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// The catch whose exception the value is read from: directly (<c>ex.StatusCode</c>) or through a local the catch
        /// block declares from it (<c>var status = ex.StatusCode;</c>).
        /// </summary>
        private static string? CaughtNameOf(SyntaxNode decision, ExpressionSyntax value)
        {
            var root = RootName(value);
            if (root is null)
            {
                return null;
            }

            for (var node = decision.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case CatchClauseSyntax { Declaration: { } declaration } catchClause:
                        var caught = declaration.Identifier.ValueText;
                        if (caught.Length == 0)
                        {
                            return null;
                        }

                        if (caught == root || (catchClause.Block is { } block && DeclaresFrom(block, root, caught)))
                        {
                            return caught;
                        }

                        return null;
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        private static bool DeclaresFrom(BlockSyntax block, string local, string caught)
        {
            foreach (var statement in block.Statements)
            {
                if (statement is LocalDeclarationStatementSyntax declaration)
                {
                    foreach (var declarator in declaration.Declaration.Variables)
                    {
                        if (declarator.Identifier.ValueText == local && declarator.Initializer is { } initializer)
                        {
                            return RootName(initializer.Value) == caught;
                        }
                    }
                }
            }

            return false;
        }
    }
}
