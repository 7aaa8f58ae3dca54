namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What <see cref="StatusFromMessageAnalyzer"/> hands its code fix. Where there is a fix, additional location 0 is the
    /// exception expression and additional location 1 the text test to replace.
    /// </summary>
    internal static class StatusFromMessageProperties
    {
        /// <summary>The member path from the exception to its status: <c>StatusCode</c>, <c>Response.ReplyCode</c>.</summary>
        internal const string StatusPath = "StatusPath";

        /// <summary>The status enum's metadata name.</summary>
        internal const string EnumType = "EnumType";

        /// <summary>The member for the code; absent where there is no fix.</summary>
        internal const string MemberName = "MemberName";
    }
}
