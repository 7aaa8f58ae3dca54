using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Evaluates the patterns of a switch or <c>is</c> test against one value of a status enum: constant, relational,
    /// <c>not</c>, <c>and</c>, <c>or</c> and parenthesized patterns are computed; every other pattern (<c>_</c>,
    /// <c>var x</c>, <c>SmtpStatusCode s</c>, <c>{ }</c>) is a wildcard whose answer the caller chooses.
    /// </summary>
    internal static class PatternValues
    {
        /// <summary>
        /// True when <paramref name="pattern"/> matches <paramref name="value"/>. Wildcards answer
        /// <paramref name="wildcardsMatch"/>; under <c>not</c> the choice flips, so that with false a pattern never
        /// claims more than its constants say (<c>not _</c> matches nothing either way).
        /// </summary>
        internal static bool Matches(IPatternOperation? pattern, long value, bool wildcardsMatch)
        {
            switch (pattern)
            {
                case null:
                    return false;
                case IConstantPatternOperation constant:
                    return TryRead(constant.Value, out var constantValue) == ConstantKind.Integral && constantValue == value;
                case IRelationalPatternOperation relational:
                    if (TryRead(relational.Value, out var bound) != ConstantKind.Integral)
                    {
                        return false;
                    }

                    switch (relational.OperatorKind)
                    {
                        case BinaryOperatorKind.LessThan: return value < bound;
                        case BinaryOperatorKind.LessThanOrEqual: return value <= bound;
                        case BinaryOperatorKind.GreaterThan: return value > bound;
                        case BinaryOperatorKind.GreaterThanOrEqual: return value >= bound;
                        case BinaryOperatorKind.Equals: return value == bound;
                        case BinaryOperatorKind.NotEquals: return value != bound;
                        default: return false;
                    }

                case INegatedPatternOperation { Pattern: IConstantPatternOperation inner } when TryRead(inner.Value, out _) == ConstantKind.Null:
                    // `not null` on a Nullable<> status names no code: it is a catch-all, like `_`.
                    return wildcardsMatch;
                case INegatedPatternOperation negated:
                    return !Matches(negated.Pattern, value, !wildcardsMatch);
                case IBinaryPatternOperation binary when binary.OperatorKind == BinaryOperatorKind.Or:
                    return Matches(binary.LeftPattern, value, wildcardsMatch) || Matches(binary.RightPattern, value, wildcardsMatch);
                case IBinaryPatternOperation binary when binary.OperatorKind == BinaryOperatorKind.And:
                    return Matches(binary.LeftPattern, value, wildcardsMatch) && Matches(binary.RightPattern, value, wildcardsMatch);
                default:
                    return wildcardsMatch;
            }
        }

        /// <summary>
        /// False when a constant or relational pattern inside <paramref name="pattern"/> has no value the analysis can
        /// read: code being typed (<c>case SmtpStatusCode.</c>), where what the switch handles is unknown.
        /// </summary>
        internal static bool IsReadable(IPatternOperation? pattern)
        {
            switch (pattern)
            {
                case null:
                    return false;
                case IConstantPatternOperation constant:
                    return TryRead(constant.Value, out _) != ConstantKind.Unknown;
                case IRelationalPatternOperation relational:
                    return TryRead(relational.Value, out _) == ConstantKind.Integral;
                case INegatedPatternOperation negated:
                    return IsReadable(negated.Pattern);
                case IBinaryPatternOperation binary:
                    return IsReadable(binary.LeftPattern) && IsReadable(binary.RightPattern);
                case IDeclarationPatternOperation { MatchedType.TypeKind: TypeKind.Error }:
                case ITypePatternOperation { MatchedType.TypeKind: TypeKind.Error }:
                case IRecursivePatternOperation { MatchedType.TypeKind: TypeKind.Error }:
                    // `SmtpStatusCode.MailboxBusy or` reads as a declaration of a variable named `or`.
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>Reads the value of a constant, looking through implicit conversions (to <c>Nullable&lt;T&gt;</c> for one).</summary>
        internal static ConstantKind TryRead(IOperation? operation, out long value)
        {
            value = 0;
            while (operation is not null)
            {
                if (operation.ConstantValue.HasValue)
                {
                    if (operation.ConstantValue.Value is null)
                    {
                        return ConstantKind.Null;
                    }

                    return IntegralConstants.TryToInt64(operation.ConstantValue.Value, out value) ? ConstantKind.Integral : ConstantKind.Unknown;
                }

                operation = operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : null;
            }

            return ConstantKind.Unknown;
        }

        internal enum ConstantKind
        {
            Unknown,
            Null,
            Integral,
        }
    }
}
