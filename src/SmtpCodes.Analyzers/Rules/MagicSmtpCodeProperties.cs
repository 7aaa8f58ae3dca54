namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>What <see cref="MagicSmtpCodeRule"/> hands its code fix through diagnostic properties.</summary>
    internal static class MagicSmtpCodeProperties
    {
        /// <summary>One of the <c>*Fix</c> values below.</summary>
        internal const string FixKind = "FixKind";

        /// <summary>The current names of the value, comma-separated, preferred first.</summary>
        internal const string MemberNames = "MemberNames";

        /// <summary>The status enum's metadata name.</summary>
        internal const string EnumType = "EnumType";

        /// <summary>With <see cref="ReplaceFix"/>: the integral type the number stands in (<c>System.Int32</c>).</summary>
        internal const string IntegralType = "IntegralType";

        /// <summary><c>(SmtpStatusCode)550</c>: the cast (additional location 0) becomes the member.</summary>
        internal const string CastFix = "Cast";

        /// <summary><c>(int)ex.StatusCode == 550</c>: the number becomes the member, the cast (additional location 0) is unwrapped.</summary>
        internal const string UnwrapFix = "Unwrap";

        /// <summary>
        /// A switch, switch expression or <c>is</c> pattern (additional location 1) on a cast (additional location 0):
        /// the cast is unwrapped and every constant it is tested against becomes the member or a cast to the enum.
        /// </summary>
        internal const string UnwrapAllFix = "UnwrapAll";

        /// <summary>Where the integral value must stay: the number becomes <c>(int)SmtpStatusCode.Member</c>.</summary>
        internal const string ReplaceFix = "Replace";
    }
}
