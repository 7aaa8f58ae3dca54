using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>What a condition on a caught exception (a catch's <c>when</c> filter, a Polly predicate) lets through.</summary>
    internal enum AdmissionKind
    {
        /// <summary>No permanent (5yz) code other than an authentication code gets through.</summary>
        NoPermanent,

        /// <summary>Some permanent code gets through: <see cref="Admission.Example"/> names one.</summary>
        Permanent,

        /// <summary>
        /// The condition hands the exception or its status to other code (<c>when (IsTransient(ex))</c>), or reads the
        /// status in a way this reading cannot follow: the decision is made there, and judged there.
        /// </summary>
        JudgedElsewhere,

        /// <summary>
        /// The condition names both a transient and a permanent code it tests for (<c>== MailboxBusy || == MailboxUnavailable</c>):
        /// a branch that mixes the classes, SMTP005's to report.
        /// </summary>
        MixedBranch,
    }

    /// <summary>The answer of <see cref="StatusAdmission.OfPermanentCodes"/>.</summary>
    internal readonly struct Admission
    {
        internal Admission(AdmissionKind kind, StatusMember? example, bool testsStatus)
        {
            Kind = kind;
            Example = example;
            TestsStatus = testsStatus;
        }

        internal AdmissionKind Kind { get; }

        /// <summary>
        /// A permanent member the condition admits: one it certainly admits where there is one (550 first, else the
        /// lowest), else one it may admit.
        /// </summary>
        internal StatusMember? Example { get; }

        /// <summary>Whether the condition reads the status at all (<c>when (attempt &lt; 3)</c> does not).</summary>
        internal bool TestsStatus { get; }
    }

    /// <summary>
    /// Reads a condition over one exception (a catch's local, a lambda's parameter) the way the compiler would evaluate it
    /// for each permanent status of the exception's enum, in three values: true, false, or unknown (it depends on
    /// something else: <c>attempt &lt; 3</c>, the message). A status that may pass is admitted. Understood: <c>!</c>,
    /// <c>&amp;&amp;</c>, <c>||</c>, <c>&amp;</c>, <c>|</c>, comparisons of the status (converted or not) with a constant,
    /// <c>is</c> patterns on the status (constant, relational, <c>not</c>, <c>and</c>, <c>or</c>) and property patterns
    /// on the exception that test it (<c>ex is { StatusCode: &gt;= SmtpStatusCode.ServiceNotAvailable }</c>).
    /// </summary>
    internal sealed class StatusAdmission
    {
        private const long PreferredExample = 550;

        private readonly ISymbol _exception;
        private readonly StatusException _statusException;
        private readonly string[] _path;
        private bool _opaque;
        private bool _namesTransient;
        private bool _namesPermanent;

        private StatusAdmission(ISymbol exception, StatusException statusException)
        {
            _exception = exception;
            _statusException = statusException;
            _path = statusException.StatusPath.Split('.');
        }

        private enum Truth
        {
            False,
            True,
            Unknown,
        }

        /// <summary>
        /// Which permanent codes of <paramref name="statusException"/>'s enum pass <paramref name="condition"/> (null: no
        /// condition, every code passes), the exception being <paramref name="exception"/>. Authentication codes are not
        /// counted: a retry of bad credentials is a configuration problem, not a permanent failure retried.
        /// </summary>
        internal static Admission OfPermanentCodes(IOperation? condition, ISymbol? exception, StatusException statusException, CancellationToken cancellationToken)
        {
            if (condition is null || exception is null)
            {
                var first = FirstPermanent(statusException.StatusEnum, null, cancellationToken);
                return new Admission(first is null ? AdmissionKind.NoPermanent : AdmissionKind.Permanent, first, testsStatus: false);
            }

            var reader = new StatusAdmission(exception, statusException);
            if (reader.HandsOn(condition))
            {
                return new Admission(AdmissionKind.JudgedElsewhere, null, testsStatus: true);
            }

            var testsStatus = reader.ReadsStatus(condition);

            // The example is one the condition certainly admits, where there is one; else one it may admit.
            var example = FirstPermanent(statusException.StatusEnum, value => reader.Evaluate(condition, value) == Truth.True, cancellationToken)
                ?? FirstPermanent(statusException.StatusEnum, value => reader.Evaluate(condition, value) != Truth.False, cancellationToken);
            if (reader._opaque)
            {
                return new Admission(AdmissionKind.JudgedElsewhere, null, testsStatus);
            }

            if (reader._namesTransient && reader._namesPermanent)
            {
                // `ex.StatusCode == MailboxBusy || ex.StatusCode == MailboxUnavailable`: one branch for both classes,
                // which SMTP005 reports on the member; one diagnostic is enough.
                return new Admission(AdmissionKind.MixedBranch, example, testsStatus);
            }

            return new Admission(example is null ? AdmissionKind.NoPermanent : AdmissionKind.Permanent, example, testsStatus);
        }

        /// <summary>
        /// Whether the status <paramref name="value"/> passes <paramref name="condition"/> (null: no condition, it does):
        /// true or false where the condition decides it, null where it depends on something else or is judged elsewhere.
        /// </summary>
        internal static bool? Passes(IOperation? condition, ISymbol? exception, StatusException statusException, long value)
        {
            if (condition is null)
            {
                return true;
            }

            if (exception is null)
            {
                return null;
            }

            var reader = new StatusAdmission(exception, statusException);
            if (reader.HandsOn(condition))
            {
                return null;
            }

            var truth = reader.Evaluate(condition, value);
            return reader._opaque || truth == Truth.Unknown ? null : truth == Truth.True;
        }

        /// <summary>Whether <paramref name="operation"/> is the exception itself (under conversions).</summary>
        internal static bool IsReferenceTo(IOperation? operation, ISymbol exception)
        {
            operation = StripConversions(operation);
            return operation switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, exception),
                IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, exception),
                _ => false,
            };
        }

        private static StatusMember? FirstPermanent(StatusEnum statusEnum, System.Func<long, bool>? admits, CancellationToken cancellationToken)
        {
            StatusMember? first = null;
            foreach (var names in statusEnum.PermanentValues)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var member = names[0];
                if (SmtpReplyCodes.IsAuthentication(member.Value) || (admits is not null && !admits(member.Value)))
                {
                    continue;
                }

                if (member.Value == PreferredExample)
                {
                    return member;
                }

                first ??= member;
            }

            return first;
        }

        private static IOperation? StripConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Whether the condition passes the exception or its status to a method or constructor (as an argument, or as the receiver of an extension method).</summary>
        private bool HandsOn(IOperation condition)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IArgumentOperation argument && (IsReferenceTo(argument.Value, _exception) || IsStatusRead(argument.Value)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ReadsStatus(IOperation condition)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (IsStatusRead(operation) || (operation is IPropertySubpatternOperation subpattern && IsStatusSubpattern(subpattern)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>ex.StatusCode</c> (<c>ex.Response.ReplyCode</c>), converted or not: the exception's status.</summary>
        private bool IsStatusRead(IOperation? operation)
        {
            operation = StripConversions(operation);
            for (var step = _path.Length - 1; step >= 0; step--)
            {
                if (operation is not IPropertyReferenceOperation property || property.Property.Name != _path[step])
                {
                    return false;
                }

                operation = StripConversions(property.Instance);
            }

            return IsReferenceTo(operation, _exception);
        }

        private bool IsStatusSubpattern(IPropertySubpatternOperation subpattern) =>
            _path.Length == 1 && subpattern.Member is IPropertyReferenceOperation { Property.Name: var name } && name == _path[0];

        private Truth Evaluate(IOperation operation, long value)
        {
            switch (operation)
            {
                case { ConstantValue: { HasValue: true, Value: bool constant } }:
                    return constant ? Truth.True : Truth.False;
                case IConversionOperation { IsImplicit: true } conversion:
                    return Evaluate(conversion.Operand, value);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Not(Evaluate(not.Operand, value));
                case IBinaryOperation binary:
                    switch (binary.OperatorKind)
                    {
                        case BinaryOperatorKind.ConditionalAnd:
                        case BinaryOperatorKind.And when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            return And(Evaluate(binary.LeftOperand, value), Evaluate(binary.RightOperand, value));
                        case BinaryOperatorKind.ConditionalOr:
                        case BinaryOperatorKind.Or when binary.Type?.SpecialType == SpecialType.System_Boolean:
                            return Or(Evaluate(binary.LeftOperand, value), Evaluate(binary.RightOperand, value));
                        default:
                            if (Compare(binary.OperatorKind, binary.LeftOperand, binary.RightOperand, value, out var truth)
                                || Compare(Mirror(binary.OperatorKind), binary.RightOperand, binary.LeftOperand, value, out truth))
                            {
                                return truth;
                            }

                            break;
                    }

                    break;
                case IIsPatternOperation isPattern when IsStatusRead(isPattern.Value):
                    return Match(isPattern.Pattern, value);
                case IIsPatternOperation isPattern when IsReferenceTo(isPattern.Value, _exception) && isPattern.Pattern is IRecursivePatternOperation recursive:
                    var result = Truth.True;
                    foreach (var subpattern in recursive.PropertySubpatterns)
                    {
                        result = And(result, IsStatusSubpattern(subpattern) ? Match(subpattern.Pattern, value) : Unknown(subpattern));
                    }

                    return recursive.DeconstructionSubpatterns.IsEmpty ? result : And(result, Truth.Unknown);
            }

            return Unknown(operation);
        }

        /// <summary>Something this reading does not follow: unknown, and where it reads the status, the whole condition is judged elsewhere.</summary>
        private Truth Unknown(IOperation operation)
        {
            if (ReadsStatus(operation))
            {
                _opaque = true;
            }

            return Truth.Unknown;
        }

        private bool Compare(BinaryOperatorKind kind, IOperation status, IOperation other, long value, out Truth truth)
        {
            truth = Truth.Unknown;
            if (!IsStatusRead(status))
            {
                return false;
            }

            if (!IntegralConstants.TryToInt64(StripConversions(other)?.ConstantValue is { HasValue: true } c ? c.Value : other.ConstantValue.Value, out var constant))
            {
                _opaque = true;
                return true;
            }

            if (kind == BinaryOperatorKind.Equals)
            {
                Named(constant);
            }

            bool? result = kind switch
            {
                BinaryOperatorKind.Equals => value == constant,
                BinaryOperatorKind.NotEquals => value != constant,
                BinaryOperatorKind.LessThan => value < constant,
                BinaryOperatorKind.LessThanOrEqual => value <= constant,
                BinaryOperatorKind.GreaterThan => value > constant,
                BinaryOperatorKind.GreaterThanOrEqual => value >= constant,
                _ => null,
            };
            if (result is null)
            {
                _opaque = true;
                return true;
            }

            truth = result.Value ? Truth.True : Truth.False;
            return true;
        }

        /// <summary>A code the condition tests for equality (<c>==</c>, a constant pattern): what SMTP005 reads as the branch's codes.</summary>
        private void Named(long code)
        {
            if (SmtpReplyCodes.IsAuthentication(code))
            {
                return;
            }

            switch (ReplyClasses.Of(code))
            {
                case ReplyClass.TransientNegative:
                    _namesTransient = true;
                    break;
                case ReplyClass.PermanentNegative:
                    _namesPermanent = true;
                    break;
            }
        }

        private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            _ => kind,
        };

        private Truth Match(IPatternOperation pattern, long value)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant when IntegralConstants.TryToInt64(StripConversions(constant.Value)?.ConstantValue.Value ?? constant.Value.ConstantValue.Value, out var c):
                    Named(c);
                    return value == c ? Truth.True : Truth.False;
                case IRelationalPatternOperation relational when IntegralConstants.TryToInt64(StripConversions(relational.Value)?.ConstantValue.Value ?? relational.Value.ConstantValue.Value, out var bound):
                    return relational.OperatorKind switch
                    {
                        BinaryOperatorKind.LessThan => value < bound,
                        BinaryOperatorKind.LessThanOrEqual => value <= bound,
                        BinaryOperatorKind.GreaterThan => value > bound,
                        BinaryOperatorKind.GreaterThanOrEqual => value >= bound,
                        _ => (bool?)null,
                    } is { } holds ? (holds ? Truth.True : Truth.False) : Truth.Unknown;
                case INegatedPatternOperation negated:
                    return Not(Match(negated.Pattern, value));
                case IBinaryPatternOperation binary:
                    return binary.OperatorKind == BinaryOperatorKind.And
                        ? And(Match(binary.LeftPattern, value), Match(binary.RightPattern, value))
                        : Or(Match(binary.LeftPattern, value), Match(binary.RightPattern, value));
                case IDiscardPatternOperation:
                    return Truth.True;
                default:
                    return Truth.Unknown;
            }
        }

        private static Truth Not(Truth truth) => truth switch
        {
            Truth.True => Truth.False,
            Truth.False => Truth.True,
            _ => Truth.Unknown,
        };

        private static Truth And(Truth left, Truth right) =>
            left == Truth.False || right == Truth.False ? Truth.False
            : left == Truth.True && right == Truth.True ? Truth.True
            : Truth.Unknown;

        private static Truth Or(Truth left, Truth right) =>
            left == Truth.True || right == Truth.True ? Truth.True
            : left == Truth.False && right == Truth.False ? Truth.False
            : Truth.Unknown;
    }
}
