using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// The members of one status enum that SMTP002/SMTP003 judge by class: the 4yz and 5yz members that are no
    /// authentication code (RFC 4954 and RFC 3207: 432, 454, 530, 534, 535, 538, which programs treat as "credentials or
    /// TLS settings wrong" whatever their first digit), and the neutral rest (those codes and the members of no class),
    /// which never stop a branch from being transient-only or permanent-only. Built once per enum and compilation.
    /// </summary>
    internal sealed class DecisiveMembers
    {
        private readonly MemberSet _transient;
        private readonly MemberSet _permanent;
        private readonly MemberSet _transientOrNeutral;
        private readonly MemberSet _permanentOrNeutral;

        internal DecisiveMembers(StatusEnum statusEnum)
        {
            var count = statusEnum.Members.Length;
            _transient = new MemberSet(count);
            _permanent = new MemberSet(count);
            _transientOrNeutral = new MemberSet(count);
            _permanentOrNeutral = new MemberSet(count);
            Neutral = new MemberSet(count);
            foreach (var member in statusEnum.Members)
            {
                if (member.Class == ReplyClass.None || member.IsAuthentication)
                {
                    Neutral.Add(member.Index);
                    _transientOrNeutral.Add(member.Index);
                    _permanentOrNeutral.Add(member.Index);
                }
                else if (member.Class == ReplyClass.TransientNegative)
                {
                    _transient.Add(member.Index);
                    _transientOrNeutral.Add(member.Index);
                }
                else if (member.Class == ReplyClass.PermanentNegative)
                {
                    _permanent.Add(member.Index);
                    _permanentOrNeutral.Add(member.Index);
                }
            }
        }


        /// <summary>Members of no class (<c>GeneralFailure</c>, <c>NotDefined</c>) and authentication codes: shared, read only.</summary>
        internal MemberSet Neutral { get; }

        /// <summary>The 4yz or 5yz members that are no authentication code: shared, read only.</summary>
        internal MemberSet Of(ReplyClass replyClass) => replyClass == ReplyClass.TransientNegative ? _transient : _permanent;

        internal static ReplyClass Other(ReplyClass replyClass) =>
            replyClass == ReplyClass.TransientNegative ? ReplyClass.PermanentNegative : ReplyClass.TransientNegative;

        /// <summary>
        /// Whether a branch matching <paramref name="matched"/> is <paramref name="replyClass"/>-only (shape 1): it matches a
        /// decisive member of the class and none of the other failure class.
        /// </summary>
        internal bool IsClassOnly(MemberSet matched, ReplyClass replyClass) =>
            matched.Overlaps(Of(replyClass)) && !matched.Overlaps(Of(Other(replyClass)));

        /// <summary>
        /// Whether a branch can take the missing codes of <paramref name="replyClass"/> (the fix's handler): it matches a
        /// decisive member of the class and, besides, only neutral members (no other failure class, no 2yz or 3yz).
        /// </summary>
        internal bool HandlesOnly(MemberSet matched, ReplyClass replyClass) =>
            matched.Overlaps(Of(replyClass)) && matched.IsSubsetOf(replyClass == ReplyClass.TransientNegative ? _transientOrNeutral : _permanentOrNeutral);
    }
}
