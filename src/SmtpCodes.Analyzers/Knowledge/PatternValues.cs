using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Reads the patterns of a switch or <c>is</c> test so that they can be asked about values of a status enum
    /// (<see cref="Compile"/>): constant, relational, <c>not</c>, <c>and</c>, <c>or</c> and parenthesized patterns are
    /// computed; every other pattern (<c>_</c>, <c>var x</c>, <c>SmtpStatusCode s</c>, <c>{ }</c>) is a wildcard whose
    /// answer the caller chooses.
    /// </summary>
    internal static class PatternValues
    {
        /// <summary>
        /// The pattern with its constants read once, for a switch asked about every member of its enum: going back to
        /// the operations for each would read (and box) each constant anew.
        /// </summary>
        internal static CompiledPattern Compile(IPatternOperation? pattern)
        {
            switch (pattern)
            {
                case null:
                    return CompiledPattern.Never;
                case IConstantPatternOperation constant:
                    return TryRead(constant.Value, out var constantValue) == ConstantKind.Integral
                        ? new CompiledPattern(CompiledPattern.Test.Equal, constantValue)
                        : CompiledPattern.Never;
                case IRelationalPatternOperation relational:
                    if (TryRead(relational.Value, out var bound) != ConstantKind.Integral)
                    {
                        return CompiledPattern.Never;
                    }

                    return relational.OperatorKind switch
                    {
                        BinaryOperatorKind.LessThan => new CompiledPattern(CompiledPattern.Test.LessThan, bound),
                        BinaryOperatorKind.LessThanOrEqual => new CompiledPattern(CompiledPattern.Test.LessThanOrEqual, bound),
                        BinaryOperatorKind.GreaterThan => new CompiledPattern(CompiledPattern.Test.GreaterThan, bound),
                        BinaryOperatorKind.GreaterThanOrEqual => new CompiledPattern(CompiledPattern.Test.GreaterThanOrEqual, bound),
                        BinaryOperatorKind.Equals => new CompiledPattern(CompiledPattern.Test.Equal, bound),
                        BinaryOperatorKind.NotEquals => new CompiledPattern(CompiledPattern.Test.NotEqual, bound),
                        _ => CompiledPattern.Never,
                    };
                case INegatedPatternOperation { Pattern: IConstantPatternOperation inner } when TryRead(inner.Value, out _) == ConstantKind.Null:
                    return CompiledPattern.Wildcard;
                case INegatedPatternOperation negated:
                    return new CompiledPattern(CompiledPattern.Test.Not, 0, Compile(negated.Pattern));
                case IBinaryPatternOperation binary when binary.OperatorKind == BinaryOperatorKind.Or:
                    return new CompiledPattern(CompiledPattern.Test.Or, 0, Compile(binary.LeftPattern), Compile(binary.RightPattern));
                case IBinaryPatternOperation binary when binary.OperatorKind == BinaryOperatorKind.And:
                    return new CompiledPattern(CompiledPattern.Test.And, 0, Compile(binary.LeftPattern), Compile(binary.RightPattern));
                default:
                    return CompiledPattern.Wildcard;
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
                // Read once: each read of an operation's constant boxes it anew.
                var constant = operation.ConstantValue;
                if (constant.HasValue)
                {
                    if (constant.Value is null)
                    {
                        return ConstantKind.Null;
                    }

                    return IntegralConstants.TryToInt64(constant.Value, out value) ? ConstantKind.Integral : ConstantKind.Unknown;
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

    /// <summary>A pattern compiled by <see cref="PatternValues.Compile"/>: its tests and constants, nothing else.</summary>
    internal sealed class CompiledPattern
    {
        internal static readonly CompiledPattern Never = new CompiledPattern(Test.Never, 0);
        internal static readonly CompiledPattern Wildcard = new CompiledPattern(Test.Wildcard, 0);

        private readonly Test _test;
        private readonly long _operand;
        private readonly CompiledPattern? _left;
        private readonly CompiledPattern? _right;

        internal CompiledPattern(Test test, long operand, CompiledPattern? left = null, CompiledPattern? right = null)
        {
            _test = test;
            _operand = operand;
            _left = left;
            _right = right;
        }

        internal enum Test
        {
            Never,
            Wildcard,
            Equal,
            NotEqual,
            LessThan,
            LessThanOrEqual,
            GreaterThan,
            GreaterThanOrEqual,
            Not,
            And,
            Or,
        }

        /// <summary>
        /// True when the pattern matches <paramref name="value"/>. Wildcards answer <paramref name="wildcardsMatch"/>;
        /// under <c>not</c> the choice flips, so that with false a pattern never claims more than its constants say
        /// (<c>not _</c> matches nothing either way).
        /// </summary>
        internal bool Matches(long value, bool wildcardsMatch) => _test switch
        {
            Test.Wildcard => wildcardsMatch,
            Test.Equal => value == _operand,
            Test.NotEqual => value != _operand,
            Test.LessThan => value < _operand,
            Test.LessThanOrEqual => value <= _operand,
            Test.GreaterThan => value > _operand,
            Test.GreaterThanOrEqual => value >= _operand,
            Test.Not => !_left!.Matches(value, !wildcardsMatch),
            Test.And => _left!.Matches(value, wildcardsMatch) && _right!.Matches(value, wildcardsMatch),
            Test.Or => _left!.Matches(value, wildcardsMatch) || _right!.Matches(value, wildcardsMatch),
            _ => false,
        };
    }
}
