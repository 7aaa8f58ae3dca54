using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// Shape 3 of SMTP002/SMTP003: which members can reach the switch at all. An enclosing <c>if</c> whose condition is an
    /// <c>||</c> chain of <c>==</c> tests or an <c>is</c> pattern on the switched value lets only those members into its
    /// true branch; an earlier statement of an enclosing block, <c>if (s == A || s == B) return …;</c> (or <c>throw</c>,
    /// <c>continue</c>, <c>break</c>), keeps A and B out. Either holds only while nothing writes the value in between.
    /// Comparisons through an integral conversion (<c>(int)status == 550</c>) count like those on the enum.
    /// </summary>
    internal sealed class SwitchReach
    {
        private readonly StatusEnum _statusEnum;
        private readonly IOperation _operation;
        private readonly SyntaxNode _syntax;
        private bool _known;
        private MemberSet? _admitted;
        private MemberSet? _excluded;

        /// <param name="value">The status switched on, integral conversions looked through.</param>
        internal SwitchReach(StatusEnum statusEnum, IOperation operation, IOperation value, SyntaxNode syntax)
        {
            _statusEnum = statusEnum;
            _operation = operation;
            Value = value;
            _syntax = syntax;
        }

        private IOperation Value { get; }

        /// <summary>Whether the member can reach the switch: an enclosing <c>if</c> lets it in and no earlier exit keeps it out.</summary>
        internal bool CanArrive(StatusMember member)
        {
            if (!_known)
            {
                Compute();
                _known = true;
            }

            return (_admitted is null || _admitted.Contains(member.Index)) && (_excluded is null || !_excluded.Contains(member.Index));
        }

        /// <summary>The operation under every conversion, implicit or written: <c>(int)ex.StatusCode</c> is <c>ex.StatusCode</c>.</summary>
        internal static IOperation Unconverted(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private bool IsValue(IOperation? operation) => operation is not null && Operations.IsSameValue(Unconverted(operation), Value);

        private void Compute()
        {
            var child = _operation;
            for (var parent = _operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return;
                }

                if (_admitted is null && parent is IConditionalOperation conditional && conditional.WhenTrue == child && IsGuard(conditional.Condition))
                {
                    var admitted = new MemberSet(_statusEnum.Members.Length);
                    if (AddAdmitted(conditional.Condition, admitted) && !WrittenBetween(conditional.Syntax, conditional.Condition.Syntax.Span.End, ReachingEnd(conditional.Syntax)))
                    {
                        _admitted = admitted;
                    }
                }

                var statements = parent switch
                {
                    IBlockOperation block => block.Operations,
                    ISwitchCaseOperation section => section.Body,
                    _ => default,
                };
                if (!statements.IsDefault)
                {
                    AddEarlyExits(statements, child, parent.Syntax);
                }
            }
        }

        /// <summary>The members kept out by the statements before <paramref name="child"/>: <c>if (s == A || s == B) return …;</c>.</summary>
        private void AddEarlyExits(ImmutableArray<IOperation> statements, IOperation child, SyntaxNode container)
        {
            foreach (var statement in statements)
            {
                if (statement == child)
                {
                    return;
                }

                if (statement is IConditionalOperation { WhenFalse: null } exit
                    && Leaves(exit.WhenTrue)
                    && IsGuard(exit.Condition))
                {
                    var kept = new MemberSet(_statusEnum.Members.Length);
                    if (AddAdmitted(exit.Condition, kept) && !WrittenBetween(container, exit.Syntax.Span.End, ReachingEnd(container)))
                    {
                        (_excluded ??= new MemberSet(_statusEnum.Members.Length)).UnionWith(kept);
                    }
                }
            }
        }

        /// <summary>A statement that always leaves the method or the loop: <c>return</c>, <c>throw</c>, <c>break</c>, <c>continue</c>, or a block ending in one.</summary>
        private static bool Leaves(IOperation statement)
        {
            while (true)
            {
                switch (statement)
                {
                    case IBlockOperation { Operations: { IsEmpty: false } operations }:
                        statement = operations[operations.Length - 1];
                        continue;
                    case IExpressionStatementOperation { Operation: IThrowOperation }:
                    case IThrowOperation:
                    case IReturnOperation:
                    case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue }:
                        return true;
                    default:
                        return false;
                }
            }
        }

        /// <summary>
        /// Where a write can still reach the switch from inside <paramref name="guard"/> (the guard's true branch, or the
        /// block of an early exit): the switch's start, or the end of the outermost loop around the switch within it (a
        /// write after the switch reaches its next round).
        /// </summary>
        private int ReachingEnd(SyntaxNode guard)
        {
            var end = _syntax.SpanStart;
            for (var node = _syntax.Parent; node is not null && node != guard; node = node.Parent)
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
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals => IsValue(equals.LeftOperand) || IsValue(equals.RightOperand),
            IIsPatternOperation isPattern => IsValue(isPattern.Value),
            _ => false,
        };

        private bool AddAdmitted(IOperation condition, MemberSet admitted)
        {
            switch (condition.WithoutImplicitConversions())
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return AddAdmitted(or.LeftOperand, admitted) && AddAdmitted(or.RightOperand, admitted);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    var constant = IsValue(equals.LeftOperand) ? equals.RightOperand
                        : IsValue(equals.RightOperand) ? equals.LeftOperand
                        : null;
                    if (constant is null || PatternValues.TryRead(constant, out var value) != PatternValues.ConstantKind.Integral)
                    {
                        return false;
                    }

                    foreach (var member in _statusEnum.Members)
                    {
                        if (member.Value == value)
                        {
                            admitted.Add(member.Index);
                        }
                    }

                    return true;
                case IIsPatternOperation isPattern when IsValue(isPattern.Value):
                    var compiled = PatternValues.Compile(isPattern.Pattern);
                    foreach (var member in _statusEnum.Members)
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
            for (var value = Value; ; )
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
