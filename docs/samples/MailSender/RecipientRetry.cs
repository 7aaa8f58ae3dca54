using System;
using System.Net.Mail;
using System.Threading;

namespace MailSender;

/// <summary>
/// Sends a message to several recipients and tries again for those the server refused, the way the RetryIfBusy
/// sample of the System.Net.Mail documentation does it.
/// </summary>
public sealed class RecipientRetry
{
    private readonly SmtpClient _client;

    public RecipientRetry(SmtpClient client) => _client = client;

    public bool Send(MailMessage message)
    {
        try
        {
            _client.Send(message);
            return true;
        }
        catch (SmtpFailedRecipientsException ex)
        {
            foreach (var failure in ex.InnerExceptions)
            {
                var status = failure.StatusCode;
                if (status == SmtpStatusCode.MailboxBusy ||
                    status == SmtpStatusCode.MailboxUnavailable)
                {
                    Console.Error.WriteLine($"Delivery to {failure.FailedRecipient} failed - retrying in 5 seconds.");
                    Thread.Sleep(5000);
                    _client.Send(message);
                }
            }

            return false;
        }
        catch (SmtpException ex)
        {
            // The server says the mailbox does not exist.
            if (ex.Message.Contains("550"))
            {
                Console.Error.WriteLine($"Bounced: {ex.Message}");
                return false;
            }

            throw;
        }
    }

    /// <summary>Whether a failed recipient is worth another attempt later.</summary>
    public static bool WorthRetrying(SmtpFailedRecipientException failure)
    {
        switch (failure.StatusCode)
        {
            case SmtpStatusCode.ServiceNotAvailable:
            case SmtpStatusCode.MailboxBusy:
            case SmtpStatusCode.InsufficientStorage:
            case SmtpStatusCode.ExceededStorageAllocation:
                return true;
            default:
                return false;
        }
    }
}
