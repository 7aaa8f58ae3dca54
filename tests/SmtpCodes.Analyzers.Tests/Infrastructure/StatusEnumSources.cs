namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>Source text of enums the tests declare themselves.</summary>
    public static class StatusEnumSources
    {
        /// <summary>
        /// Aspose.Email's <c>SmtpStatusCode</c>, exactly as the seed page lists it (Aspose.Email is a paid package,
        /// so the tests declare it in source). One text for the tests and the benchmark corpora.
        /// </summary>
        public static string Aspose => SmtpCodes.Analyzers.Benchmarks.Corpus.CorpusGenerator.AsposeStatusCodeSource;

        /// <summary>A user's own reply-code enum, recognised only through <c>smtp_codes.status_enum_types</c>; 250 has two names.</summary>
        public const string Contoso = """
            namespace Contoso.Mail
            {
                public enum ReplyCode : long
                {
                    Accepted = 250,
                    Ok = 250,
                    Greylisted = 451,
                    TryLater = 452,
                    NoSuchUser = 550,
                    Rejected = 554,
                }
            }
            """;

        public const string ContosoOptions = "smtp_codes.status_enum_types = Contoso.Mail.ReplyCode";
    }
}
