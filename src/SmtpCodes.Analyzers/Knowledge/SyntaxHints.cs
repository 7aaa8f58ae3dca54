using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// What the syntax alone proves a node cannot be, so that the rules ask the semantic model (which binds the whole
    /// method body the first time) only about nodes that may be what they look for. Each answer is "cannot" or "may": a "cannot"
    /// is always right for code that compiles, and code with errors in those places is not reported anyway.
    /// </summary>
    internal static class SyntaxHints
    {
        /// <summary>
        /// Whether the constants a switch, switch expression or <c>is</c> tests its value against show that the value is of
        /// no enum type (and of no <c>Nullable</c> of one): a label or pattern written as a literal that no enum takes —
        /// a number other than zero, a string, a character, <c>true</c> or <c>false</c>. Only a constant zero converts to
        /// an enum. Patterns under <c>and</c> are not looked at: a type pattern on its left changes what its
        /// right side tests.
        /// </summary>
        internal static bool TestsRuleOutEnum(SyntaxNode container)
        {
            switch (container)
            {
                case SwitchStatementSyntax switchStatement:
                    foreach (var section in switchStatement.Sections)
                    {
                        foreach (var label in section.Labels)
                        {
                            if ((label is CaseSwitchLabelSyntax caseLabel && RulesOutEnum(caseLabel.Value))
                                || (label is CasePatternSwitchLabelSyntax patternLabel && RulesOutEnum(patternLabel.Pattern)))
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                case SwitchExpressionSyntax switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (RulesOutEnum(arm.Pattern))
                        {
                            return true;
                        }
                    }

                    return false;
                case IsPatternExpressionSyntax isPattern:
                    return RulesOutEnum(isPattern.Pattern);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether every constant a switch, switch expression or <c>is</c> tests its value against is written as a literal
        /// (<c>case 0:</c>, <c>&lt; 0</c>, <c>null</c>, <c>"a"</c>). On a value of an enum none of them is a member: only a
        /// constant zero (of any numeric type) converts to one, and zero is no reply code.
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

        private static bool RulesOutEnum(PatternSyntax pattern)
        {
            switch (pattern)
            {
                case ConstantPatternSyntax constant:
                    return RulesOutEnum(constant.Expression);
                case RelationalPatternSyntax relational:
                    return RulesOutEnum(relational.Expression);
                case ParenthesizedPatternSyntax parenthesized:
                    return RulesOutEnum(parenthesized.Pattern);
                case UnaryPatternSyntax unary:
                    return RulesOutEnum(unary.Pattern);
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                    return RulesOutEnum(binary.Left) || RulesOutEnum(binary.Right);
                default:
                    return false;
            }
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

        /// <summary>A literal no enum takes: see <see cref="TestsRuleOutEnum"/>. <c>null</c> is taken by <c>Nullable</c>.</summary>
        private static bool RulesOutEnum(ExpressionSyntax expression)
        {
            if (Unsigned(expression) is not LiteralExpressionSyntax literal)
            {
                return false;
            }

            switch (literal.Kind())
            {
                case SyntaxKind.NumericLiteralExpression:
                    // The compiler converts a zero of any numeric type to an enum (0, 0L, 0x0, and also 0.0, 0f, 0m).
                    return !IsZero(literal.Token.Value);
                case SyntaxKind.StringLiteralExpression:
                case SyntaxKind.Utf8StringLiteralExpression:
                case SyntaxKind.CharacterLiteralExpression:
                case SyntaxKind.TrueLiteralExpression:
                case SyntaxKind.FalseLiteralExpression:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsZero(object? value) => value switch
        {
            double d => d == 0,
            float f => f == 0,
            decimal m => m == 0,
            _ => IntegralConstants.TryToInt64(value, out var integral) && integral == 0,
        };

        private static bool IsIntegralKeyword(SyntaxKind keyword) => keyword switch
        {
            SyntaxKind.IntKeyword or SyntaxKind.UIntKeyword or SyntaxKind.LongKeyword or SyntaxKind.ULongKeyword
                or SyntaxKind.ShortKeyword or SyntaxKind.UShortKeyword or SyntaxKind.ByteKeyword or SyntaxKind.SByteKeyword => true,
            _ => false,
        };

        /// <summary>
        /// SMTP005's chain gate, shared with the benchmark's binding floor: the node is the top of an <c>||</c> or <c>|</c>
        /// chain (an <c>&amp;&amp;</c> or <c>&amp;</c> chain of <c>!=</c> tests), and some link is written as a test that may
        /// compare a status with a member: <c>==</c> (<c>!=</c>) or <c>is</c>.
        /// </summary>
        internal static bool IsChainTopWithTest(BinaryExpressionSyntax chain)
        {
            var negated = IsNegatedChainLink(chain);
            return !IsChainLinkOf(SmtpCodeContexts.SkipParenthesesUp(chain), negated) && HasTestSyntax(chain, negated);
        }

        /// <summary><c>&amp;&amp;</c> or <c>&amp;</c>: a link of a chain of <c>!=</c> tests.</summary>
        internal static bool IsNegatedChainLink(SyntaxNode node) =>
            node.IsKind(SyntaxKind.LogicalAndExpression) || node.IsKind(SyntaxKind.BitwiseAndExpression);

        /// <summary>A link of a chain as written: <c>||</c> or <c>|</c>, or (negated) <c>&amp;&amp;</c> or <c>&amp;</c>.</summary>
        private static bool IsChainLinkOf(SyntaxNode? node, bool negated) =>
            node is not null
            && (negated
                ? IsNegatedChainLink(node)
                : node.IsKind(SyntaxKind.LogicalOrExpression) || node.IsKind(SyntaxKind.BitwiseOrExpression));

        private static bool HasTestSyntax(SyntaxNode node, bool negated)
        {
            var unwrapped = SmtpCodeContexts.SkipParentheses(node);
            if (IsChainLinkOf(unwrapped, negated))
            {
                var binary = (BinaryExpressionSyntax)unwrapped;
                return HasTestSyntax(binary.Left, negated) || HasTestSyntax(binary.Right, negated);
            }

            return unwrapped switch
            {
                // status == Member, or (int)status == 550: a literal compared with anything but an integral cast is no
                // member of a status enum (only a constant zero converts to one).
                BinaryExpressionSyntax test when test.IsKind(negated ? SyntaxKind.NotEqualsExpression : SyntaxKind.EqualsExpression) =>
                    !(IsLiteral(test.Left) || IsLiteral(test.Right))
                    || (IsLiteral(test.Left) ? MayBeIntegralCast(test.Right) : MayBeIntegralCast(test.Left)),
                IsPatternExpressionSyntax isPattern when !negated =>
                    MayBeIntegralCast(isPattern.Expression) || !TestsOnlyLiterals(isPattern),

                // status is SmtpStatusCode.MailboxBusy: parsed as a type test, bound as a constant pattern.
                BinaryExpressionSyntax typeTest when !negated && typeTest.IsKind(SyntaxKind.IsExpression) => true,
                _ => false,
            };
        }
    }
}
