using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>One label or arm, with the members of its enum it matches, computed once.</summary>
    internal sealed class SwitchClause
    {
        internal static readonly SwitchClause Default = new SwitchClause(null, null, 0, hasGuard: false, hasDesignation: false, isDefault: true, isCatchAll: false);

        private readonly MemberSet? _strict;
        private readonly MemberSet? _loose;

        private SwitchClause(MemberSet? strict, MemberSet? loose, int memberCount, bool hasGuard, bool hasDesignation, bool isDefault, bool isCatchAll)
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
        internal static SwitchClause ForLabel(StatusEnum statusEnum, IOperation constant)
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

            return new SwitchClause(matched, matched, members.Length, hasGuard: false, hasDesignation: false, isDefault: false, isCatchAll: false);
        }

        /// <summary>A pattern label or arm, each member evaluated once.</summary>
        internal static SwitchClause ForPattern(StatusEnum statusEnum, IPatternOperation pattern, bool hasGuard, bool hasDesignation)
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

            return new SwitchClause(strict, loose, members.Length, hasGuard, hasDesignation, isDefault: false, isCatchAll: !hasGuard && unknown == members.Length && members.Length > 0);
        }

        /// <summary>
        /// The members the label or pattern matches, its guard left aside; wildcards (<c>_</c>, <c>var x</c>, a type
        /// pattern) match everything or nothing as asked. Not for <see cref="Default"/>.
        /// </summary>
        internal MemberSet Matched(bool wildcardsMatch) => (wildcardsMatch ? _loose : _strict)!;
    }
}
