namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What <see cref="StatusFromMessageRule"/> hands its code fix. Where there is a fix, additional location 0 is the
    /// exception expression, additional location 1 the text test to replace and, where the searched text goes on after its
    /// code, additional location 2 the text it searches.
    /// </summary>
    internal static class StatusFromMessageProperties
    {
        /// <summary>The member path from the exception to its status: <c>StatusCode</c>, <c>Response.ReplyCode</c>.</summary>
        internal const string StatusPath = "StatusPath";

        /// <summary>The status enum's metadata name.</summary>
        internal const string EnumType = "EnumType";

        /// <summary>The member for the code; absent where there is no fix.</summary>
        internal const string MemberName = "MemberName";

        /// <summary>
        /// The searched text after its reply code (<c>5.1.1</c> of <c>"550 5.1.1"</c>), which the fix keeps as a test of the
        /// message; absent when there is none. Additional location 2 is then the text as the test reads it.
        /// </summary>
        internal const string TextAfterCode = "TextAfterCode";

        /// <summary>Present when the searched text is a regular expression (<c>Regex.IsMatch(ex.Message, "^550 5\\.1\\.1")</c>).</summary>
        internal const string TextIsPattern = "TextIsPattern";
    }
}
