using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// What the syntax alone proves an operation cannot be, so that the rules ask for types, constants and symbols only
    /// about operations that may be what they look for: most comparisons, casts and chains of ordinary code stop at their
    /// syntax. Each answer is "cannot" or "may": a "cannot" is always right for code that compiles, and code with errors
    /// in those places is not reported anyway.
    /// </summary>
    internal static class SyntaxHints
    {
        /// <summary>
        /// Whether every constant a switch, switch expression or <c>is</c> tests its value against is written as a literal
        /// (<c>case 0:</c>, <c>&lt; 0</c>, <c>null</c>, <c>"a"</c>). On a value of an enum none of them is a member: only a
        /// constant zero converts to one, and zero is no reply code.
        /// </summary>
        internal static bool TestsOnlyLiterals(SyntaxNode container)
        {
            switch (container)
            {
                case SwitchStatementSyntax switchStatement:
                    foreach (var section in switchStatement.Sections)
                    {
                        foreach (var label in section.Labels)
                        {
                            if ((label is CaseSwitchLabelSyntax caseLabel && !IsLiteral(caseLabel.Value))
                                || (label is CasePatternSwitchLabelSyntax patternLabel && !OnlyLiterals(patternLabel.Pattern)))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                case SwitchExpressionSyntax switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (!OnlyLiterals(arm.Pattern))
                        {
                            return false;
                        }
                    }

                    return true;
                case IsPatternExpressionSyntax isPattern:
                    return OnlyLiterals(isPattern.Pattern);
                default:
                    return false;
            }
        }

        /// <summary>A literal as written, in parentheses or with a sign: <c>0</c>, <c>-1</c>, <c>null</c>, <c>"550"</c>.</summary>
        internal static bool IsLiteral(ExpressionSyntax expression) => Unsigned(expression) is LiteralExpressionSyntax;

        /// <summary>An integral cast as written: <c>(int)x</c>, <c>(long?)x</c>, or a cast to a named type (<c>(Int32)x</c>, an alias).</summary>
        internal static bool MayBeIntegralCast(SyntaxNode expression)
        {
            if (CastWrittenIn(expression) is not { } cast)
            {
                return false;
            }

            var type = cast.Type is NullableTypeSyntax nullable ? nullable.ElementType : cast.Type;
            return type is not PredefinedTypeSyntax predefined || IsIntegralKeyword(predefined.Keyword.Kind());
        }

        /// <summary>
        /// The cast an expression is written as: <c>(int)status</c>, <c>checked((int)status)</c>, <c>((int)status)!</c>,
        /// in parentheses; null for anything else. The semantic model has an operation for the cast, none for
        /// <c>checked(…)</c> or <c>!</c>.
        /// </summary>
        internal static CastExpressionSyntax? CastWrittenIn(SyntaxNode expression) => Unwrapped(expression) as CastExpressionSyntax;

        /// <summary>
        /// The expression inside parentheses, <c>!</c>, <c>checked(…)</c> and <c>unchecked(…)</c>, none of which has an
        /// operation of its own.
        /// </summary>
        internal static SyntaxNode Unwrapped(SyntaxNode expression)
        {
            var unwrapped = SmtpCodeContexts.SkipParenthesesAndSuppression(expression);
            while (unwrapped is CheckedExpressionSyntax @checked)
            {
                unwrapped = SmtpCodeContexts.SkipParenthesesAndSuppression(@checked.Expression);
            }

            return unwrapped;
        }

        /// <summary>
        /// Whether a simple name may be a local whose declaration's initializer is written as a cast
        /// (<c>var code = (int)ex.StatusCode;</c>): such a declaration, of that name, is in a block, switch section or
        /// statement header that holds the name. A local declared elsewhere (a pattern, <c>out var</c>, a
        /// <c>foreach</c>) or with another initializer, a parameter, a field: "cannot".
        /// </summary>
        internal static bool MayBeCastInitializedLocal(IdentifierNameSyntax name)
        {
            var text = name.Identifier.ValueText;
            for (var node = name.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case BlockSyntax block:
                        if (AnyDeclares(block.Statements, text))
                        {
                            return true;
                        }

                        break;
                    case SwitchSectionSyntax { Parent: SwitchStatementSyntax switchStatement }:
                        // A local declared in one section is in scope in all of them.
                        foreach (var section in switchStatement.Sections)
                        {
                            if (AnyDeclares(section.Statements, text))
                            {
                                return true;
                            }
                        }

                        break;
                    case ForStatementSyntax forStatement when Declares(forStatement.Declaration, text):
                    case UsingStatementSyntax usingStatement when Declares(usingStatement.Declaration, text):
                    case FixedStatementSyntax fixedStatement when Declares(fixedStatement.Declaration, text):
                        return true;
                    case CompilationUnitSyntax unit:
                        foreach (var member in unit.Members)
                        {
                            if (member is GlobalStatementSyntax global && Declares(global.Statement, text))
                            {
                                return true;
                            }
                        }

                        return false;
                    case MemberDeclarationSyntax:
                        // A type's member: its locals are all inside it (top-level statements are global statements).
                        if (node is not GlobalStatementSyntax)
                        {
                            return false;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>The expression of an initializer as a cast: <c>(int)s</c>, <c>checked((int)s)</c>, <c>((int)s)!</c>.</summary>
        internal static bool IsWrittenAsCast(ExpressionSyntax expression) => CastWrittenIn(expression) is not null;

        private static bool AnyDeclares(SyntaxList<StatementSyntax> statements, string name)
        {
            foreach (var statement in statements)
            {
                if (Declares(statement, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Declares(StatementSyntax statement, string name)
        {
            while (statement is LabeledStatementSyntax labeled)
            {
                statement = labeled.Statement;
            }

            return statement is LocalDeclarationStatementSyntax declaration && Declares(declaration.Declaration, name);
        }

        private static bool Declares(VariableDeclarationSyntax? declaration, string name)
        {
            if (declaration is null)
            {
                return false;
            }

            foreach (var declarator in declaration.Variables)
            {
                if (declarator.Initializer is { } initializer
                    && declarator.Identifier.ValueText == name
                    && IsWrittenAsCast(initializer.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether every constant of a pattern is a literal; type, declaration and property patterns hold none.</summary>
        private static bool OnlyLiterals(PatternSyntax pattern) => pattern switch
        {
            ConstantPatternSyntax constant => IsLiteral(constant.Expression),
            RelationalPatternSyntax relational => IsLiteral(relational.Expression),
            ParenthesizedPatternSyntax parenthesized => OnlyLiterals(parenthesized.Pattern),
            UnaryPatternSyntax unary => OnlyLiterals(unary.Pattern),
            BinaryPatternSyntax binary => OnlyLiterals(binary.Left) && OnlyLiterals(binary.Right),
            DiscardPatternSyntax or VarPatternSyntax or TypePatternSyntax or DeclarationPatternSyntax => true,
            _ => false,
        };

        private static SyntaxNode Unsigned(ExpressionSyntax expression)
        {
            var node = SmtpCodeContexts.SkipParentheses(expression);
            while (node is PrefixUnaryExpressionSyntax unary
                && (unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression)))
            {
                node = SmtpCodeContexts.SkipParentheses(unary.Operand);
            }

            return node;
        }

        private static bool IsIntegralKeyword(SyntaxKind keyword) => keyword switch
        {
            SyntaxKind.IntKeyword or SyntaxKind.UIntKeyword or SyntaxKind.LongKeyword or SyntaxKind.ULongKeyword
                or SyntaxKind.ShortKeyword or SyntaxKind.UShortKeyword or SyntaxKind.ByteKeyword or SyntaxKind.SByteKeyword => true,
            _ => false,
        };
    }
}
