using System;
using System.Net.Mail;

namespace MailSender;

public enum OutboxState
{
    Pending,
    Sent,
    Failed,
}

/// <summary>A message waiting in the outbox, with how often it was tried.</summary>
public sealed class OutboxItem
{
    public OutboxItem(MailMessage message) => Message = message;

    public MailMessage Message { get; }

    public OutboxState State { get; set; } = OutboxState.Pending;

    public int Attempts { get; set; }
}

/// <summary>Sends what the outbox holds; a failed message waits for the next run.</summary>
public sealed class OutboxWorker
{
    private readonly SmtpClient _client;

    public OutboxWorker(SmtpClient client) => _client = client;

    public void Deliver(OutboxItem item)
    {
        try
        {
            _client.Send(item.Message);
            item.State = OutboxState.Sent;
        }
        catch (SmtpException ex)
        {
            // Every failure goes back to the outbox: a 550 "no such user" is tried again on every run, for ever.
            // SMTP007 reports the catch; its fix lets only transient (4yz) failures reach this block.
            Console.Error.WriteLine($"send failed, will retry: {ex.Message}");
            item.State = OutboxState.Pending;
            item.Attempts++;
        }
    }

    /// <summary>Whether a refused message is worth another run.</summary>
    public static bool ShouldRetry(SmtpStatusCode status) => status switch
    {
        SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => true,

        // 421: the server is closing the connection, "try again later"; given up here. SMTP008 reports it.
        SmtpStatusCode.ServiceNotAvailable => false,
        _ => false,
    };
}
