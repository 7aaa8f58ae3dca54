using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>A switch section (its labels) or a switch expression arm (one pattern).</summary>
    internal sealed class SwitchBranch
    {
        private MemberSet? _matchedByPlainLabels;
        private bool _isPlainKnown;
        private MemberSet? _matched;
        private bool _isMatchedKnown;

        internal SwitchBranch(SyntaxNode syntax, IOperation operation)
        {
            Syntax = syntax;
            Operation = operation;
        }

        /// <summary>The section or arm.</summary>
        internal SyntaxNode Syntax { get; }

        /// <summary>The <see cref="ISwitchCaseOperation"/> or <see cref="ISwitchExpressionArmOperation"/>.</summary>
        internal IOperation Operation { get; }

        internal List<SwitchClause> Clauses { get; } = new List<SwitchClause>(1);

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
        internal bool DoesWhat(SwitchBranch other) => BranchBodies.DoTheSame(Syntax, other.Syntax);

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
}
