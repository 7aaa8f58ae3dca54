using System;
using System.Threading;
using MailKit.Net.Smtp;

namespace Consumer;

/// <summary>A MailKit sender that retries what the server reports as worth another try.</summary>
public sealed class MailKitSender
{
    private readonly ITransport _client;
    private readonly TimeSpan _retryDelay;

    public MailKitSender(ITransport client, TimeSpan retryDelay)
    {
        _client = client;
        _retryDelay = retryDelay;
    }

    public string Send(string message, SmtpCommandException ex)
    {
        switch (ex.StatusCode)
        {
            case SmtpStatusCode.MailboxBusy:
            case SmtpStatusCode.MailboxUnavailable:
                Thread.Sleep(_retryDelay);
                _client.Send(message);
                break;
            case SmtpStatusCode.ServiceNotAvailable:
                return "server closing, try later";
            default:
                return "failed: " + ex.Message;
        }

        return "sent on retry";
    }

    public static string Describe(SmtpStatusCode status)
    {
        switch (status)
        {
            case SmtpStatusCode.MailboxBusy:
                return "mailbox busy, will retry";
            case SmtpStatusCode.MailboxUnavailable:
                return "mailbox unavailable";
            default:
                return "delivery failed";
        }
    }

    public static bool IsTransient(SmtpCommandException ex) =>
        (int)ex.StatusCode == 421 || ex.Message.StartsWith("451") || ex.StatusCode == SmtpStatusCode.MailboxBusy;
}
