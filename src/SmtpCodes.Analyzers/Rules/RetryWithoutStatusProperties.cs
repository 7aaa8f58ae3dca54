namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>What <see cref="RetryWithoutStatusRule"/> hands its code fix.</summary>
    internal static class RetryWithoutStatusProperties
    {
        /// <summary>Which shape was reported: <see cref="CatchShape"/>, <see cref="BaseCatchShape"/> or <see cref="PollyShape"/>.</summary>
        internal const string Shape = "Shape";

        /// <summary>A catch of a status exception: its filter gets a test of the reply class.</summary>
        internal const string CatchShape = "Catch";

        /// <summary>A catch of a base type around a send: its filter lets an SMTP failure through only when it is transient.</summary>
        internal const string BaseCatchShape = "BaseCatch";

        /// <summary>A Polly <c>Handle&lt;T&gt;</c>/<c>Or&lt;T&gt;</c>: its predicate gets a test of the reply class.</summary>
        internal const string PollyShape = "Polly";

        /// <summary>The metadata name of the exception that carries the status.</summary>
        internal const string ExceptionType = "ExceptionType";

        /// <summary>The member path from the exception to its status: <c>StatusCode</c>, <c>Response.ReplyCode</c>.</summary>
        internal const string StatusPath = "StatusPath";

        /// <summary>The status enum's metadata name.</summary>
        internal const string EnumType = "EnumType";
    }
}
