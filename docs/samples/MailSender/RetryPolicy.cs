using System;
using System.Net.Mail;

namespace MailSender;

/// <summary>What the queue does with a message after a failed send.</summary>
public enum RetryDecision
{
    RetryLater,
    Bounce,
}

/// <summary>Decides, from the server's reply, whether a failed message goes back on the queue.</summary>
public static class RetryPolicy
{
    public static RetryDecision Decide(SmtpException failure)
    {
        switch (failure.StatusCode)
        {
            case SmtpStatusCode.MailboxBusy:
            case SmtpStatusCode.InsufficientStorage:
                return RetryDecision.RetryLater;
            case SmtpStatusCode.MailboxUnavailable:
            case SmtpStatusCode.MailboxNameNotAllowed:
            case SmtpStatusCode.UserNotLocalTryAlternatePath:
                return RetryDecision.Bounce;
            default:
                // 421 (the server is shutting down) and 451 (greylisting) land here: the message is bounced
                // although the server asked for a retry. SMTP002 names them.
                return RetryDecision.Bounce;
        }
    }

    /// <summary>How long a deferred message waits before the next attempt.</summary>
    public static TimeSpan Delay(SmtpStatusCode status, int attempt) => status switch
    {
        SmtpStatusCode.ServiceNotAvailable => TimeSpan.FromMinutes(5 * attempt),
        SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing => TimeSpan.FromMinutes(attempt),
        _ => TimeSpan.Zero,
    };
}
