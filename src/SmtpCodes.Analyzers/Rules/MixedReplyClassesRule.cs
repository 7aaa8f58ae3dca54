using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
    /// One walk over the branches that name status members — a case section, a switch-expression arm, an <c>is</c> pattern,
    /// an <c>||</c> or <c>|</c> chain of <c>==</c> tests, or an <c>&amp;&amp;</c> or <c>&amp;</c> chain of <c>!=</c> tests (whose
    /// else branch takes them all) on one status value — each read with what it does with the failure (its intent,
    /// <see cref="BranchIntent"/>), for three rules:
    /// SMTP005, a branch (or branches of one switch that do the same, token for token) holding a transient (4yz) and a
    /// permanent (5yz) member, authentication codes aside, unless the branch hands the failure on;
    /// SMTP007, a named 5yz member in a branch that retries; SMTP008, a named 4yz member in a branch that gives up —
    /// both only where SMTP005 does not report the branch, and also for one <c>==</c> or <c>is</c> test that decides a
    /// branch by itself (the condition of an <c>if</c>, or the answer of an <c>IsTransient</c>).
    /// </summary>
    internal sealed class MixedReplyClassesRule : StatusRule
    {
        internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(
                Descriptors.SMTP005_MixedReplyClasses,
                Descriptors.SMTP007_PermanentFailureRetried,
                Descriptors.SMTP008_TransientFailureGivenUp);

        internal override void Start(RuleStart start)
        {
            var analysis = new Analysis(start.Catalog);

            // Syntax kinds, each rejected from its syntax or its value's type before its operation is asked for
            // (docs/performance.md): every binary operation of a compilation is far more than its || and && chains.
            start.Register(
                analysis.Analyze,
                SyntaxKind.SwitchStatement,
                SyntaxKind.SwitchExpression,
                SyntaxKind.IsPatternExpression,
                SyntaxKind.LogicalOrExpression,
                SyntaxKind.BitwiseOrExpression,
                SyntaxKind.LogicalAndExpression,
                SyntaxKind.BitwiseAndExpression,
                SyntaxKind.EqualsExpression,
                SyntaxKind.IsExpression);
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

        /// <summary>
        /// One branch: its alternatives (a section's labels, an arm's or pattern's <c>or</c> alternatives, a chain's tests of
        /// one value), those of them of a failure class that no earlier branch takes (authentication codes are of neither),
        /// and what it does with the failure, read once.
        /// </summary>
        private sealed class Branch
        {
            private static readonly List<Leaf> s_none = new List<Leaf>(0);
            private FailureIntent? _intent;
            private string? _description;

            internal Branch(SyntaxNode syntax, List<Leaf> leaves, Analysis.EarlierTests? earlier, bool guarded)
            {
                Syntax = syntax;
                Guarded = guarded;
                Leaves = new List<Leaf>(leaves);
                Reached = s_none;
                foreach (var leaf in leaves)
                {
                    if ((leaf.Class == ReplyClass.TransientNegative || leaf.Class == ReplyClass.PermanentNegative)
                        && (earlier is null || !earlier.MayMatch(leaf.Value)))
                    {
                        if (Reached == s_none)
                        {
                            Reached = new List<Leaf>(leaves.Count);
                        }

                        Reached.Add(leaf);
                    }
                }
            }

            /// <summary>The case section, the switch-expression arm, or the <c>is</c> or chain.</summary>
            internal SyntaxNode Syntax { get; }

            /// <summary>A <c>when</c> clause decides whether it is taken.</summary>
            internal bool Guarded { get; }

            internal List<Leaf> Leaves { get; }

            /// <summary>The transient and permanent members that reach the branch, in source order.</summary>
            internal List<Leaf> Reached { get; }

            internal bool HasClassed => Reached.Count > 0;

            internal bool IsMixed
            {
                get
                {
                    var transient = false;
                    var permanent = false;
                    foreach (var leaf in Reached)
                    {
                        transient |= leaf.Class == ReplyClass.TransientNegative;
                        permanent |= leaf.Class == ReplyClass.PermanentNegative;
                    }

                    return transient && permanent;
                }
            }

            /// <summary>SMTP005 reports it (alone or with branches that do the same), or it mixes the classes and hands the failure on.</summary>
            internal bool Covered { get; set; }

            /// <summary>What a section's statements or an arm's result do with the failure; a test's is set from where it stands.</summary>
            internal FailureIntent IntentIn(in IntentSite site) =>
                _intent ??= Syntax switch
                {
                    SwitchSectionSyntax section => BranchIntent.Of(section.Statements, site),
                    SwitchExpressionArmSyntax arm => BranchIntent.OfResult(arm.Expression, site),
                    _ => FailureIntent.Unknown,
                };

            /// <summary>The branch as messages name it: <c>'=&gt; true' in 'IsTransient'</c>, <c>'return SendResult.Bounce;' in 'Classify'</c>.</summary>
            internal string Description => _description ??= Describing.Branch(Syntax);

            internal void Set(Placement placement)
            {
                _intent = placement.Intent;
                _description = placement.Description;
            }

            /// <summary>The same statements, or the same arm result, token for token, as SMTP002/SMTP003's shape 1 compares them.</summary>
            internal bool DoesWhat(Branch other) => BranchBodies.DoTheSame(Syntax, other.Syntax);
        }

        /// <summary>The one branch of a switch that retries, and the one that gives up, where there is exactly one (without a guard): where SMTP008's and SMTP007's fixes move a member.</summary>
        private sealed class Targets
        {
            private readonly Branch? _retry;
            private readonly Branch? _giveUp;

            internal Targets(List<Branch> branches, in IntentSite site)
            {
                var retries = 0;
                var giveUps = 0;
                foreach (var branch in branches)
                {
                    switch (branch.IntentIn(site))
                    {
                        case FailureIntent.Retry:
                            retries++;
                            _retry = branch;
                            break;
                        case FailureIntent.GiveUp:
                            giveUps++;
                            _giveUp = branch;
                            break;
                    }
                }

                if (retries != 1 || _retry!.Guarded)
                {
                    _retry = null;
                }

                if (giveUps != 1 || _giveUp!.Guarded)
                {
                    _giveUp = null;
                }
            }

            internal Branch? The(FailureIntent intent) => intent switch
            {
                FailureIntent.Retry => _retry,
                FailureIntent.GiveUp => _giveUp,
                _ => null,
            };
        }

        /// <summary>
        /// What an <c>is</c> or a chain of tests leads to, from where it stands: the statement of the <c>if</c> whose condition
        /// it is (the else branch for a chain of <c>!=</c>), the result a conditional picks, or the bool it is when it is
        /// the value returned or assigned (true where a member matches), which the method's or variable's question reads.
        /// </summary>
        private readonly struct Placement
        {
            private Placement(FailureIntent intent, string description)
            {
                Intent = intent;
                Description = description;
            }

            internal FailureIntent Intent { get; }

            internal string Description { get; }

            /// <summary>Whether the test stands where <see cref="Of"/> may read a decision from it, asked from syntax before anything is bound.</summary>
            internal static bool MayDecide(SyntaxNode test)
            {
                var child = test;
                var parent = test.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    child = parent;
                    parent = parent.Parent;
                }

                return parent switch
                {
                    IfStatementSyntax ifStatement => ifStatement.Condition == child,
                    ConditionalExpressionSyntax conditional => conditional.Condition == child,
                    ReturnStatementSyntax or ArrowExpressionClauseSyntax or LambdaExpressionSyntax or EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax } => true,
                    AssignmentExpressionSyntax assignment => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == child,
                    _ => false,
                };
            }

            internal static Placement Of(SyntaxNode test, bool negated, in IntentSite site)
            {
                var child = test;
                var parent = test.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    child = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IfStatementSyntax ifStatement when ifStatement.Condition == child:
                        var statement = negated ? ifStatement.Else?.Statement : ifStatement.Statement;
                        return statement is null
                            ? default
                            : new Placement(BranchIntent.Of(statement, site), Describing.Quoted(BranchIntent.Describe(statement), test));
                    case ConditionalExpressionSyntax conditional when conditional.Condition == child:
                        var result = negated ? conditional.WhenFalse : conditional.WhenTrue;
                        return new Placement(BranchIntent.OfResult(result, site), Describing.Quoted(BranchIntent.Describe(result), test));
                    case ReturnStatementSyntax:
                    case ArrowExpressionClauseSyntax:
                    case LambdaExpressionSyntax:
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax }:
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when assignment.Right == child:
                        // The test is the answer: true where a member matches (false for a chain of !=).
                        var answer = !negated;
                        var intent = BranchIntent.QuestionAnswered(child) switch
                        {
                            IntentQuestion.Retry => answer ? FailureIntent.Retry : FailureIntent.GiveUp,
                            IntentQuestion.GiveUp => answer ? FailureIntent.GiveUp : FailureIntent.Retry,
                            _ => FailureIntent.Unknown,
                        };
                        return intent == FailureIntent.Unknown ? default : new Placement(intent, Answers(parent, answer));
                    default:
                        return default;
                }
            }

            /// <summary>"returning true from 'IsTransient'", "setting 'retry' to false".</summary>
            private static string Answers(SyntaxNode parent, bool answer)
            {
                var value = answer ? "true" : "false";
                switch (parent)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return $"setting '{declarator.Identifier.ValueText}' to {value}";
                    case AssignmentExpressionSyntax assignment:
                        return $"setting '{Describing.Shorten(assignment.Left.ToString())}' to {value}";
                }

                return Describing.EnclosingName(parent) is { } name ? $"returning {value} from '{name}'" : $"returning {value}";
            }
        }

        /// <summary>How messages name a branch and the method it is in.</summary>
        private static class Describing
        {
            private const int Length = 60;

            /// <summary><c>'=&gt; true' in 'IsTransient'</c> for an arm, <c>'return SendResult.Bounce;' in 'Classify'</c> for a section (its statements, not its labels).</summary>
            internal static string Branch(SyntaxNode branch)
            {
                switch (branch)
                {
                    case SwitchExpressionArmSyntax arm:
                        return Quoted("=> " + BranchIntent.Describe(arm.Expression), branch);
                    case SwitchSectionSyntax section:
                        var text = new StringBuilder();
                        foreach (var statement in section.Statements)
                        {
                            text.Append(text.Length == 0 ? string.Empty : " ").Append(BranchIntent.Describe(statement));
                        }

                        return Quoted(text.ToString(), branch);
                    default:
                        return Quoted(BranchIntent.Describe(branch), branch);
                }
            }

            /// <summary>The text in quotes, shortened, and the name of the method (local function, property, named lambda) it is in.</summary>
            internal static string Quoted(string text, SyntaxNode node) =>
                EnclosingName(node) is { } name ? $"'{Shorten(text)}' in '{name}'" : $"'{Shorten(text)}'";

            internal static string Shorten(string text) => text.Length > Length ? text.Substring(0, Length - 1) + "…" : text;

            /// <summary>The method, local function or property the node is in, or the local a lambda around it is assigned to.</summary>
            internal static string? EnclosingName(SyntaxNode node)
            {
                foreach (var ancestor in node.Ancestors())
                {
                    switch (ancestor)
                    {
                        case MethodDeclarationSyntax method:
                            return method.Identifier.ValueText;
                        case LocalFunctionStatementSyntax local:
                            return local.Identifier.ValueText;
                        case PropertyDeclarationSyntax property:
                            return property.Identifier.ValueText;
                        case LambdaExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } }:
                            return declarator.Identifier.ValueText;
                        case AnonymousFunctionExpressionSyntax:
                        case MemberDeclarationSyntax:
                            return null;
                    }
                }

                return null;
            }
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;

            /// <summary>The names of the status enums' members: a single test is bound only where it may name one.</summary>
            private readonly HashSet<string> _memberNames = new HashSet<string>(System.StringComparer.Ordinal);

            internal Analysis(StatusEnumCatalog catalog)
            {
                _catalog = catalog;
                foreach (var statusEnum in catalog.Enums)
                {
                    foreach (var member in statusEnum.Members)
                    {
                        _memberNames.Add(member.Name);
                    }
                }
            }

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
                    case SyntaxKind.EqualsExpression:
                    case SyntaxKind.IsExpression:
                        AnalyzeSingleTest(context);
                        break;
                    default:
                        if (SkipParentheses(((IsPatternExpressionSyntax)context.Node).Pattern).IsKind(SyntaxKind.OrPattern))
                        {
                            AnalyzeIsPattern(context);
                        }
                        else
                        {
                            AnalyzeSingleTest(context);
                        }

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
                var branches = new List<Branch>(switchStatement.Cases.Length);
                var leaves = new List<Leaf>();
                var alternatives = new List<IPatternOperation>(2);
                foreach (var section in switchStatement.Cases)
                {
                    leaves.Clear();
                    var guarded = false;
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
                                guarded |= clause is IPatternCaseClauseOperation;
                                leaves.Add(new Leaf(clause, 0, ReplyClass.None));
                                break;
                        }
                    }

                    branches.Add(new Branch(section.Syntax, leaves, earlier, guarded));

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

                Report(context, statusEnum, branches, IntentSite.ForValue(syntax, syntax.Expression), isSwitch: true);
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
                var branches = new List<Branch>(switchExpression.Arms.Length);
                var leaves = new List<Leaf>();
                var alternatives = new List<IPatternOperation>(2);
                foreach (var arm in switchExpression.Arms)
                {
                    leaves.Clear();
                    if (arm.Guard is not null)
                    {
                        branches.Add(new Branch(arm.Syntax, leaves, null, guarded: true));
                        continue;
                    }

                    AddLeaves(arm.Pattern, leaves, alternatives);
                    branches.Add(new Branch(arm.Syntax, leaves, earlier, guarded: false));
                    earlier.Add(arm.Pattern);
                }

                Report(context, statusEnum, branches, IntentSite.ForValue(syntax, syntax.GoverningExpression), isSwitch: true);
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
                var branch = new Branch(isPattern.Syntax, leaves, null, guarded: false);
                var site = ChainSite(syntax, syntax.Expression);
                branch.Set(Placement.Of(syntax, negated: false, site));
                Report(context, statusEnum, new List<Branch>(1) { branch }, site, isSwitch: false);
            }

            /// <summary>
            /// One test that decides a branch by itself (<c>if (status == SmtpStatusCode.MailboxBusy) return SendResult.Bounce;</c>,
            /// <c>return status is SmtpStatusCode.MailboxUnavailable;</c> in <c>IsTransient</c>): SMTP007/SMTP008 where what the branch
            /// does contradicts the member's class. Rejected from syntax unless it is the condition of an <c>if</c> or a conditional,
            /// or the answer returned or assigned, and then unless what it leads to is a retry or a give-up.
            /// </summary>
            private void AnalyzeSingleTest(SyntaxNodeAnalysisContext context)
            {
                var syntax = (ExpressionSyntax)context.Node;
                var mayName = syntax switch
                {
                    // status == SmtpStatusCode.MailboxBusy, (int)ex.StatusCode == 550
                    BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equalsSyntax =>
                        NamesMember(equalsSyntax.Left) || NamesMember(equalsSyntax.Right)
                        || (SyntaxHints.IsLiteral(equalsSyntax.Right) && SyntaxHints.MayBeIntegralCast(equalsSyntax.Left))
                        || (SyntaxHints.IsLiteral(equalsSyntax.Left) && SyntaxHints.MayBeIntegralCast(equalsSyntax.Right)),

                    // status is SmtpStatusCode.MailboxBusy parses as a type test.
                    BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression } typeTest => typeTest.Right is QualifiedNameSyntax qualified && _memberNames.Contains(qualified.Right.Identifier.ValueText),
                    IsPatternExpressionSyntax { Pattern: var pattern } isPatternSyntax => SkipParentheses(pattern) is ConstantPatternSyntax constantSyntax
                        && (NamesMember(constantSyntax.Expression) || (SyntaxHints.IsLiteral(constantSyntax.Expression) && SyntaxHints.MayBeIntegralCast(isPatternSyntax.Expression))),
                    _ => false,
                };
                if (!mayName || !Placement.MayDecide(syntax))
                {
                    return;
                }

                var leaves = new List<Leaf>(1);
                StatusEnum statusEnum;
                IOperation tested;
                switch (context.SemanticModel.GetOperation(syntax, context.CancellationToken))
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                        if (!TryReadComparison(equals, leaves, out statusEnum, out tested))
                        {
                            return;
                        }

                        break;
                    case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern when TryGetStatusValue(isPattern.Value, out statusEnum, out tested):
                        leaves.Add(ToLeaf(constant.Value, constant));
                        break;
                    default:
                        return;
                }

                var branch = new Branch(syntax, leaves, null, guarded: false);
                if (!branch.HasClassed)
                {
                    return;
                }

                var site = ChainSite(syntax, tested.Syntax as ExpressionSyntax);
                branch.Set(Placement.Of(syntax, negated: false, site));
                Report(context, statusEnum, new List<Branch>(1) { branch }, site, isSwitch: false);
            }

            /// <summary>A comparison of a status value with a constant, either way round: the constant as a leaf.</summary>
            private bool TryReadComparison(IBinaryOperation comparison, List<Leaf> leaves, out StatusEnum statusEnum, out IOperation tested)
            {
                if (TryGetStatusValue(comparison.LeftOperand, out statusEnum, out tested) && IsConstant(comparison.RightOperand))
                {
                    leaves.Add(ToLeaf(comparison.RightOperand, comparison.RightOperand));
                    return true;
                }

                if (TryGetStatusValue(comparison.RightOperand, out statusEnum, out tested) && IsConstant(comparison.LeftOperand))
                {
                    leaves.Add(ToLeaf(comparison.LeftOperand, comparison.LeftOperand));
                    return true;
                }

                return false;
            }

            /// <summary>Whether an expression is written as a name a status enum's member has (<c>SmtpStatusCode.MailboxBusy</c>, <c>MailboxBusy</c>).</summary>
            private bool NamesMember(ExpressionSyntax expression) => SyntaxHints.Unwrapped(expression) switch
            {
                MemberAccessExpressionSyntax access => _memberNames.Contains(access.Name.Identifier.ValueText),
                IdentifierNameSyntax identifier => _memberNames.Contains(identifier.Identifier.ValueText),
                _ => false,
            };

            /// <summary>
            /// <c>status == A || status == B || status is C or D</c> (or <c>|</c>), and <c>status != A &amp;&amp; status != B</c>
            /// (or <c>&amp;</c>), whose else branch takes A and B alike: reported once, at the top of the chain.
            /// </summary>
            private void AnalyzeChain(SyntaxNodeAnalysisContext context)
            {
                // From syntax first: the top of the chain, and a link written as a test.
                var syntax = (BinaryExpressionSyntax)context.Node;
                var negated = SyntaxHints.IsNegatedChainLink(syntax);
                if (!SyntaxHints.IsChainTopWithTest(syntax)
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
                            if (!TryReadComparison(equals, single, out statusEnum, out tested))
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

                // Each value tested is a branch of its own: what the chain leads to, read once.
                Placement? placement = null;
                for (var i = 0; i < groups.Count; i++)
                {
                    var branch = new Branch(binary.Syntax, groups[i], null, guarded: false);
                    if (!branch.HasClassed)
                    {
                        continue;
                    }

                    var site = ChainSite(syntax, values[i].Syntax as ExpressionSyntax);
                    placement ??= Placement.Of(syntax, negated, site);
                    branch.Set(placement.Value);
                    if (Report(context, enums[i], new List<Branch>(1) { branch }, site, isSwitch: false))
                    {
                        return;
                    }
                }
            }

            /// <summary>
            /// Reports the branches of one switch (or the one branch of an <c>is</c> or a chain): SMTP005 on each that mixes
            /// the classes, unless it hands the failure on; SMTP005 on branches of a switch that do the same, token for token,
            /// and between them mix the classes, where what they do is known; then SMTP007/SMTP008 on each member whose class
            /// the intent of its branch contradicts, where SMTP005 did not report the branch. True when anything was reported.
            /// </summary>
            private static bool Report(SyntaxNodeAnalysisContext context, StatusEnum statusEnum, List<Branch> branches, in IntentSite site, bool isSwitch)
            {
                var reported = false;
                foreach (var branch in branches)
                {
                    if (branch.IsMixed)
                    {
                        branch.Covered = true;
                        var intent = branch.IntentIn(site);
                        if (intent != FailureIntent.HandOn)
                        {
                            ReportMixed(context, statusEnum, new List<Branch>(1) { branch }, intent, isSwitch);
                            reported = true;
                        }
                    }
                }

                if (isSwitch)
                {
                    reported |= ReportBranchesThatDoTheSame(context, statusEnum, branches, site);
                }

                Targets? targets = null;
                foreach (var branch in branches)
                {
                    if (branch.Covered || !branch.HasClassed)
                    {
                        continue;
                    }

                    var intent = branch.IntentIn(site);
                    var (wrong, descriptor, wanted) = intent switch
                    {
                        FailureIntent.Retry => (ReplyClass.PermanentNegative, Descriptors.SMTP007_PermanentFailureRetried, FailureIntent.GiveUp),
                        FailureIntent.GiveUp => (ReplyClass.TransientNegative, Descriptors.SMTP008_TransientFailureGivenUp, FailureIntent.Retry),
                        _ => (ReplyClass.None, null, FailureIntent.Unknown),
                    };
                    if (descriptor is null)
                    {
                        continue;
                    }

                    foreach (var leaf in branch.Reached)
                    {
                        if (leaf.Class != wrong)
                        {
                            continue;
                        }

                        var properties = ImmutableDictionary<string, string?>.Empty;
                        var locations = ImmutableArray<Location>.Empty;
                        if (isSwitch)
                        {
                            targets ??= new Targets(branches, site);
                            if (targets.The(wanted) is { } target && target != branch)
                            {
                                properties = properties
                                    .Add(MixedReplyClassesProperties.FixKind, branch.Syntax is SwitchExpressionArmSyntax ? MixedReplyClassesProperties.MoveAlternative : MixedReplyClassesProperties.MoveLabel);
                                locations = ImmutableArray.Create(branch.Syntax.GetLocation(), target.Syntax.GetLocation());
                            }
                        }

                        var member = Describe(statusEnum, leaf.Value);
                        var code = leaf.Value.ToString(CultureInfo.InvariantCulture);
                        var where = branch.Description;
                        context.ReportDiagnostic(Diagnostic.Create(
                            descriptor,
                            leaf.Operation.Syntax.GetLocation(),
                            locations,
                            properties,
                            intent == FailureIntent.Retry
                                ? new object[] { $"'{member}' ({code}) is retried by {where}" }
                                : new object[] { member, code, where }));
                        reported = true;
                    }
                }

                return reported;
            }

            /// <summary>
            /// Branches of one switch that do the same (<see cref="Branch.DoesWhat"/>) are one branch: reported when between
            /// them they hold both classes and what they do is known to be a retry or a give-up (a table of texts or log levels
            /// that groups codes by topic is no retry decision).
            /// </summary>
            private static bool ReportBranchesThatDoTheSame(SyntaxNodeAnalysisContext context, StatusEnum statusEnum, List<Branch> branches, in IntentSite site)
            {
                var reported = false;
                for (var i = 0; i < branches.Count; i++)
                {
                    var first = branches[i];
                    if (first.Covered || !first.HasClassed || first.Guarded)
                    {
                        continue;
                    }

                    var intent = first.IntentIn(site);
                    if (intent is not (FailureIntent.Retry or FailureIntent.GiveUp))
                    {
                        continue;
                    }

                    List<Branch>? group = null;
                    for (var j = i + 1; j < branches.Count; j++)
                    {
                        var other = branches[j];
                        if (!other.Covered && other.HasClassed && !other.Guarded && first.DoesWhat(other))
                        {
                            (group ??= new List<Branch> { first }).Add(other);
                        }
                    }

                    if (group is null
                        || FirstReached(group, ReplyClass.TransientNegative) is null
                        || FirstReached(group, ReplyClass.PermanentNegative) is null)
                    {
                        continue;
                    }

                    foreach (var member in group)
                    {
                        member.Covered = true;
                    }

                    ReportMixed(context, statusEnum, group, intent, isSwitch: true);
                    reported = true;
                }

                return reported;
            }

            /// <summary>
            /// SMTP005 on one branch or on branches that do the same. Where the intent is known, on the first member of the class
            /// it contradicts (a permanent one retried, a transient one given up: where SMTP007/SMTP008 would be), the message
            /// saying what happens to both; otherwise on the first member whose class differs from the first classed member.
            /// </summary>
            private static void ReportMixed(SyntaxNodeAnalysisContext context, StatusEnum statusEnum, List<Branch> group, FailureIntent intent, bool isSwitch)
            {
                var transient = FirstReached(group, ReplyClass.TransientNegative)!.Value;
                var permanent = FirstReached(group, ReplyClass.PermanentNegative)!.Value;
                var location = intent switch
                {
                    FailureIntent.Retry => permanent,
                    FailureIntent.GiveUp => transient,
                    _ => FirstReached(group, ReplyClass.None)!.Value.Class == ReplyClass.TransientNegative ? permanent : transient,
                };

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (intent is FailureIntent.Retry or FailureIntent.GiveUp)
                {
                    properties = properties.Add(MixedReplyClassesProperties.Intent, intent == FailureIntent.Retry ? MixedReplyClassesProperties.Retry : MixedReplyClassesProperties.GiveUp);
                }

                var branch = group[0];
                if (group.Count == 1 && isSwitch)
                {
                    var classes = new StringBuilder(branch.Leaves.Count);
                    foreach (var leaf in branch.Leaves)
                    {
                        classes.Append(leaf.Class switch
                        {
                            ReplyClass.TransientNegative => MixedReplyClassesProperties.Transient,
                            ReplyClass.PermanentNegative => MixedReplyClassesProperties.Permanent,
                            _ => MixedReplyClassesProperties.Other,
                        });
                    }

                    properties = properties
                        .Add(MixedReplyClassesProperties.FixKind, branch.Syntax is SwitchExpressionArmSyntax ? MixedReplyClassesProperties.SplitArm : MixedReplyClassesProperties.SplitSection)
                        .Add(MixedReplyClassesProperties.Classes, classes.ToString());
                }

                var locations = ImmutableArray.CreateBuilder<Location>(group.Count);
                foreach (var member in group)
                {
                    locations.Add(member.Syntax.GetLocation());
                }

                var a = $"'{Describe(statusEnum, transient.Value)}'";
                var b = $"'{Describe(statusEnum, permanent.Value)}'";
                var codeA = transient.Value.ToString(CultureInfo.InvariantCulture);
                var codeB = permanent.Value.ToString(CultureInfo.InvariantCulture);
                var text = (intent, group.Count) switch
                {
                    (FailureIntent.Retry, 1) => $"The permanent {b} ({codeB}) is retried together with the transient {a} ({codeA}) by {branch.Description}",
                    (FailureIntent.GiveUp, 1) => $"The transient {a} ({codeA}) is given up on together with the permanent {b} ({codeB}) by {branch.Description}",
                    (FailureIntent.Retry, _) => $"The permanent {b} ({codeB}) is retried like the transient {a} ({codeA}) by branches that do the same, {branch.Description}",
                    (FailureIntent.GiveUp, _) => $"The transient {a} ({codeA}) is given up on like the permanent {b} ({codeB}) by branches that do the same, {branch.Description}",
                    _ => $"The transient {a} and the permanent {b} are handled by the same branch",
                };

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SMTP005_MixedReplyClasses,
                    location.Operation.Syntax.GetLocation(),
                    locations.MoveToImmutable(),
                    properties,
                    text));
            }

            /// <summary>The first member of <paramref name="replyClass"/> the branches reach, in source order; for <see cref="ReplyClass.None"/> the first of either class.</summary>
            private static Leaf? FirstReached(List<Branch> group, ReplyClass replyClass)
            {
                foreach (var branch in group)
                {
                    foreach (var leaf in branch.Reached)
                    {
                        if (replyClass == ReplyClass.None || leaf.Class == replyClass)
                        {
                            return leaf;
                        }
                    }
                }

                return null;
            }

            /// <summary>
            /// The site of a chain or <c>is</c> test: the <c>if</c> whose condition it is, or the test itself; the value it tests.
            /// </summary>
            private static IntentSite ChainSite(SyntaxNode test, ExpressionSyntax? value)
            {
                var decision = SmtpCodeContexts.SkipParenthesesUp(test) is IfStatementSyntax ifStatement ? ifStatement : test;
                return IntentSite.ForValue(decision, value ?? (ExpressionSyntax)test);
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
            internal sealed class EarlierTests
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
                // Authentication codes (RFC 4954, RFC 3207) are judged by neither class.
                return TryGetConstant(operand, out var number)
                    ? new Leaf(operand, number, SmtpReplyCodes.IsAuthentication(number) ? ReplyClass.None : ReplyClasses.Of(number))
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
