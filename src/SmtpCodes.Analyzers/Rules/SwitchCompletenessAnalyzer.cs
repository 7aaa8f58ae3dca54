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
    /// SMTP002 and SMTP003: a switch statement or switch expression over a status enum (or its <c>Nullable&lt;&gt;</c>)
    /// that leaves transient (4yz) or permanent (5yz) members unhandled. Each label and arm is evaluated against every
    /// member value; a guarded one handles nothing, a default or catch-all only under
    /// <c>smtp_codes.default_counts_as_handled</c>. Not reported where no missing code is treated unlike its class
    /// (<see cref="SwitchFacts"/>): the missing codes reach a fallback that does what the class's branches do, or that
    /// is the class's only handler; the fallback hands the status on; an enclosing <c>if</c> lets only named members in.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SwitchCompletenessAnalyzer : StatusEnumAnalyzer
    {
        /// <summary>How many missing members the message names before it says "… and N more".</summary>
        internal const int NamedInMessage = 5;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP002_MissingTransientCodes, Descriptors.SMTP003_MissingPermanentCodes);

        private protected override void RegisterActions(CompilationStartAnalysisContext start, StatusEnumCatalog catalog)
        {
            var analysis = new Analysis(catalog);

            // Syntax kinds: the value's type is asked of the semantic model, and the switch's operation is built only for a
            // switch on a status enum (docs/performance.md).
            start.RegisterSyntaxNodeAction(analysis.AnalyzeTest, SyntaxKind.SwitchStatement, SyntaxKind.SwitchExpression);
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            internal void AnalyzeTest(SyntaxNodeAnalysisContext context)
            {
                if (context.Node.IsKind(SyntaxKind.SwitchStatement))
                {
                    AnalyzeSwitch(context);
                }
                else if (context.Node.IsKind(SyntaxKind.SwitchExpression))
                {
                    AnalyzeSwitchExpression(context);
                }
            }

            private void AnalyzeSwitch(SyntaxNodeAnalysisContext context)
            {
                var syntax = (SwitchStatementSyntax)context.Node;
                if (!IsStatusValue(context, syntax, syntax.Expression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISwitchOperation operation
                    || !_catalog.TryGet(operation.Value.Type, out var statusEnum)
                    || syntax.OpenBraceToken.IsMissing
                    || syntax.CloseBraceToken.IsMissing)
                {
                    return;
                }

                var branches = new List<Branch>(operation.Cases.Length);
                foreach (var section in operation.Cases)
                {
                    var branch = new Branch(section.Syntax, section);
                    foreach (var clause in section.Clauses)
                    {
                        if (clause.Syntax.ContainsDiagnostics)
                        {
                            return;
                        }

                        switch (clause)
                        {
                            case IDefaultCaseClauseOperation:
                                branch.Clauses.Add(Clause.Default);
                                break;
                            case ISingleValueCaseClauseOperation single:
                                if (PatternValues.TryRead(single.Value, out _) == PatternValues.ConstantKind.Unknown)
                                {
                                    return;
                                }

                                branch.Clauses.Add(Clause.ForLabel(statusEnum, single.Value));
                                break;
                            case IPatternCaseClauseOperation patternClause:
                                if (!PatternValues.IsReadable(patternClause.Pattern))
                                {
                                    return;
                                }

                                branch.Clauses.Add(Clause.ForPattern(statusEnum, patternClause.Pattern, patternClause.Guard is not null, clause.Syntax is CasePatternSwitchLabelSyntax label && HasDesignation(label.Pattern)));
                                break;
                            default:
                                return;
                        }
                    }

                    branches.Add(branch);
                }

                Analyze(context, new SwitchFacts(statusEnum, operation, operation.Value, syntax, syntax.SwitchKeyword, branches));
            }

            private void AnalyzeSwitchExpression(SyntaxNodeAnalysisContext context)
            {
                var syntax = (SwitchExpressionSyntax)context.Node;
                if (!IsStatusValue(context, syntax, syntax.GoverningExpression)
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ISwitchExpressionOperation operation
                    || !_catalog.TryGet(operation.Value.Type, out var statusEnum)
                    || syntax.OpenBraceToken.IsMissing
                    || syntax.CloseBraceToken.IsMissing)
                {
                    return;
                }

                var branches = new List<Branch>(operation.Arms.Length);
                foreach (var arm in operation.Arms)
                {
                    if (arm.Syntax is not SwitchExpressionArmSyntax armSyntax
                        || armSyntax.Pattern.ContainsDiagnostics
                        || armSyntax.WhenClause?.ContainsDiagnostics == true
                        || !PatternValues.IsReadable(arm.Pattern))
                    {
                        return;
                    }

                    var branch = new Branch(armSyntax, arm);
                    branch.Clauses.Add(Clause.ForPattern(statusEnum, arm.Pattern, arm.Guard is not null, HasDesignation(armSyntax.Pattern)));
                    branches.Add(branch);
                }

                Analyze(context, new SwitchFacts(statusEnum, operation, operation.Value, syntax, syntax.SwitchKeyword, branches));
            }

            /// <summary>
            /// Whether the switched value is of a status enum, asked before the switch's operation is built: not when a label
            /// is a literal no enum takes (<c>case 408:</c>, <c>&gt; 10_000</c>), then of the value's type.
            /// </summary>
            private bool IsStatusValue(SyntaxNodeAnalysisContext context, SyntaxNode container, ExpressionSyntax value) =>
                !SyntaxHints.TestsRuleOutEnum(container)
                && _catalog.TryGet(context.SemanticModel.GetTypeInfo(value, context.CancellationToken).Type, out _);

            private static void Analyze(SyntaxNodeAnalysisContext context, SwitchFacts facts)
            {
                // What the switch handles: every label and arm without a guard; a default or catch-all only with the option.
                var defaultCounts = SmtpCodesOptions.DefaultCountsAsHandled(context.Options, facts.Syntax.SyntaxTree);
                foreach (var branch in facts.Branches)
                {
                    foreach (var clause in branch.Clauses)
                    {
                        if (clause.HasGuard)
                        {
                            continue;
                        }

                        if (clause.IsDefault)
                        {
                            if (defaultCounts)
                            {
                                return;
                            }

                            continue;
                        }

                        facts.Handled.UnionWith(clause.Matched(wildcardsMatch: defaultCounts));
                    }
                }

                Report(context, facts, Descriptors.SMTP002_MissingTransientCodes, ReplyClass.TransientNegative);
                Report(context, facts, Descriptors.SMTP003_MissingPermanentCodes, ReplyClass.PermanentNegative);
            }

            private static void Report(SyntaxNodeAnalysisContext context, SwitchFacts facts, DiagnosticDescriptor descriptor, ReplyClass replyClass)
            {
                var statusEnum = facts.StatusEnum;
                var missing = facts.Missing(replyClass);
                if (missing is null || facts.HandsStatusOn || facts.FallbackHandlesClass(replyClass))
                {
                    return;
                }

                var missingSet = new MemberSet(statusEnum.Members.Length);
                foreach (var member in missing)
                {
                    missingSet.Add(member.Index);
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(SwitchCompletenessProperties.MissingMembers, JoinNames(missing));
                var handler = FindHandler(statusEnum, replyClass, facts.Branches, missingSet);
                if (handler >= 0)
                {
                    properties.Add(SwitchCompletenessProperties.HandlerIndex, handler.ToString(CultureInfo.InvariantCulture));
                }

                var insert = FindInsertIndex(facts.Branches, missingSet);
                if (insert >= 0)
                {
                    properties.Add(SwitchCompletenessProperties.InsertIndex, insert.ToString(CultureInfo.InvariantCulture));
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    descriptor,
                    facts.Keyword.GetLocation(),
                    ImmutableArray.Create(facts.Syntax.GetLocation()),
                    properties.ToImmutable(),
                    statusEnum.DisplayName,
                    Describe(missing)));
            }

            /// <summary>
            /// The one branch that handles only codes of <paramref name="replyClass"/>: no default, no guard, no variable,
            /// and every member it matches is of that class. -1 when there is none or several, or when a later branch
            /// tests a missing code (adding the code earlier would make that branch unreachable).
            /// </summary>
            private static int FindHandler(StatusEnum statusEnum, ReplyClass replyClass, List<Branch> branches, MemberSet missing)
            {
                var ofClass = statusEnum.MembersOfClass(replyClass)!;
                var found = -1;
                for (var index = 0; index < branches.Count; index++)
                {
                    if (branches[index].MatchedByPlainLabels is { IsEmpty: false } matched && matched.IsSubsetOf(ofClass))
                    {
                        if (found >= 0)
                        {
                            return -1;
                        }

                        found = index;
                    }
                }

                if (found < 0)
                {
                    return -1;
                }

                for (var index = found + 1; index < branches.Count; index++)
                {
                    if (TestsAny(branches[index], missing))
                    {
                        return -1;
                    }
                }

                return found;
            }

            /// <summary>
            /// Where a new branch with the missing codes goes: before the first default or catch-all (a statement's
            /// <c>default:</c> may be passed, it is tried last wherever it stands), after every branch, guarded or not,
            /// that tests one of them. -1 when a catch-all comes first (the code does not compile).
            /// </summary>
            private static int FindInsertIndex(List<Branch> branches, MemberSet missing)
            {
                var after = 0;
                for (var index = 0; index < branches.Count; index++)
                {
                    if (TestsAny(branches[index], missing))
                    {
                        after = index + 1;
                    }
                }

                var preferred = branches.Count;
                var catchAll = branches.Count;
                for (var index = branches.Count - 1; index >= 0; index--)
                {
                    foreach (var clause in branches[index].Clauses)
                    {
                        if (clause.HasGuard)
                        {
                            continue;
                        }

                        if (clause.IsDefault)
                        {
                            preferred = index;
                        }
                        else if (clause.Matched(wildcardsMatch: true).Overlaps(missing))
                        {
                            preferred = index;
                            catchAll = index;
                        }
                    }
                }

                var insert = preferred < after ? after : preferred;
                return insert <= catchAll ? insert : -1;
            }

            /// <summary>Whether a label or arm of the branch names one of the members, wildcards aside.</summary>
            private static bool TestsAny(Branch branch, MemberSet members)
            {
                foreach (var clause in branch.Clauses)
                {
                    if (!clause.IsDefault && clause.Matched(wildcardsMatch: false).Overlaps(members))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether the pattern declares a variable (<c>SmtpStatusCode s</c>, <c>var (a, b)</c>, <c>{ } s</c>), read from the syntax without walking it node by node.</summary>
            private static bool HasDesignation(PatternSyntax? pattern)
            {
                switch (pattern)
                {
                    case DeclarationPatternSyntax declaration:
                        return Declares(declaration.Designation);
                    case VarPatternSyntax var:
                        return Declares(var.Designation);
                    case RecursivePatternSyntax recursive:
                        if (Declares(recursive.Designation))
                        {
                            return true;
                        }

                        foreach (var subpattern in recursive.PositionalPatternClause?.Subpatterns ?? default)
                        {
                            if (HasDesignation(subpattern.Pattern))
                            {
                                return true;
                            }
                        }

                        foreach (var subpattern in recursive.PropertyPatternClause?.Subpatterns ?? default)
                        {
                            if (HasDesignation(subpattern.Pattern))
                            {
                                return true;
                            }
                        }

                        return false;
                    case ListPatternSyntax list:
                        if (Declares(list.Designation))
                        {
                            return true;
                        }

                        foreach (var element in list.Patterns)
                        {
                            if (HasDesignation(element))
                            {
                                return true;
                            }
                        }

                        return false;
                    case SlicePatternSyntax slice:
                        return HasDesignation(slice.Pattern);
                    case ParenthesizedPatternSyntax parenthesized:
                        return HasDesignation(parenthesized.Pattern);
                    case UnaryPatternSyntax unary:
                        return HasDesignation(unary.Pattern);
                    case BinaryPatternSyntax binary:
                        return HasDesignation(binary.Left) || HasDesignation(binary.Right);
                    default:
                        // Constant, relational and type patterns declare nothing.
                        return false;
                }
            }

            private static bool Declares(VariableDesignationSyntax? designation) =>
                designation is SingleVariableDesignationSyntax || designation is ParenthesizedVariableDesignationSyntax;

            private static string JoinNames(List<StatusMember> members)
            {
                var length = members.Count;
                foreach (var member in members)
                {
                    length += member.Name.Length;
                }

                var builder = new StringBuilder(length);
                foreach (var member in members)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(member.Name);
                }

                return builder.ToString();
            }

            /// <summary>"421 ServiceNotAvailable, 450 MailboxBusy", shortened past a handful: "…, … and 3 more".</summary>
            private static string Describe(List<StatusMember> missing)
            {
                var shown = missing.Count <= NamedInMessage ? missing.Count : NamedInMessage - 1;
                var builder = new StringBuilder(shown * 32 + 24);
                for (var index = 0; index < shown; index++)
                {
                    if (index > 0)
                    {
                        builder.Append(", ");
                    }

                    builder.Append(missing[index].Value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(missing[index].Name);
                }

                if (shown < missing.Count)
                {
                    builder.Append(", … and ").Append((missing.Count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more");
                }

                return builder.ToString();
            }
        }

        /// <summary>
        /// One switch under analysis: its branches, what they handle, and the three shapes in which the codes it leaves
        /// out are not treated unlike their class (each decided once, for SMTP002 and SMTP003 alike).
        /// </summary>
        private sealed class SwitchFacts
        {
            private Branch? _fallback;
            private bool _fallbackKnown;
            private bool? _handsStatusOn;
            private MemberSet? _admitted;
            private bool _admittedKnown;

            internal SwitchFacts(StatusEnum statusEnum, IOperation operation, IOperation value, SyntaxNode syntax, SyntaxToken keyword, List<Branch> branches)
            {
                StatusEnum = statusEnum;
                Operation = operation;
                Value = value;
                Syntax = syntax;
                Keyword = keyword;
                Branches = branches;
                Handled = new MemberSet(statusEnum.Members.Length);
            }

            internal StatusEnum StatusEnum { get; }

            /// <summary>The switch statement or switch expression.</summary>
            internal IOperation Operation { get; }

            /// <summary>The value switched on.</summary>
            internal IOperation Value { get; }

            internal SyntaxNode Syntax { get; }

            internal SyntaxToken Keyword { get; }

            internal List<Branch> Branches { get; }

            /// <summary>The members a label or arm handles.</summary>
            internal MemberSet Handled { get; }

            /// <summary>
            /// The preferred name of each current value of <paramref name="replyClass"/> that no label or arm handles and
            /// that an enclosing <c>if</c> lets in; null when there is none.
            /// </summary>
            internal List<StatusMember>? Missing(ReplyClass replyClass)
            {
                var values = replyClass == ReplyClass.TransientNegative ? StatusEnum.TransientValues : StatusEnum.PermanentValues;
                List<StatusMember>? missing = null;
                foreach (var names in values)
                {
                    // Names are ordered current first: a value whose first name is [Obsolete] has only obsolete names.
                    var preferred = names[0];
                    if (!preferred.IsObsolete && !Handled.Contains(preferred.Index))
                    {
                        (missing ??= new List<StatusMember>(values.Length)).Add(preferred);
                    }
                }

                // The enclosing ifs are searched only for a switch that leaves something out.
                if (missing is not null && Admitted is { } admitted)
                {
                    missing.RemoveAll(member => !admitted.Contains(member.Index));
                    if (missing.Count == 0)
                    {
                        missing = null;
                    }
                }

                return missing;
            }

            /// <summary>
            /// The fallback throws an exception built from the switched value, rethrows the caught exception whose status
            /// is switched on, or returns the value: the caller decides.
            /// </summary>
            internal bool HandsStatusOn => _handsStatusOn ??= ComputeHandsStatusOn();

            /// <summary>
            /// The codes of <paramref name="replyClass"/> that reach the fallback are treated like the rest of their class:
            /// every branch that handles only that class does what the fallback does (token for token, trivia aside), or
            /// there is no such branch and every member of the other failure class has its own, so the fallback is the
            /// class's handler.
            /// </summary>
            internal bool FallbackHandlesClass(ReplyClass replyClass)
            {
                var fallback = Fallback;
                if (fallback is null && Operation is not ISwitchOperation)
                {
                    // A switch expression without a catch-all throws for the codes it leaves out.
                    return false;
                }

                var ofClass = StatusEnum.MembersOfClass(replyClass)!;
                var otherClass = replyClass == ReplyClass.TransientNegative ? ReplyClass.PermanentNegative : ReplyClass.TransientNegative;
                var ofOtherClass = StatusEnum.MembersOfClass(otherClass)!;
                var anyOfClass = false;
                foreach (var branch in Branches)
                {
                    if (branch == fallback || branch.MatchedWithoutDefaultOrGuard is not { } matched || !matched.Overlaps(ofClass) || matched.Overlaps(ofOtherClass))
                    {
                        continue;
                    }

                    anyOfClass = true;

                    // A statement switch without a default: the missing codes fall out of it, as a branch that only breaks.
                    if (fallback is null ? !branch.OnlyBreaks : !branch.DoesWhat(fallback))
                    {
                        return false;
                    }
                }

                return anyOfClass || AllHandled(otherClass);
            }

            private bool AllHandled(ReplyClass replyClass)
            {
                foreach (var names in replyClass == ReplyClass.TransientNegative ? StatusEnum.TransientValues : StatusEnum.PermanentValues)
                {
                    if (!names[0].IsObsolete && !Handled.Contains(names[0].Index))
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>The first branch with a <c>default</c> label or a catch-all pattern (<c>_</c>, <c>var x</c>); null when none.</summary>
            private Branch? Fallback
            {
                get
                {
                    if (!_fallbackKnown)
                    {
                        foreach (var branch in Branches)
                        {
                            if (branch.IsFallback)
                            {
                                _fallback = branch;
                                break;
                            }
                        }

                        _fallbackKnown = true;
                    }

                    return _fallback;
                }
            }

            private bool ComputeHandsStatusOn()
            {
                switch (Fallback?.Operation)
                {
                    case ISwitchCaseOperation section:
                        return !section.Body.IsEmpty && HandsOn(section.Body[section.Body.Length - 1]);
                    case ISwitchExpressionArmOperation arm:
                        return HandsOn(arm.Value);
                    default:
                        return false;
                }
            }

            private bool HandsOn(IOperation operation)
            {
                while (true)
                {
                    operation = operation.WithoutImplicitConversions();
                    switch (operation)
                    {
                        case IBlockOperation block when !block.Operations.IsEmpty:
                            operation = block.Operations[block.Operations.Length - 1];
                            continue;
                        case IExpressionStatementOperation statement:
                            operation = statement.Operation;
                            continue;
                        case IThrowOperation { Exception: null }:
                            return IsCaughtStatus();
                        case IThrowOperation { Exception: { } exception }:
                            if (exception.WithoutImplicitConversions() is IObjectCreationOperation creation)
                            {
                                foreach (var argument in creation.Arguments)
                                {
                                    if (IsValue(argument.Value))
                                    {
                                        return true;
                                    }
                                }
                            }

                            return false;
                        case IReturnOperation { ReturnedValue: { } returned }:
                            return IsValue(returned);
                        default:
                            return Operation is ISwitchExpressionOperation && IsValue(operation);
                    }
                }
            }

            /// <summary>The switched value, converted or not: <c>response.StatusCode</c>, <c>(int)status</c>.</summary>
            private bool IsValue(IOperation operation)
            {
                while (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }

                return Operations.IsSameValue(operation, Value);
            }

            /// <summary>The switched value is a status of the exception the nearest enclosing <c>catch</c> caught: <c>throw;</c> hands it on.</summary>
            private bool IsCaughtStatus()
            {
                var instance = Value.WithoutImplicitConversions();
                while (instance is IMemberReferenceOperation { Instance: { } inner })
                {
                    instance = inner.WithoutImplicitConversions();
                }

                if (instance is not ILocalReferenceOperation { Local: var local } || instance == Value.WithoutImplicitConversions())
                {
                    return false;
                }

                for (var parent = Operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is ICatchClauseOperation catchClause)
                    {
                        return catchClause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation declarator
                            && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local);
                    }

                    if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                    {
                        return false;
                    }
                }

                return false;
            }

            /// <summary>
            /// The members an enclosing <c>if</c> lets into its true branch, where the switch is: its condition is an
            /// <c>||</c> chain of <c>==</c> tests or an <c>is</c> pattern on the switched value, which nothing assigns in
            /// between. Null when there is no such <c>if</c>.
            /// </summary>
            private MemberSet? Admitted
            {
                get
                {
                    if (!_admittedKnown)
                    {
                        _admitted = ComputeAdmitted();
                        _admittedKnown = true;
                    }

                    return _admitted;
                }
            }

            private MemberSet? ComputeAdmitted()
            {
                var child = Operation;
                for (var parent = Operation.Parent; parent is not null; child = parent, parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                    {
                        return null;
                    }

                    if (parent is IConditionalOperation conditional && conditional.WhenTrue == child && IsGuard(conditional.Condition))
                    {
                        var admitted = new MemberSet(StatusEnum.Members.Length);
                        if (AddAdmitted(conditional.Condition, admitted) && !WrittenBetween(conditional.Syntax, conditional.Condition.Syntax.Span.End, ReachingEnd(conditional.Syntax)))
                        {
                            return admitted;
                        }
                    }
                }

                return null;
            }

            /// <summary>
            /// Where a write can still reach the switch from inside the guard's true branch: the switch's start, or the end of
            /// the outermost loop around the switch within that branch (a write after the switch reaches its next round).
            /// </summary>
            private int ReachingEnd(SyntaxNode guard)
            {
                var end = Syntax.SpanStart;
                for (var node = Syntax.Parent; node is not null && node != guard; node = node.Parent)
                {
                    if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax)
                    {
                        end = node.Span.End;
                    }
                }

                return end;
            }

            /// <summary>The shape of a guard, asked before anything is allocated: an <c>||</c> chain of <c>==</c> and <c>is</c> tests on the switched value.</summary>
            private bool IsGuard(IOperation condition) => condition.WithoutImplicitConversions() switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or => IsGuard(or.LeftOperand) && IsGuard(or.RightOperand),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => Operations.IsSameValue(equals.LeftOperand, Value) || Operations.IsSameValue(equals.RightOperand, Value),
                IIsPatternOperation isPattern => Operations.IsSameValue(isPattern.Value, Value),
                _ => false,
            };

            private bool AddAdmitted(IOperation condition, MemberSet admitted)
            {
                switch (condition.WithoutImplicitConversions())
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                        return AddAdmitted(or.LeftOperand, admitted) && AddAdmitted(or.RightOperand, admitted);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                        var constant = Operations.IsSameValue(equals.LeftOperand, Value) ? equals.RightOperand
                            : Operations.IsSameValue(equals.RightOperand, Value) ? equals.LeftOperand
                            : null;
                        if (constant is null || PatternValues.TryRead(constant, out var value) != PatternValues.ConstantKind.Integral)
                        {
                            return false;
                        }

                        foreach (var member in StatusEnum.Members)
                        {
                            if (member.Value == value)
                            {
                                admitted.Add(member.Index);
                            }
                        }

                        return true;
                    case IIsPatternOperation isPattern when Operations.IsSameValue(isPattern.Value, Value):
                        var compiled = PatternValues.Compile(isPattern.Pattern);
                        foreach (var member in StatusEnum.Members)
                        {
                            switch (compiled.Evaluate(member.Value))
                            {
                                case PatternMatch.Yes:
                                    admitted.Add(member.Index);
                                    break;
                                case PatternMatch.Unknown:
                                    return false;
                            }
                        }

                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>Whether a name the switched value is read through (<c>ex</c>, <c>StatusCode</c>) is written in the span.</summary>
            private bool WrittenBetween(SyntaxNode container, int start, int end)
            {
                if (end <= start)
                {
                    return false;
                }

                var names = new List<string>(2);
                for (var value = Value.WithoutImplicitConversions(); ; )
                {
                    switch (value)
                    {
                        case ILocalReferenceOperation local:
                            names.Add(local.Local.Name);
                            break;
                        case IParameterReferenceOperation parameter:
                            names.Add(parameter.Parameter.Name);
                            break;
                        case IMemberReferenceOperation member:
                            names.Add(member.Member.Name);
                            if (member.Instance is { } instance)
                            {
                                value = instance.WithoutImplicitConversions();
                                continue;
                            }

                            break;
                        case IInstanceReferenceOperation:
                            break;
                        default:
                            // Not a local, parameter or member access: no guard stands for it.
                            return true;
                    }

                    break;
                }

                foreach (var node in container.DescendantNodes(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end)))
                {
                    if (node is IdentifierNameSyntax identifier && names.Contains(identifier.Identifier.ValueText) && LocalWrites.KindOf(identifier) != LocalWrites.Kind.Read)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>A switch section (its labels) or a switch expression arm (one pattern).</summary>
        private sealed class Branch
        {
            private MemberSet? _matchedByPlainLabels;
            private bool _isPlainKnown;
            private MemberSet? _matched;
            private bool _isMatchedKnown;

            internal Branch(SyntaxNode syntax, IOperation operation)
            {
                Syntax = syntax;
                Operation = operation;
            }

            /// <summary>The section or arm.</summary>
            internal SyntaxNode Syntax { get; }

            /// <summary>The <see cref="ISwitchCaseOperation"/> or <see cref="ISwitchExpressionArmOperation"/>.</summary>
            internal IOperation Operation { get; }

            internal List<Clause> Clauses { get; } = new List<Clause>(1);

            /// <summary>A <c>default</c> label or a catch-all pattern without a guard: where the codes no other branch takes go.</summary>
            internal bool IsFallback
            {
                get
                {
                    foreach (var clause in Clauses)
                    {
                        if (clause.IsDefault || clause.IsCatchAll)
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            /// <summary>
            /// What the branch matches, wildcards counting as everything, when no label is a default and none has a
            /// guard or declares a variable; null otherwise. Such a branch can take more codes of one class.
            /// </summary>
            internal MemberSet? MatchedByPlainLabels
            {
                get
                {
                    if (!_isPlainKnown)
                    {
                        _matchedByPlainLabels = Union(allowDesignation: false);
                        _isPlainKnown = true;
                    }

                    return _matchedByPlainLabels;
                }
            }

            /// <summary>What the branch matches, wildcards counting as everything; null when a label is a default or has a guard.</summary>
            internal MemberSet? MatchedWithoutDefaultOrGuard
            {
                get
                {
                    if (!_isMatchedKnown)
                    {
                        // Without a designation this is what the plain labels match: computed once for both.
                        _matched = MatchedByPlainLabels ?? Union(allowDesignation: true);
                        _isMatchedKnown = true;
                    }

                    return _matched;
                }
            }

            /// <summary>A section whose only statement is <c>break;</c>: it does what falling out of the switch does.</summary>
            internal bool OnlyBreaks =>
                Syntax is SwitchSectionSyntax { Statements: { Count: 1 } statements }
                && (statements[0] is BreakStatementSyntax || statements[0] is BlockSyntax { Statements: { Count: 1 } inner } && inner[0] is BreakStatementSyntax);

            /// <summary>The same statements, or the same arm expression, as <paramref name="other"/>, token for token: whitespace and comments aside.</summary>
            internal bool DoesWhat(Branch other)
            {
                switch (Syntax)
                {
                    case SwitchSectionSyntax section when other.Syntax is SwitchSectionSyntax otherSection:
                        if (section.Statements.Count != otherSection.Statements.Count)
                        {
                            return false;
                        }

                        for (var index = 0; index < section.Statements.Count; index++)
                        {
                            if (!SyntaxFactory.AreEquivalent(section.Statements[index], otherSection.Statements[index], topLevel: false))
                            {
                                return false;
                            }
                        }

                        return true;
                    case SwitchExpressionArmSyntax arm when other.Syntax is SwitchExpressionArmSyntax otherArm:
                        return SyntaxFactory.AreEquivalent(arm.Expression, otherArm.Expression, topLevel: false);
                    default:
                        return false;
                }
            }

            private MemberSet? Union(bool allowDesignation)
            {
                MemberSet? matched = null;
                foreach (var clause in Clauses)
                {
                    if (clause.IsDefault || clause.HasGuard || (clause.HasDesignation && !allowDesignation))
                    {
                        return null;
                    }

                    matched ??= new MemberSet(clause.MemberCount);
                    matched.UnionWith(clause.Matched(wildcardsMatch: true));
                }

                return matched;
            }
        }

        /// <summary>One label or arm, with the members of its enum it matches, computed once.</summary>
        private sealed class Clause
        {
            internal static readonly Clause Default = new Clause(null, null, 0, hasGuard: false, hasDesignation: false, isDefault: true, isCatchAll: false);

            private readonly MemberSet? _strict;
            private readonly MemberSet? _loose;

            private Clause(MemberSet? strict, MemberSet? loose, int memberCount, bool hasGuard, bool hasDesignation, bool isDefault, bool isCatchAll)
            {
                _strict = strict;
                _loose = loose;
                MemberCount = memberCount;
                HasGuard = hasGuard;
                HasDesignation = hasDesignation;
                IsDefault = isDefault;
                IsCatchAll = isCatchAll;
            }

            internal bool IsDefault { get; }

            /// <summary>A pattern without a guard that no member's value decides: <c>_</c>, <c>var x</c>, <c>SmtpStatusCode s</c>.</summary>
            internal bool IsCatchAll { get; }

            internal bool HasGuard { get; }

            internal bool HasDesignation { get; }

            internal int MemberCount { get; }

            /// <summary>A <c>case</c> label's constant: wildcards do not come into it.</summary>
            internal static Clause ForLabel(StatusEnum statusEnum, IOperation constant)
            {
                var members = statusEnum.Members;
                var matched = new MemberSet(members.Length);
                if (PatternValues.TryRead(constant, out var value) == PatternValues.ConstantKind.Integral)
                {
                    foreach (var member in members)
                    {
                        if (member.Value == value)
                        {
                            matched.Add(member.Index);
                        }
                    }
                }

                return new Clause(matched, matched, members.Length, hasGuard: false, hasDesignation: false, isDefault: false, isCatchAll: false);
            }

            /// <summary>A pattern label or arm, each member evaluated once.</summary>
            internal static Clause ForPattern(StatusEnum statusEnum, IPatternOperation pattern, bool hasGuard, bool hasDesignation)
            {
                var members = statusEnum.Members;
                var strict = new MemberSet(members.Length);
                var loose = new MemberSet(members.Length);
                var compiled = PatternValues.Compile(pattern);
                var unknown = 0;
                foreach (var member in members)
                {
                    switch (compiled.Evaluate(member.Value))
                    {
                        case PatternMatch.Yes:
                            strict.Add(member.Index);
                            loose.Add(member.Index);
                            break;
                        case PatternMatch.Unknown:
                            loose.Add(member.Index);
                            unknown++;
                            break;
                    }
                }

                return new Clause(strict, loose, members.Length, hasGuard, hasDesignation, isDefault: false, isCatchAll: !hasGuard && unknown == members.Length && members.Length > 0);
            }

            /// <summary>
            /// The members the label or pattern matches, its guard left aside; wildcards (<c>_</c>, <c>var x</c>, a type
            /// pattern) match everything or nothing as asked. Not for <see cref="Default"/>.
            /// </summary>
            internal MemberSet Matched(bool wildcardsMatch) => (wildcardsMatch ? _loose : _strict)!;
        }
    }
}
