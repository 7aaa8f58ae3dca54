namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>The class of an SMTP reply, by its first digit (RFC 5321 §4.2.1).</summary>
    internal enum ReplyClass
    {
        /// <summary>Outside 200–599 (<c>GeneralFailure = -1</c>, <c>NotDefined = 0</c>): no class.</summary>
        None = 0,

        /// <summary>2yz: the requested action was completed.</summary>
        PositiveCompletion = 2,

        /// <summary>3yz: the command was accepted, more information is awaited.</summary>
        PositiveIntermediate = 3,

        /// <summary>4yz: transient negative completion; the client should try again later.</summary>
        TransientNegative = 4,

        /// <summary>5yz: permanent negative completion; the client must not repeat the request.</summary>
        PermanentNegative = 5,
    }

    internal static class ReplyClasses
    {
        internal static ReplyClass Of(long value) =>
            value >= 200 && value <= 599 ? (ReplyClass)(int)(value / 100) : ReplyClass.None;

    }
}
