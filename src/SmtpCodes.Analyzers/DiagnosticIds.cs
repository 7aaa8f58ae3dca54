namespace SmtpCodes.Analyzers
{
    /// <summary>The public, never-renamed diagnostic IDs.</summary>
    public static class DiagnosticIds
    {
        public const string InvalidOption = "SMTP000";
        public const string MagicStatusCode = "SMTP001";
        public const string MissingTransientCodes = "SMTP002";
        public const string MissingPermanentCodes = "SMTP003";
        public const string UnknownStatusCode = "SMTP004";
        public const string MixedReplyClasses = "SMTP005";
        public const string StatusReadFromMessage = "SMTP006";
        public const string PermanentFailureRetried = "SMTP007";
        public const string TransientFailureGivenUp = "SMTP008";
    }
}
