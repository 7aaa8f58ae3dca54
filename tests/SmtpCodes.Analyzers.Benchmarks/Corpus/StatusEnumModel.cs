using System.Collections.Generic;

namespace SmtpCodes.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// What the generator needs to know of one status enum to write code against it: its namespace and name, its
    /// members by reply class, and how an exception exposes it. Copied from the libraries (MailKit 4.18.2, SmtpServer
    /// 11.1.0, .NET 10) and the Aspose seed; the generated code compiles against them, which the benchmark checks.
    /// </summary>
    internal sealed class StatusEnumModel
    {
        private StatusEnumModel(string name, string @namespace, string typeName, string? exceptionType, string? statusOfException, string members, string? recipientExceptionType = null)
        {
            Name = name;
            Namespace = @namespace;
            TypeName = typeName;
            ExceptionType = exceptionType;
            StatusOfException = statusOfException;
            RecipientExceptionType = recipientExceptionType;
            var transient = new List<KeyValuePair<string, int>>();
            var permanent = new List<KeyValuePair<string, int>>();
            var positive = new List<KeyValuePair<string, int>>();
            foreach (var pair in members.Split(','))
            {
                var parts = pair.Trim().Split('=');
                var value = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                var member = new KeyValuePair<string, int>(parts[0], value);
                switch (value / 100)
                {
                    case 2:
                        positive.Add(member);
                        break;
                    case 4:
                        transient.Add(member);
                        break;
                    case 5:
                        permanent.Add(member);
                        break;
                }
            }

            Transient = transient;
            Permanent = permanent;
            Positive = positive;
        }

        internal static StatusEnumModel SystemNetMail { get; } = new(
            "System.Net.Mail", "System.Net.Mail", "SmtpStatusCode", "SmtpException", "ex.StatusCode",
            "SystemStatus=211, HelpMessage=214, ServiceReady=220, ServiceClosingTransmissionChannel=221, Ok=250, UserNotLocalWillForward=251, "
            + "CannotVerifyUserWillAttemptDelivery=252, StartMailInput=354, ServiceNotAvailable=421, MailboxBusy=450, LocalErrorInProcessing=451, "
            + "InsufficientStorage=452, ClientNotPermitted=454, CommandUnrecognized=500, SyntaxError=501, CommandNotImplemented=502, "
            + "BadCommandSequence=503, CommandParameterNotImplemented=504, MustIssueStartTlsFirst=530, MailboxUnavailable=550, "
            + "UserNotLocalTryAlternatePath=551, ExceededStorageAllocation=552, MailboxNameNotAllowed=553, TransactionFailed=554",
            "SmtpFailedRecipientException");

        internal static StatusEnumModel MailKit { get; } = new(
            "MailKit", "MailKit.Net.Smtp", "SmtpStatusCode", "SmtpCommandException", "ex.StatusCode",
            "SystemStatus=211, HelpMessage=214, ServiceReady=220, ServiceClosingTransmissionChannel=221, AuthenticationSuccessful=235, Ok=250, "
            + "UserNotLocalWillForward=251, CannotVerifyUserWillAttemptDelivery=252, AuthenticationChallenge=334, StartMailInput=354, "
            + "ServiceNotAvailable=421, PasswordTransitionNeeded=432, MailboxBusy=450, ErrorInProcessing=451, InsufficientStorage=452, "
            + "TemporaryAuthenticationFailure=454, CommandUnrecognized=500, SyntaxError=501, CommandNotImplemented=502, BadCommandSequence=503, "
            + "CommandParameterNotImplemented=504, AuthenticationRequired=530, AuthenticationMechanismTooWeak=534, "
            + "AuthenticationInvalidCredentials=535, EncryptionRequiredForAuthenticationMechanism=538, MailboxUnavailable=550, "
            + "UserNotLocalTryAlternatePath=551, ExceededStorageAllocation=552, MailboxNameNotAllowed=553, TransactionFailed=554, "
            + "MailFromOrRcptToParametersNotRecognizedOrNotImplemented=555");

        internal static StatusEnumModel SmtpServer { get; } = new(
            "SmtpServer", "SmtpServer.Protocol", "SmtpReplyCode", "SmtpResponseException", "ex.Response.ReplyCode",
            "SystemMessage=211, HelpResponse=214, ServiceReady=220, ServiceClosingTransmissionChannel=221, AuthenticationSuccessful=235, Ok=250, "
            + "RelayToAnotherServer=251, CantVerifyUser=252, ContinueWithAuth=334, StartMailInput=354, TimeoutConnectionProblem=420, "
            + "ServiceUnavailable=421, ExceededStorage=422, Overloaded=431, RecipientNotResponding=441, ConnectionDropped=442, "
            + "MaxHopCountExceeded=446, MessageTimeout=447, RoutingError=449, Unavailable=450, Aborted=451, InsufficientStorage=452, "
            + "ClientNotPermitted=454, Error=471, CommandUnrecognized=500, SyntaxError=501, CommandNotImplemented=502, BadSequence=503, "
            + "CommandParameterNotImplemented=504, BadEmailAddress=510, DnsError=512, IncorrectAddressType=513, MailingLimitExceeded=523, "
            + "AuthenticationRequired=530, AuthenticationFailed=535, RecipientAddressRejected=541, MailboxUnavailable=550, RelayDenied=551, "
            + "SizeLimitExceeded=552, MailboxNameNotAllowed=553, TransactionFailed=554");

        /// <summary>Aspose.Email is a paid package: the corpus declares its enum in source (<see cref="CorpusGenerator.AsposeStatusCodeSource"/>).</summary>
        internal static StatusEnumModel Aspose { get; } = new(
            "Aspose", "Aspose.Email.Clients.Smtp", "SmtpStatusCode", null, null,
            "SystemStatus=211, HelpMessage=214, ServiceReady=220, ServiceClosingTransmissionChannel=221, AuthenticationSucceeded=235, Ok=250, "
            + "UserNotLocalWillForward=251, CannotVerifyUserWillAttemptDelivery=252, Base64Response=334, StartMailInput=354, "
            + "ServiceNotAvailable=421, PasswordTransitionNeeded=432, MailboxBusy=450, LocalErrorInProcessing=451, InsufficientStorage=452, "
            + "ClientNotPermitted=454, CommandUnrecognized=500, SyntaxError=501, CommandNotImplemented=502, CommandNotPermitted=503, "
            + "UnrecognizedAuthenticationType=504, AuthenticationRequired=530, AuthenticationMechanismIsToWeak=534, CredentialsInvalid=535, "
            + "EncryptionRequiredRequestedMechanism=538, MailboxUnavailable=550, UserNotLocalTryAlternatePath=551, "
            + "ExceededStorageAllocation=552, MailboxNameNotAllowed=553, TransactionFailed=554");

        internal static IReadOnlyList<StatusEnumModel> All { get; } = new[] { SystemNetMail, MailKit, SmtpServer, Aspose };

        internal string Name { get; }

        internal string Namespace { get; }

        internal string TypeName { get; }

        /// <summary>The exception that carries the status, in <see cref="Namespace"/>; null for Aspose.</summary>
        internal string? ExceptionType { get; }

        /// <summary>How a caught <c>ex</c> yields its status.</summary>
        internal string? StatusOfException { get; }

        /// <summary>A subclass of <see cref="ExceptionType"/> for one rejected recipient, with the same status; null where there is none.</summary>
        internal string? RecipientExceptionType { get; }

        internal IReadOnlyList<KeyValuePair<string, int>> Transient { get; }

        internal IReadOnlyList<KeyValuePair<string, int>> Permanent { get; }

        internal IReadOnlyList<KeyValuePair<string, int>> Positive { get; }

        /// <summary>The 4yz or 5yz member with this value (450 and 550 are in every enum: the <c>RetryIfBusy</c> pair).</summary>
        internal KeyValuePair<string, int> Member(int value)
        {
            foreach (var members in new[] { Transient, Permanent })
            {
                foreach (var member in members)
                {
                    if (member.Value == value)
                    {
                        return member;
                    }
                }
            }

            throw new KeyNotFoundException(Name + " has no 4yz or 5yz member " + value + ".");
        }
    }
}
