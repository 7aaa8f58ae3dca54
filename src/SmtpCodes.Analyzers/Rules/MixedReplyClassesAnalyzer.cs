using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP005: one branch that handles a transient (4yz) and a permanent (5yz) status alike — a case section, a
    /// switch-expression arm, an <c>is</c> pattern or an <c>||</c> chain of tests on one status value. Reported on the
    /// permanent member, the message naming one member of each class.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MixedReplyClassesAnalyzer : StatusEnumAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP005_MixedReplyClasses);

        private protected override void RegisterActions(CompilationStartAnalysisContext start, StatusEnumCatalog catalog)
        {
            var analysis = new Analysis(catalog);
            start.RegisterOperationAction(analysis.AnalyzeSwitch, OperationKind.Switch);
            start.RegisterOperationAction(analysis.AnalyzeSwitchExpression, OperationKind.SwitchExpression);
            start.RegisterOperationAction(analysis.AnalyzeIsPattern, OperationKind.IsPattern);
            start.RegisterOperationAction(analysis.AnalyzeConditionalOr, OperationKind.Binary);
        }

        /// <summary>One alternative of a branch: a label, or an <c>or</c> alternative of a pattern.</summary>
        private readonly struct Leaf
        {
            internal Leaf(IOperation operation, long value, ReplyClass replyClass)
            {
                Operation = operation;
                Value = value;
                Class = replyClass;
            }

            /// <summary>The constant, or the label or pattern that is none.</summary>
            internal IOperation Operation { get; }

            internal long Value { get; }

            /// <summary><see cref="ReplyClass.None"/> for anything but a constant.</summary>
            internal ReplyClass Class { get; }
        }

        private enum Match
        {
            No,
            Yes,
            Unknown,
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            internal void AnalyzeSwitch(OperationAnalysisContext context)
            {
                var switchStatement = (ISwitchOperation)context.Operation;
                if (!TryGetStatusValue(switchStatement.Value, out var statusEnum, out _))
                {
                    return;
                }

                // Tests of earlier sections without a guard: a value they match never reaches a later section.
                var earlier = new List<IOperation>();
                var leaves = new List<Leaf>();
                foreach (var section in switchStatement.Cases)
                {
                    leaves.Clear();
                    foreach (var clause in section.Clauses)
                    {
                        switch (clause)
                        {
                            case ISingleValueCaseClauseOperation single:
                                leaves.Add(ToLeaf(single.Value, single));
                                break;
                            case IPatternCaseClauseOperation { Guard: null } patternClause:
                                Flatten(patternClause.Pattern, leaves);
                                break;
                            default:
                                leaves.Add(new Leaf(clause, 0, ReplyClass.None));
                                break;
                        }
                    }

                    Evaluate(context, statusEnum, leaves, earlier, section.Syntax, MixedReplyClassesProperties.SplitSection);

                    foreach (var clause in section.Clauses)
                    {
                        switch (clause)
                        {
                            case ISingleValueCaseClauseOperation single:
                                earlier.Add(single.Value);
                                break;
                            case IPatternCaseClauseOperation { Guard: null } patternClause:
                                earlier.Add(patternClause.Pattern);
                                break;
                        }
                    }
                }
            }

            internal void AnalyzeSwitchExpression(OperationAnalysisContext context)
            {
                var switchExpression = (ISwitchExpressionOperation)context.Operation;
                if (!TryGetStatusValue(switchExpression.Value, out var statusEnum, out _))
                {
                    return;
                }

                var earlier = new List<IOperation>();
                var leaves = new List<Leaf>();
                foreach (var arm in switchExpression.Arms)
                {
                    if (arm.Guard is not null)
                    {
                        continue;
                    }

                    leaves.Clear();
                    Flatten(arm.Pattern, leaves);
                    Evaluate(context, statusEnum, leaves, earlier, arm.Syntax, MixedReplyClassesProperties.SplitArm);
                    earlier.Add(arm.Pattern);
                }
            }

            internal void AnalyzeIsPattern(OperationAnalysisContext context)
            {
                var isPattern = (IIsPatternOperation)context.Operation;
                if (isPattern.Pattern is not IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or }
                    || !TryGetStatusValue(isPattern.Value, out var statusEnum, out _))
                {
                    return;
                }

                var leaves = new List<Leaf>();
                Flatten(isPattern.Pattern, leaves);
                Evaluate(context, statusEnum, leaves, null, isPattern.Syntax, null);
            }

            /// <summary><c>status == A || status == B || status is C or D</c>: reported once, at the top of the chain.</summary>
            internal void AnalyzeConditionalOr(OperationAnalysisContext context)
            {
                var binary = (IBinaryOperation)context.Operation;
                if (binary.OperatorKind != BinaryOperatorKind.ConditionalOr
                    || binary.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr })
                {
                    return;
                }

                var conditions = new List<IOperation>();
                CollectConditions(binary, conditions);

                // Each test: the status value it reads, and its constants.
                var values = new List<IOperation>();
                var enums = new List<StatusEnum>();
                var groups = new List<List<Leaf>>();
                var single = new List<Leaf>();
                foreach (var condition in conditions)
                {
                    single.Clear();
                    IOperation tested;
                    StatusEnum statusEnum;
                    switch (condition)
                    {
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                            if (TryGetStatusValue(equals.LeftOperand, out statusEnum, out tested) && IsConstant(equals.RightOperand))
                            {
                                single.Add(ToLeaf(equals.RightOperand, equals.RightOperand));
                            }
                            else if (TryGetStatusValue(equals.RightOperand, out statusEnum, out tested) && IsConstant(equals.LeftOperand))
                            {
                                single.Add(ToLeaf(equals.LeftOperand, equals.LeftOperand));
                            }
                            else
                            {
                                continue;
                            }

                            break;
                        case IIsPatternOperation isPattern when TryGetStatusValue(isPattern.Value, out statusEnum, out tested):
                            Flatten(isPattern.Pattern, single);

                            // An `is A or B` that mixes both classes by itself is reported on its own.
                            if (FirstUnhandled(single, ReplyClass.TransientNegative, null) is not null
                                && FirstUnhandled(single, ReplyClass.PermanentNegative, null) is not null)
                            {
                                return;
                            }

                            break;
                        default:
                            continue;
                    }

                    var index = IndexOfSameValue(values, tested);
                    if (index < 0)
                    {
                        values.Add(tested);
                        enums.Add(statusEnum);
                        groups.Add(new List<Leaf>(single));
                    }
                    else
                    {
                        groups[index].AddRange(single);
                    }
                }

                for (var i = 0; i < groups.Count; i++)
                {
                    if (Evaluate(context, enums[i], groups[i], null, binary.Syntax, null))
                    {
                        return;
                    }
                }
            }

            /// <summary>Reports when the leaves hold a transient and a permanent constant that no earlier branch takes.</summary>
            private static bool Evaluate(OperationAnalysisContext context, StatusEnum statusEnum, List<Leaf> leaves, List<IOperation>? earlier, SyntaxNode container, string? fixKind)
            {
                var transient = FirstUnhandled(leaves, ReplyClass.TransientNegative, earlier);
                if (transient is null)
                {
                    return false;
                }

                var permanent = FirstUnhandled(leaves, ReplyClass.PermanentNegative, earlier);
                if (permanent is null)
                {
                    return false;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (fixKind is not null)
                {
                    var classes = new StringBuilder(leaves.Count);
                    foreach (var leaf in leaves)
                    {
                        classes.Append(leaf.Class switch
                        {
                            ReplyClass.TransientNegative => MixedReplyClassesProperties.Transient,
                            ReplyClass.PermanentNegative => MixedReplyClassesProperties.Permanent,
                            _ => MixedReplyClassesProperties.Other,
                        });
                    }

                    properties = properties
                        .Add(MixedReplyClassesProperties.FixKind, fixKind)
                        .Add(MixedReplyClassesProperties.Classes, classes.ToString());
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SMTP005_MixedReplyClasses,
                    permanent.Value.Operation.Syntax.GetLocation(),
                    ImmutableArray.Create(container.GetLocation()),
                    properties,
                    Describe(statusEnum, transient.Value.Value),
                    Describe(statusEnum, permanent.Value.Value)));
                return true;
            }

            private static Leaf? FirstUnhandled(List<Leaf> leaves, ReplyClass replyClass, List<IOperation>? earlier)
            {
                foreach (var leaf in leaves)
                {
                    if (leaf.Class == replyClass && (earlier is null || !MayBeHandled(earlier, leaf.Value)))
                    {
                        return leaf;
                    }
                }

                return null;
            }

            private static bool MayBeHandled(List<IOperation> earlier, long value)
            {
                foreach (var test in earlier)
                {
                    var match = test is IPatternOperation pattern
                        ? Matches(pattern, value)
                        : TryGetConstant(test, out var constant) ? (constant == value ? Match.Yes : Match.No) : Match.Unknown;
                    if (match != Match.No)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether a pattern matches a value; <see cref="Match.Unknown"/> where it cannot be told from constants.</summary>
            private static Match Matches(IPatternOperation pattern, long value)
            {
                switch (pattern)
                {
                    case IConstantPatternOperation constant:
                        return TryGetConstant(constant.Value, out var c) ? (c == value ? Match.Yes : Match.No) : Match.Unknown;
                    case IRelationalPatternOperation relational:
                        if (!TryGetConstant(relational.Value, out var bound))
                        {
                            return Match.Unknown;
                        }

                        bool? result = relational.OperatorKind switch
                        {
                            BinaryOperatorKind.LessThan => value < bound,
                            BinaryOperatorKind.LessThanOrEqual => value <= bound,
                            BinaryOperatorKind.GreaterThan => value > bound,
                            BinaryOperatorKind.GreaterThanOrEqual => value >= bound,
                            _ => null,
                        };
                        return result is null ? Match.Unknown : result.Value ? Match.Yes : Match.No;
                    case INegatedPatternOperation negated:
                        return Matches(negated.Pattern, value) switch
                        {
                            Match.Yes => Match.No,
                            Match.No => Match.Yes,
                            _ => Match.Unknown,
                        };
                    case IBinaryPatternOperation binary:
                        var left = Matches(binary.LeftPattern, value);
                        var right = Matches(binary.RightPattern, value);
                        if (binary.OperatorKind == BinaryOperatorKind.Or)
                        {
                            return left == Match.Yes || right == Match.Yes ? Match.Yes : left == Match.No && right == Match.No ? Match.No : Match.Unknown;
                        }

                        return left == Match.No || right == Match.No ? Match.No : left == Match.Yes && right == Match.Yes ? Match.Yes : Match.Unknown;
                    case IDiscardPatternOperation:
                        return Match.Yes;
                    default:
                        return Match.Unknown;
                }
            }

            /// <summary>The alternatives of a pattern, in source order: the operands of <c>or</c>, each a leaf.</summary>
            private static void Flatten(IPatternOperation pattern, List<Leaf> leaves)
            {
                if (pattern is IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or)
                {
                    Flatten(or.LeftPattern, leaves);
                    Flatten(or.RightPattern, leaves);
                }
                else if (pattern is IConstantPatternOperation constant)
                {
                    leaves.Add(ToLeaf(constant.Value, constant));
                }
                else
                {
                    leaves.Add(new Leaf(pattern, 0, ReplyClass.None));
                }
            }

            private static Leaf ToLeaf(IOperation value, IOperation whenNotConstant)
            {
                var operand = SkipImplicitConversions(value);
                return TryGetConstant(operand, out var number)
                    ? new Leaf(operand, number, ReplyClasses.Of(number))
                    : new Leaf(whenNotConstant, 0, ReplyClass.None);
            }

            private static bool IsConstant(IOperation operation) => TryGetConstant(SkipImplicitConversions(operation), out _);

            private static bool TryGetConstant(IOperation operation, out long value)
            {
                value = 0;
                var constant = operation.ConstantValue;
                return constant.HasValue && IntegralConstants.TryToInt64(constant.Value, out value);
            }

            private static IOperation SkipImplicitConversions(IOperation operation)
            {
                while (operation is IConversionOperation { IsImplicit: true } conversion)
                {
                    operation = conversion.Operand;
                }

                return operation;
            }

            /// <summary>
            /// A status value (<c>status</c>, <c>ex.StatusCode</c>, a <c>Nullable</c> one) or a lossless integral conversion of
            /// one (<c>(int)ex.StatusCode</c>); <paramref name="tested"/> is the status expression itself.
            /// </summary>
            private bool TryGetStatusValue(IOperation operation, out StatusEnum statusEnum, out IOperation tested)
            {
                tested = SkipImplicitConversions(operation);
                if (_catalog.TryGet(tested.Type, out statusEnum))
                {
                    return true;
                }

                if (tested is IConversionOperation conversion
                    && conversion.Type is { } target
                    && IntegralConstants.IsIntegral(target.SpecialType)
                    && _catalog.TryGet(conversion.Operand.Type, out statusEnum, out var isNullable)
                    && !isNullable
                    && IntegralConstants.IsLossless(statusEnum.UnderlyingType, target.SpecialType))
                {
                    tested = SkipImplicitConversions(conversion.Operand);
                    return true;
                }

                statusEnum = null!;
                return false;
            }

            private static void CollectConditions(IOperation operation, List<IOperation> conditions)
            {
                if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or)
                {
                    CollectConditions(or.LeftOperand, conditions);
                    CollectConditions(or.RightOperand, conditions);
                }
                else
                {
                    conditions.Add(SkipImplicitConversions(operation));
                }
            }

            private static int IndexOfSameValue(List<IOperation> values, IOperation value)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (IsSameValue(values[i], value))
                    {
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>The same local, parameter, or field or property of the same instance: <c>ex.StatusCode</c> twice.</summary>
            private static bool IsSameValue(IOperation? left, IOperation? right)
            {
                if (left is null || right is null)
                {
                    return left is null && right is null;
                }

                left = SkipImplicitConversions(left);
                right = SkipImplicitConversions(right);
                switch (left)
                {
                    case ILocalReferenceOperation local:
                        return right is ILocalReferenceOperation otherLocal && SymbolEqualityComparer.Default.Equals(local.Local, otherLocal.Local);
                    case IParameterReferenceOperation parameter:
                        return right is IParameterReferenceOperation otherParameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, otherParameter.Parameter);
                    case IInstanceReferenceOperation:
                        return right is IInstanceReferenceOperation;
                    case IFieldReferenceOperation field:
                        return right is IFieldReferenceOperation otherField
                            && SymbolEqualityComparer.Default.Equals(field.Field, otherField.Field)
                            && IsSameValue(field.Instance, otherField.Instance);
                    case IPropertyReferenceOperation property:
                        return right is IPropertyReferenceOperation otherProperty
                            && property.Arguments.IsEmpty
                            && otherProperty.Arguments.IsEmpty
                            && SymbolEqualityComparer.Default.Equals(property.Property, otherProperty.Property)
                            && IsSameValue(property.Instance, otherProperty.Instance);
                    default:
                        return false;
                }
            }

            private static string Describe(StatusEnum statusEnum, long value)
            {
                var names = statusEnum.CurrentNamesOf(value);
                return names.IsEmpty ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : names[0].QualifiedName;
            }
        }
    }
}
