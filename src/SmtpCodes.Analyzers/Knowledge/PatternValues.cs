using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The one place that reads what a pattern of a switch or <c>is</c> test matches. <see cref="Compile"/> and
    /// <see cref="CompiledPattern.Evaluate"/> answer, for a value, <see cref="PatternMatch.Yes"/>, <see cref="PatternMatch.No"/>
    /// or <see cref="PatternMatch.Unknown"/>: constant, relational, <c>not</c>, <c>and</c>, <c>or</c> and parenthesized
    /// patterns are computed; every other pattern (<c>_</c>, <c>var x</c>, <c>SmtpStatusCode s</c>, <c>{ }</c>) and a
    /// constant that cannot be read is unknown, which the caller reads as it needs (SMTP002/SMTP003: handled only when
    /// known; SMTP005: an earlier branch may take the value). <see cref="AddAlternatives"/> and
    /// <see cref="CollectConstants"/> read its parts.
    /// </summary>
    internal static class PatternValues
    {
        /// <summary>
        /// Whether <paramref name="pattern"/> is a catch-all for <paramref name="enumType"/>: no member's value decides it
        /// (<c>_</c>, <c>var x</c>, <c>SmtpStatusCode s</c>, <c>{ }</c>, <c>not null</c>, parenthesized forms), as
        /// SMTP002/SMTP003 read a clause without a guard.
        /// </summary>
        internal static bool IsCatchAll(IPatternOperation pattern, INamedTypeSymbol enumType)
        {
            var compiled = Compile(pattern);
            var members = 0;
            foreach (var symbol in enumType.GetMembers())
            {
                if (symbol is IFieldSymbol { HasConstantValue: true } field && IntegralConstants.TryToInt64(field.ConstantValue, out var value))
                {
                    members++;
                    if (compiled.Evaluate(value) != PatternMatch.Unknown)
                    {
                        return false;
                    }
                }
            }

            return members > 0;
        }

        /// <summary>The alternatives of a pattern in source order: the operands of its <c>or</c>s, each added once.</summary>
        internal static void AddAlternatives(IPatternOperation pattern, List<IPatternOperation> alternatives)
        {
            if (pattern is IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or)
            {
                AddAlternatives(or.LeftPattern, alternatives);
                AddAlternatives(or.RightPattern, alternatives);
            }
            else
            {
                alternatives.Add(pattern);
            }
        }

        /// <summary>
        /// Collects the values of the constant patterns in <paramref name="pattern"/> and the operands of its relational
        /// ones. False when it holds another kind of pattern (a declaration, type or property pattern).
        /// </summary>
        internal static bool CollectConstants(IPatternOperation? pattern, List<IOperation> constants, List<IOperation> relationalOperands)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    constants.Add(constant.Value);
                    return true;
                case IRelationalPatternOperation relational:
                    relationalOperands.Add(relational.Value);
                    return true;
                case INegatedPatternOperation negated:
                    return CollectConstants(negated.Pattern, constants, relationalOperands);
                case IBinaryPatternOperation binary:
                    var left = CollectConstants(binary.LeftPattern, constants, relationalOperands);
                    var right = CollectConstants(binary.RightPattern, constants, relationalOperands);
                    return left && right;
                case IDiscardPatternOperation:
                    return true;
                default:
                    return false;
            }
        }

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
                    return TryRead(constant.Value, out var constantValue) switch
                    {
                        ConstantKind.Integral => new CompiledPattern(CompiledPattern.Test.Equal, constantValue),

                        // `case null:` matches no member.
                        ConstantKind.Null => CompiledPattern.Never,
                        _ => CompiledPattern.Wildcard,
                    };
                case IRelationalPatternOperation relational:
                    if (TryRead(relational.Value, out var bound) != ConstantKind.Integral)
                    {
                        return CompiledPattern.Wildcard;
                    }

                    return relational.OperatorKind switch
                    {
                        BinaryOperatorKind.LessThan => new CompiledPattern(CompiledPattern.Test.LessThan, bound),
                        BinaryOperatorKind.LessThanOrEqual => new CompiledPattern(CompiledPattern.Test.LessThanOrEqual, bound),
                        BinaryOperatorKind.GreaterThan => new CompiledPattern(CompiledPattern.Test.GreaterThan, bound),
                        BinaryOperatorKind.GreaterThanOrEqual => new CompiledPattern(CompiledPattern.Test.GreaterThanOrEqual, bound),
                        _ => CompiledPattern.Wildcard,
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

        /// <summary>What a case label's value (<c>case 550:</c>, <c>case SmtpStatusCode.MailboxBusy:</c>) matches, as a compiled pattern.</summary>
        internal static CompiledPattern CompileValue(IOperation value) => TryRead(value, out var constant) switch
        {
            ConstantKind.Integral => new CompiledPattern(CompiledPattern.Test.Equal, constant),
            ConstantKind.Null => CompiledPattern.Never,
            _ => CompiledPattern.Wildcard,
        };

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

    /// <summary>A three-valued answer: whether a pattern matches a value.</summary>
    internal enum PatternMatch
    {
        No,
        Yes,
        Unknown,
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
            LessThan,
            LessThanOrEqual,
            GreaterThan,
            GreaterThanOrEqual,
            Not,
            And,
            Or,
        }

        /// <summary>
        /// Whether the pattern matches <paramref name="value"/>: a wildcard is <see cref="PatternMatch.Unknown"/>, and
        /// <c>not</c>, <c>and</c> and <c>or</c> combine the answers of their operands (three-valued: <c>not _</c> is unknown,
        /// <c>A or _</c> is yes for A and unknown for the rest).
        /// </summary>
        internal PatternMatch Evaluate(long value)
        {
            switch (_test)
            {
                case Test.Never:
                    return PatternMatch.No;
                case Test.Wildcard:
                    return PatternMatch.Unknown;
                case Test.Not:
                    var inner = _left!.Evaluate(value);
                    return inner == PatternMatch.Unknown ? inner : inner == PatternMatch.Yes ? PatternMatch.No : PatternMatch.Yes;
                case Test.And:
                    var leftAnd = _left!.Evaluate(value);
                    if (leftAnd == PatternMatch.No)
                    {
                        return leftAnd;
                    }

                    var rightAnd = _right!.Evaluate(value);
                    return rightAnd == PatternMatch.No || rightAnd == PatternMatch.Unknown ? rightAnd : leftAnd;
                case Test.Or:
                    var leftOr = _left!.Evaluate(value);
                    if (leftOr == PatternMatch.Yes)
                    {
                        return leftOr;
                    }

                    var rightOr = _right!.Evaluate(value);
                    return rightOr == PatternMatch.Yes || rightOr == PatternMatch.Unknown ? rightOr : leftOr;
                default:
                    return Compare(value) ? PatternMatch.Yes : PatternMatch.No;
            }
        }

        private bool Compare(long value) => _test switch
        {
            Test.Equal => value == _operand,
            Test.LessThan => value < _operand,
            Test.LessThanOrEqual => value <= _operand,
            Test.GreaterThan => value > _operand,
            Test.GreaterThanOrEqual => value >= _operand,
            _ => false,
        };
    }
}
