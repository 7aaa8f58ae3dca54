using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The shapes of an SMTP-code context: integral literals, and the constants a switch, switch
    /// expression or <c>is</c> pattern tests its value against. Shared by the analyzers and the code fixes.
    /// </summary>
    internal static class SmtpCodeContexts
    {
        /// <summary>
        /// Reads an integral number written as a literal (<c>550</c>, <c>0x226</c>, <c>5_50</c>, <c>550L</c>,
        /// <c>-1</c>), looking through implicit conversions. Named constants, characters and enum members are not literals.
        /// </summary>
        internal static bool TryGetLiteral(IOperation? operation, out long value, out SyntaxNode syntax)
        {
            operation = operation?.WithoutImplicitConversions();
            value = 0;
            syntax = null!;

            // The syntax first (it asks nothing of the compiler), the constant last and once: each read of an
            // operation's constant boxes it anew.
            if (operation is null
                || !IsNumericLiteral(operation.Syntax)
                || operation.Type is null
                || !IntegralConstants.IsIntegral(operation.Type.SpecialType)
                || operation.ConstantValue is not { HasValue: true } constant
                || !IntegralConstants.TryToInt64(constant.Value, out value))
            {
                return false;
            }

            syntax = SkipParentheses(operation.Syntax);
            return true;
        }

        /// <summary>The node that holds an expression, above any parentheses around it.</summary>
        internal static SyntaxNode? SkipParenthesesUp(SyntaxNode node)
        {
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        internal static SyntaxNode SkipParentheses(SyntaxNode node)
        {
            while (node is ParenthesizedExpressionSyntax parenthesized)
            {
                node = parenthesized.Expression;
            }

            return node;
        }

        /// <summary>The expression inside parentheses and a null-forgiving <c>!</c>: <c>((int)status)!</c> is the cast.</summary>
        internal static SyntaxNode SkipParenthesesAndSuppression(SyntaxNode node)
        {
            while (true)
            {
                switch (node)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        node = suppressed.Operand;
                        continue;
                    default:
                        return node;
                }
            }
        }

        /// <summary>
        /// Collects the constants that a switch statement, switch expression or <c>is</c> pattern compares its
        /// value with, and the operands of its relational patterns. Returns false when some label or arm is another
        /// kind of pattern (a declaration, type or property pattern), after which the value's type cannot change.
        /// </summary>
        internal static bool CollectTestedConstants(IOperation container, List<IOperation> constants, List<IOperation> relationalOperands)
        {
            var simple = true;
            switch (container)
            {
                case ISwitchOperation switchStatement:
                    foreach (var section in switchStatement.Cases)
                    {
                        foreach (var clause in section.Clauses)
                        {
                            switch (clause)
                            {
                                case ISingleValueCaseClauseOperation single:
                                    constants.Add(single.Value);
                                    break;
                                case IPatternCaseClauseOperation patternClause:
                                    simple &= PatternValues.CollectConstants(patternClause.Pattern, constants, relationalOperands);
                                    break;
                                case IDefaultCaseClauseOperation:
                                    break;
                                default:
                                    simple = false;
                                    break;
                            }
                        }
                    }

                    break;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        simple &= PatternValues.CollectConstants(arm.Pattern, constants, relationalOperands);
                    }

                    break;
                case IIsPatternOperation isPattern:
                    simple &= PatternValues.CollectConstants(isPattern.Pattern, constants, relationalOperands);
                    break;
                default:
                    return false;
            }

            return simple;
        }

        /// <summary>A number as written: a numeric literal, in parentheses or with a sign. Syntax only.</summary>
        internal static bool IsNumericLiteral(SyntaxNode node)
        {
            while (true)
            {
                switch (node)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        continue;
                    case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                        node = unary.Operand;
                        continue;
                    case LiteralExpressionSyntax literal:
                        return literal.IsKind(SyntaxKind.NumericLiteralExpression);
                    default:
                        return false;
                }
            }
        }
    }
}
