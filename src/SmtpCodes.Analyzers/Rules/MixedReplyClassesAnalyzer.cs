using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP005: one branch that handles a transient (4yz) and a permanent (5yz) status alike — a case section, a
    /// switch-expression arm, an <c>is</c> pattern, an <c>||</c> or <c>|</c> chain of <c>==</c> tests, or an <c>&amp;&amp;</c>
    /// or <c>&amp;</c> chain of <c>!=</c> tests (whose else branch takes them all) on one status value. Reported on the
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

            // Syntax kinds, each rejected from its syntax or its value's type before its operation is asked for
            // (docs/performance.md): every binary operation of a compilation is far more than its || and && chains.
            start.RegisterSyntaxNodeAction(
                analysis.Analyze,
                SyntaxKind.SwitchStatement,
                SyntaxKind.SwitchExpression,
                SyntaxKind.IsPatternExpression,
                SyntaxKind.LogicalOrExpression,
                SyntaxKind.BitwiseOrExpression,
                SyntaxKind.LogicalAndExpression,
                SyntaxKind.BitwiseAndExpression);
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

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            internal void Analyze(SyntaxNodeAnalysisContext context)
            {
                switch (context.Node.Kind())
                {
                    case SyntaxKind.LogicalOrExpression:
                    case SyntaxKind.BitwiseOrExpression:
                    case SyntaxKind.LogicalAndExpression:
                    case SyntaxKind.BitwiseAndExpression:
                        AnalyzeChain(context);
                        break;
                    case SyntaxKind.SwitchStatement:
                        AnalyzeSwitch(context);
                        break;
                    case SyntaxKind.SwitchExpression:
                        AnalyzeSwitchExpression(context);
                        break;
                    default:
                        AnalyzeIsPattern(context);
                        break;
                }
            }

            private void AnalyzeSwitch(SyntaxNodeAnalysisContext context)
            {
                var syntax = (SwitchStatementSyntax)context.Node;
                if (!MayTestStatus(context, syntax, syntax.Expression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISwitchOperation switchStatement
                    || !TryGetStatusValue(switchStatement.Value, out var statusEnum, out _))
                {
                    return;
                }

                // Tests of earlier sections without a guard: a value they match never reaches a later section.
                var earlier = new EarlierTests();
                var leaves = new List<Leaf>();
                var alternatives = new List<IPatternOperation>(2);
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
                                AddLeaves(patternClause.Pattern, leaves, alternatives);
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

            private void AnalyzeSwitchExpression(SyntaxNodeAnalysisContext context)
            {
                var syntax = (SwitchExpressionSyntax)context.Node;
                if (!MayTestStatus(context, syntax, syntax.GoverningExpression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISwitchExpressionOperation switchExpression
                    || !TryGetStatusValue(switchExpression.Value, out var statusEnum, out _))
                {
                    return;
                }

                var earlier = new EarlierTests();
                var leaves = new List<Leaf>();
                var alternatives = new List<IPatternOperation>(2);
                foreach (var arm in switchExpression.Arms)
                {
                    if (arm.Guard is not null)
                    {
                        continue;
                    }

                    leaves.Clear();
                    AddLeaves(arm.Pattern, leaves, alternatives);
                    Evaluate(context, statusEnum, leaves, earlier, arm.Syntax, MixedReplyClassesProperties.SplitArm);
                    earlier.Add(arm.Pattern);
                }
            }

            private void AnalyzeIsPattern(SyntaxNodeAnalysisContext context)
            {
                var syntax = (IsPatternExpressionSyntax)context.Node;
                if (!SkipParentheses(syntax.Pattern).IsKind(SyntaxKind.OrPattern)
                    || !MayTestStatus(context, syntax, syntax.Expression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IIsPatternOperation isPattern
                    || isPattern.Pattern is not IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or }
                    || !TryGetStatusValue(isPattern.Value, out var statusEnum, out _))
                {
                    return;
                }

                var leaves = new List<Leaf>();
                AddLeaves(isPattern.Pattern, leaves, new List<IPatternOperation>(2));
                Evaluate(context, statusEnum, leaves, null, isPattern.Syntax, null);
            }

            /// <summary>
            /// <c>status == A || status == B || status is C or D</c> (or <c>|</c>), and <c>status != A &amp;&amp; status != B</c>
            /// (or <c>&amp;</c>), whose else branch takes A and B alike: reported once, at the top of the chain.
            /// </summary>
            private void AnalyzeChain(SyntaxNodeAnalysisContext context)
            {
                // From syntax first: the top of the chain, and a link written as a test.
                var syntax = (BinaryExpressionSyntax)context.Node;
                var negated = IsNegatedLink(syntax);
                if (IsLinkOf(SkipParenthesesUp(syntax), negated)
                    || !HasTestSyntax(syntax, negated)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IBinaryOperation binary)
                {
                    return;
                }

                if (!IsChainLink(binary, negated)
                    || (binary.Parent is IBinaryOperation parent && IsChainLink(parent, negated))
                    || !HasStatusTest(binary, negated))
                {
                    return;
                }

                var conditions = new List<IOperation>();
                CollectConditions(binary, negated, conditions);

                // Each test: the status value it reads, and its constants.
                var values = new List<IOperation>();
                var enums = new List<StatusEnum>();
                var groups = new List<List<Leaf>>();
                var single = new List<Leaf>();
                var alternatives = new List<IPatternOperation>(2);
                foreach (var condition in conditions)
                {
                    single.Clear();
                    IOperation tested;
                    StatusEnum statusEnum;
                    switch (condition)
                    {
                        case IBinaryOperation equals when equals.OperatorKind == (negated ? BinaryOperatorKind.NotEquals : BinaryOperatorKind.Equals):
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
                        case IIsPatternOperation isPattern when !negated && TryGetStatusValue(isPattern.Value, out statusEnum, out tested):
                            AddLeaves(isPattern.Pattern, single, alternatives);

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
            private static bool Evaluate(SyntaxNodeAnalysisContext context, StatusEnum statusEnum, List<Leaf> leaves, EarlierTests? earlier, SyntaxNode container, string? fixKind)
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

            private static Leaf? FirstUnhandled(List<Leaf> leaves, ReplyClass replyClass, EarlierTests? earlier)
            {
                foreach (var leaf in leaves)
                {
                    if (leaf.Class == replyClass && (earlier is null || !earlier.MayMatch(leaf.Value)))
                    {
                        return leaf;
                    }
                }

                return null;
            }

            /// <summary>
            /// The tests of earlier branches without a guard (a value they may match never reaches a later branch), each
            /// compiled the first time a later branch asks about it, and then once for the whole switch.
            /// </summary>
            private sealed class EarlierTests
            {
                private readonly List<IOperation> _tests = new List<IOperation>();
                private readonly List<CompiledPattern?> _compiled = new List<CompiledPattern?>();

                internal void Add(IOperation test)
                {
                    _tests.Add(test);
                    _compiled.Add(null);
                }

                internal bool MayMatch(long value)
                {
                    for (var i = 0; i < _tests.Count; i++)
                    {
                        var compiled = _compiled[i];
                        if (compiled is null)
                        {
                            compiled = _tests[i] is IPatternOperation pattern ? PatternValues.Compile(pattern) : PatternValues.CompileValue(_tests[i]);
                            _compiled[i] = compiled;
                        }

                        if (compiled.Evaluate(value) != PatternMatch.No)
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            /// <summary>
            /// The alternatives of a pattern, in source order (the operands of <c>or</c>), each a leaf; <paramref name="alternatives"/>
            /// is the caller's scratch list, reused across the branches of one switch.
            /// </summary>
            private static void AddLeaves(IPatternOperation pattern, List<Leaf> leaves, List<IPatternOperation> alternatives)
            {
                alternatives.Clear();
                PatternValues.AddAlternatives(pattern, alternatives);
                foreach (var alternative in alternatives)
                {
                    leaves.Add(alternative is IConstantPatternOperation constant ? ToLeaf(constant.Value, constant) : new Leaf(alternative, 0, ReplyClass.None));
                }
            }

            private static Leaf ToLeaf(IOperation value, IOperation whenNotConstant)
            {
                var operand = value.WithoutImplicitConversions();
                return TryGetConstant(operand, out var number)
                    ? new Leaf(operand, number, ReplyClasses.Of(number))
                    : new Leaf(whenNotConstant, 0, ReplyClass.None);
            }

            private static bool IsConstant(IOperation operation) => TryGetConstant(operation.WithoutImplicitConversions(), out _);

            private static bool TryGetConstant(IOperation operation, out long value)
            {
                value = 0;
                var constant = operation.ConstantValue;
                return constant.HasValue && IntegralConstants.TryToInt64(constant.Value, out value);
            }

            /// <summary>
            /// A status value (<c>status</c>, <c>ex.StatusCode</c>, a <c>Nullable</c> one) or a lossless integral conversion of
            /// one (<c>(int)ex.StatusCode</c>); <paramref name="tested"/> is the status expression itself.
            /// </summary>
            private bool TryGetStatusValue(IOperation operation, out StatusEnum statusEnum, out IOperation tested)
            {
                tested = operation.WithoutImplicitConversions();
                if (_catalog.TryGet(tested.Type, out statusEnum))
                {
                    return true;
                }

                if (tested is IConversionOperation conversion
                    && _catalog.IsStatusToIntegral(conversion, out statusEnum, out var isNullable)
                    && !isNullable)
                {
                    tested = conversion.Operand.WithoutImplicitConversions();
                    return true;
                }

                statusEnum = null!;
                return false;
            }

            /// <summary>Whether <paramref name="operation"/> continues a chain of <c>||</c>/<c>|</c> (or, negated, <c>&amp;&amp;</c>/<c>&amp;</c>).</summary>
            /// <summary>
            /// Whether a switch, switch expression or <c>is</c> may test a status value against members of two classes, asked
            /// before its operation is built: its value is an integral cast (<c>(int)ex.StatusCode</c>), or some constant is
            /// not a literal (<c>SmtpStatusCode.MailboxBusy</c>; on an enum only a zero, no reply code, is one) and
            /// the value is of a status enum, which the compiler is asked last.
            /// </summary>
            private bool MayTestStatus(SyntaxNodeAnalysisContext context, SyntaxNode container, ExpressionSyntax value) =>
                SyntaxHints.MayBeIntegralCast(value)
                || (!SyntaxHints.TestsOnlyLiterals(container)
                    && _catalog.TryGet(context.SemanticModel.GetTypeInfo(value, context.CancellationToken).Type, out _));

            private static PatternSyntax SkipParentheses(PatternSyntax pattern)
            {
                while (pattern is ParenthesizedPatternSyntax parenthesized)
                {
                    pattern = parenthesized.Pattern;
                }

                return pattern;
            }

            private static bool IsNegatedLink(SyntaxNode node) =>
                node.IsKind(SyntaxKind.LogicalAndExpression) || node.IsKind(SyntaxKind.BitwiseAndExpression);

            /// <summary>A link of a chain as written: <c>||</c> or <c>|</c>, or (negated) <c>&amp;&amp;</c> or <c>&amp;</c>.</summary>
            private static bool IsLinkOf(SyntaxNode? node, bool negated) =>
                node is not null
                && (negated
                    ? IsNegatedLink(node)
                    : node.IsKind(SyntaxKind.LogicalOrExpression) || node.IsKind(SyntaxKind.BitwiseOrExpression));

            /// <summary>The node that holds an expression, above any parentheses around it.</summary>
            private static SyntaxNode? SkipParenthesesUp(SyntaxNode node)
            {
                var parent = node.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    parent = parent.Parent;
                }

                return parent;
            }

            /// <summary>
            /// Whether some link of the chain is written as a test that may compare a status with a member: <c>==</c>
            /// (<c>!=</c> when negated) or <c>is</c>.
            /// </summary>
            private static bool HasTestSyntax(SyntaxNode node, bool negated)
            {
                var unwrapped = SmtpCodeContexts.SkipParentheses(node);
                if (IsLinkOf(unwrapped, negated))
                {
                    var binary = (BinaryExpressionSyntax)unwrapped;
                    return HasTestSyntax(binary.Left, negated) || HasTestSyntax(binary.Right, negated);
                }

                return unwrapped switch
                {
                    // status == Member, or (int)status == 550: a literal compared with anything but an integral cast is no
                    // member of a status enum (only a constant zero converts to one).
                    BinaryExpressionSyntax test when test.IsKind(negated ? SyntaxKind.NotEqualsExpression : SyntaxKind.EqualsExpression) =>
                        !(SyntaxHints.IsLiteral(test.Left) || SyntaxHints.IsLiteral(test.Right))
                        || (SyntaxHints.IsLiteral(test.Left) ? SyntaxHints.MayBeIntegralCast(test.Right) : SyntaxHints.MayBeIntegralCast(test.Left)),
                    IsPatternExpressionSyntax isPattern when !negated =>
                        SyntaxHints.MayBeIntegralCast(isPattern.Expression) || !SyntaxHints.TestsOnlyLiterals(isPattern),

                    // status is SmtpStatusCode.MailboxBusy: parsed as a type test, bound as a constant pattern.
                    BinaryExpressionSyntax typeTest when !negated && typeTest.IsKind(SyntaxKind.IsExpression) => true,
                    _ => false,
                };
            }

            private static bool IsChainLink(IOperation operation, bool negated) =>
                operation is IBinaryOperation { OperatorKind: var kind } binary
                && binary.Type?.SpecialType == SpecialType.System_Boolean
                && (negated
                    ? kind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And
                    : kind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or);

            /// <summary>
            /// Whether some link of the chain compares a status value (<c>==</c>, or <c>!=</c> when negated) or tests it with
            /// <c>is</c>: asked before anything is allocated, since most <c>&amp;&amp;</c> and <c>||</c> chains test other things.
            /// </summary>
            private bool HasStatusTest(IOperation operation, bool negated)
            {
                if (IsChainLink(operation, negated))
                {
                    var binary = (IBinaryOperation)operation;
                    return HasStatusTest(binary.LeftOperand, negated) || HasStatusTest(binary.RightOperand, negated);
                }

                switch (operation.WithoutImplicitConversions())
                {
                    case IBinaryOperation test when test.OperatorKind == (negated ? BinaryOperatorKind.NotEquals : BinaryOperatorKind.Equals):
                        return TryGetStatusValue(test.LeftOperand, out _, out _) || TryGetStatusValue(test.RightOperand, out _, out _);
                    case IIsPatternOperation isPattern when !negated:
                        return TryGetStatusValue(isPattern.Value, out _, out _);
                    default:
                        return false;
                }
            }

            private static void CollectConditions(IOperation operation, bool negated, List<IOperation> conditions)
            {
                if (IsChainLink(operation, negated))
                {
                    var binary = (IBinaryOperation)operation;
                    CollectConditions(binary.LeftOperand, negated, conditions);
                    CollectConditions(binary.RightOperand, negated, conditions);
                }
                else
                {
                    conditions.Add(operation.WithoutImplicitConversions());
                }
            }

            private static int IndexOfSameValue(List<IOperation> values, IOperation value)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (Operations.IsSameValue(values[i], value))
                    {
                        return i;
                    }
                }

                return -1;
            }

            private static string Describe(StatusEnum statusEnum, long value)
            {
                var names = statusEnum.CurrentNamesOf(value);
                return names.IsEmpty ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : names[0].QualifiedName;
            }
        }
    }
}
