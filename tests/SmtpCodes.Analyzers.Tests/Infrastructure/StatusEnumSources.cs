namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>Source text of enums the tests declare themselves.</summary>
    public static class StatusEnumSources
    {
        /// <summary>
        /// Aspose.Email's <c>SmtpStatusCode</c>, exactly as the seed page lists it (Aspose.Email is a paid package,
        /// so the tests declare it in source).
        /// </summary>
        public const string Aspose = """
            namespace Aspose.Email.Clients.Smtp
            {
                public enum SmtpStatusCode
                {
                    NotDefined = 0,
                    GeneralFailure = -1,
                    SystemStatus = 211,
                    HelpMessage = 214,
                    ServiceReady = 220,
                    ServiceClosingTransmissionChannel = 221,
                    AuthenticationSucceeded = 235,
                    Ok = 250,
                    UserNotLocalWillForward = 251,
                    CannotVerifyUserWillAttemptDelivery = 252,
                    Base64Response = 334,
                    StartMailInput = 354,
                    ServiceNotAvailable = 421,
                    PasswordTransitionNeeded = 432,
                    MailboxBusy = 450,
                    LocalErrorInProcessing = 451,
                    InsufficientStorage = 452,
                    ClientNotPermitted = 454,
                    CommandUnrecognized = 500,
                    SyntaxError = 501,
                    CommandNotImplemented = 502,
                    CommandNotPermitted = 503,
                    UnrecognizedAuthenticationType = 504,
                    AuthenticationRequired = 530,
                    AuthenticationMechanismIsToWeak = 534,
                    CredentialsInvalid = 535,
                    EncryptionRequiredRequestedMechanism = 538,
                    MailboxUnavailable = 550,
                    UserNotLocalTryAlternatePath = 551,
                    ExceededStorageAllocation = 552,
                    MailboxNameNotAllowed = 553,
                    TransactionFailed = 554,
                }
            }
            """;

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
