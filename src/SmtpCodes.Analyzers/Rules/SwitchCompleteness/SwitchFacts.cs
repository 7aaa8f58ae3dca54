using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// One switch under analysis: its branches, what they handle, and the three shapes in which the codes it leaves
    /// out are not treated unlike their class (each decided once, for SMTP002 and SMTP003 alike). Authentication codes
    /// are judged by neither class (<see cref="DecisiveMembers"/>).
    /// </summary>
    internal sealed class SwitchFacts
    {
        private SwitchBranch? _fallback;
        private bool _fallbackKnown;
        private bool? _handsStatusOn;
        private readonly SwitchReach _reach;

        /// <param name="value">The status switched on, an integral conversion of it looked through: <c>ex.StatusCode</c> in <c>switch ((int)ex.StatusCode)</c>.</param>
        internal SwitchFacts(StatusEnum statusEnum, DecisiveMembers decisive, IOperation operation, IOperation value, SyntaxNode syntax, SyntaxToken keyword, List<SwitchBranch> branches)
        {
            StatusEnum = statusEnum;
            Decisive = decisive;
            Operation = operation;
            Value = SwitchReach.Unconverted(value);
            Syntax = syntax;
            Keyword = keyword;
            Branches = branches;
            Handled = new MemberSet(statusEnum.Members.Length);
            _reach = new SwitchReach(statusEnum, operation, Value, syntax);
        }

        internal StatusEnum StatusEnum { get; }

        internal DecisiveMembers Decisive { get; }

        /// <summary>The switch statement or switch expression.</summary>
        internal IOperation Operation { get; }

        /// <summary>The status switched on, without conversions.</summary>
        internal IOperation Value { get; }

        internal SyntaxNode Syntax { get; }

        internal SyntaxToken Keyword { get; }

        internal List<SwitchBranch> Branches { get; }

        /// <summary>The members a label or arm handles.</summary>
        internal MemberSet Handled { get; }

        /// <summary>
        /// The preferred name of each current value of <paramref name="replyClass"/>, authentication codes aside, that no
        /// label or arm handles and that can reach the switch (<see cref="SwitchReach"/>); null when there is none.
        /// </summary>
        internal List<StatusMember>? Missing(ReplyClass replyClass)
        {
            var values = replyClass == ReplyClass.TransientNegative ? StatusEnum.TransientValues : StatusEnum.PermanentValues;
            List<StatusMember>? missing = null;
            foreach (var names in values)
            {
                // Names are ordered current first: a value whose first name is [Obsolete] has only obsolete names.
                var preferred = names[0];
                if (!preferred.IsObsolete && !Handled.Contains(preferred.Index) && !preferred.IsAuthentication)
                {
                    (missing ??= new List<StatusMember>(values.Length)).Add(preferred);
                }
            }

            // The enclosing statements are searched only for a switch that leaves something out.
            if (missing is not null)
            {
                for (var i = missing.Count - 1; i >= 0; i--)
                {
                    if (!_reach.CanArrive(missing[i]))
                    {
                        missing.RemoveAt(i);
                    }
                }
                if (missing.Count == 0)
                {
                    missing = null;
                }
            }

            return missing;
        }

        /// <summary>The value as written: <c>(int)ex.StatusCode</c> of <c>switch ((int)ex.StatusCode)</c>.</summary>
        internal ExpressionSyntax Governing => Syntax is SwitchStatementSyntax statement ? statement.Expression : ((SwitchExpressionSyntax)Syntax).GoverningExpression;

        /// <summary>
        /// The switch answers a narrower question than the reply class (<c>IsHardBounce</c>, <c>IsQuotaExceeded</c>,
        /// <c>IsAuthenticationFailure</c>): it names the codes it means and makes no retry decision for the others.
        /// </summary>
        internal bool AsksNarrowQuestion => Question() == IntentQuestion.Narrow;

        /// <summary>
        /// What the fallback does with <paramref name="missing"/>, the codes it receives: Unknown where there is none (a
        /// statement switch they fall out of, a switch expression that throws). A fallback whose only decision is under an
        /// <c>if</c> on the switched value that every missing code passes (<c>default: if (status != Ok) Requeue(msg);</c>)
        /// does for them what that <c>if</c> does.
        /// </summary>
        internal FailureIntent FallbackIntent(List<StatusMember> missing)
        {
            var fallback = Fallback;
            var site = IntentSite.ForValue(Syntax, Governing);
            var intent = FailureIntent.Unknown;
            switch (fallback?.Syntax)
            {
                case SwitchExpressionArmSyntax arm:
                    intent = BranchIntent.OfResult(arm.Expression, site);
                    break;
                case SwitchSectionSyntax section:
                    intent = BranchIntent.Of(section.Statements, site);
                    if (intent == FailureIntent.Unknown && fallback!.Operation is ISwitchCaseOperation operation && TestedBranch(operation.Body, missing) is { } taken)
                    {
                        intent = BranchIntent.Of(taken, site);
                    }

                    break;
            }

            // `throw;` hands on the status only when the caught exception is where the switched value comes from; the
            // other ways to hand it on (built into a new exception, returned) are HandsStatusOn's, read from the operations.
            return intent == FailureIntent.HandOn && site.CaughtName is null && !HandsStatusOn ? FailureIntent.Unknown : intent;
        }

        /// <summary>What a branch does with the failures it matches.</summary>
        internal FailureIntent IntentOf(SwitchBranch branch)
        {
            var site = IntentSite.ForValue(Syntax, Governing);
            return branch.Syntax switch
            {
                SwitchExpressionArmSyntax arm => BranchIntent.OfResult(arm.Expression, site),
                SwitchSectionSyntax section => BranchIntent.Of(section.Statements, site),
                _ => FailureIntent.Unknown,
            };
        }

        /// <summary>The fallback itself, for messages: <c>_ =&gt; Permanent</c>, <c>default: Requeue(msg); break;</c>.</summary>
        internal SyntaxNode? FallbackSyntax => Fallback?.Syntax;

        /// <summary>
        /// The branch of the one <c>if</c> in <paramref name="body"/> (beside a <c>break</c>) that every missing member
        /// takes, by its test of the switched value; null when there is none or the test does not decide.
        /// </summary>
        private StatementSyntax? TestedBranch(ImmutableArray<IOperation> body, List<StatusMember> missing)
        {
            IConditionalOperation? conditional = null;
            foreach (var statement in body)
            {
                if (statement is IConditionalOperation found && conditional is null)
                {
                    conditional = found;
                }
                else if (statement is not IBranchOperation { BranchKind: BranchKind.Break })
                {
                    return null;
                }
            }

            if (conditional is null)
            {
                return null;
            }

            var taken = PatternMatch.Unknown;
            foreach (var member in missing)
            {
                var passes = Evaluate(conditional.Condition, member.Value);
                if (passes == PatternMatch.Unknown || (taken != PatternMatch.Unknown && passes != taken))
                {
                    return null;
                }

                taken = passes;
            }

            return (taken == PatternMatch.Yes ? conditional.WhenTrue : conditional.WhenFalse)?.Syntax as StatementSyntax;
        }

        /// <summary>Whether a condition on the switched value holds for <paramref name="value"/>: <c>==</c>, <c>!=</c>, <c>is</c>, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>.</summary>
        private PatternMatch Evaluate(IOperation condition, long value)
        {
            switch (condition.WithoutImplicitConversions())
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Evaluate(not.Operand, value) switch
                    {
                        PatternMatch.Yes => PatternMatch.No,
                        PatternMatch.No => PatternMatch.Yes,
                        _ => PatternMatch.Unknown,
                    };
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    var leftAnd = Evaluate(and.LeftOperand, value);
                    return leftAnd == PatternMatch.No ? PatternMatch.No : Both(leftAnd, Evaluate(and.RightOperand, value), PatternMatch.No);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    var leftOr = Evaluate(or.LeftOperand, value);
                    return leftOr == PatternMatch.Yes ? PatternMatch.Yes : Both(leftOr, Evaluate(or.RightOperand, value), PatternMatch.Yes);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } equality:
                    var constant = IsValue(equality.LeftOperand) ? equality.RightOperand : IsValue(equality.RightOperand) ? equality.LeftOperand : null;
                    if (constant is null || PatternValues.TryRead(SwitchReach.Unconverted(constant), out var tested) != PatternValues.ConstantKind.Integral)
                    {
                        return PatternMatch.Unknown;
                    }

                    return (tested == value) == (equality.OperatorKind == BinaryOperatorKind.Equals) ? PatternMatch.Yes : PatternMatch.No;
                case IIsPatternOperation isPattern when IsValue(isPattern.Value):
                    return PatternValues.Compile(isPattern.Pattern).Evaluate(value);
                default:
                    return PatternMatch.Unknown;
            }
        }

        /// <summary>The second operand decides unless it is the short-circuiting answer; Unknown stays unknown.</summary>
        private static PatternMatch Both(PatternMatch left, PatternMatch right, PatternMatch decisive) =>
            right == decisive ? decisive : left == PatternMatch.Unknown || right == PatternMatch.Unknown ? PatternMatch.Unknown : right;

        /// <summary>
        /// The question the switch answers: a switch expression's result, or what a statement's sections return (the
        /// method, local function, property or lambda they return from).
        /// </summary>
        private IntentQuestion Question()
        {
            if (Syntax is SwitchExpressionSyntax expression)
            {
                return BranchIntent.QuestionAnswered(expression);
            }

            foreach (var node in Syntax.DescendantNodes(node => node is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax))
            {
                if (node is ReturnStatementSyntax { Expression: { } returned })
                {
                    return BranchIntent.QuestionAnswered(returned);
                }
            }

            return IntentQuestion.None;
        }

        /// <summary>
        /// The fallback throws an exception built from the switched value or wrapping the caught exception whose status is
        /// switched on, rethrows that exception, or returns the value: the caller decides.
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

            var anyOfClass = false;
            foreach (var branch in Branches)
            {
                if (branch == fallback || branch.MatchedWithoutDefaultOrGuard is not { } matched || !Decisive.IsClassOnly(matched, replyClass))
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

            return anyOfClass || AllHandled(DecisiveMembers.Other(replyClass));
        }

        private bool AllHandled(ReplyClass replyClass)
        {
            foreach (var names in replyClass == ReplyClass.TransientNegative ? StatusEnum.TransientValues : StatusEnum.PermanentValues)
            {
                // A member that cannot reach the switch (shape 3) needs no branch of its own either.
                if (!names[0].IsObsolete && !Handled.Contains(names[0].Index) && !names[0].IsAuthentication && _reach.CanArrive(names[0]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The first branch with a <c>default</c> label or a catch-all pattern (<c>_</c>, <c>var x</c>); null when none.</summary>
        private SwitchBranch? Fallback
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
                                if (IsValue(argument.Value) || IsCaughtException(argument.Value))
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
        private bool IsValue(IOperation operation) => Operations.IsSameValue(SwitchReach.Unconverted(operation), Value);

        /// <summary>The exception of <see cref="IsCaughtStatus"/> itself, as an argument: <c>new MailDeliveryException("send failed", ex)</c>.</summary>
        private bool IsCaughtException(IOperation operation) =>
            SwitchReach.Unconverted(operation) is ILocalReferenceOperation { Local: var local }
            && SymbolEqualityComparer.Default.Equals(local, CaughtLocal())
            && IsCaughtStatus();

        /// <summary>The local the switched value is read through: <c>ex</c> in <c>ex.StatusCode</c>; null for a value read otherwise.</summary>
        private ILocalSymbol? CaughtLocal()
        {
            var instance = Value;
            while (instance is IMemberReferenceOperation { Instance: { } inner })
            {
                instance = inner.WithoutImplicitConversions();
            }

            return instance != Value && instance is ILocalReferenceOperation { Local: var local } ? local : null;
        }

        /// <summary>The switched value is a status of the exception the nearest enclosing <c>catch</c> caught: <c>throw;</c> hands it on.</summary>
        private bool IsCaughtStatus()
        {
            if (CaughtLocal() is not { } local)
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
    }
}
