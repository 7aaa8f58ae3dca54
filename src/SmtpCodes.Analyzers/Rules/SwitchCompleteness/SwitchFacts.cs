using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// One switch under analysis: its branches, what they handle, and the three shapes in which the codes it leaves
    /// out are not treated unlike their class (each decided once, for SMTP002 and SMTP003 alike).
    /// </summary>
    internal sealed class SwitchFacts
    {
        private SwitchBranch? _fallback;
        private bool _fallbackKnown;
        private bool? _handsStatusOn;
        private MemberSet? _admitted;
        private bool _admittedKnown;

        internal SwitchFacts(StatusEnum statusEnum, IOperation operation, IOperation value, SyntaxNode syntax, SyntaxToken keyword, List<SwitchBranch> branches)
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

        internal List<SwitchBranch> Branches { get; }

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
}
