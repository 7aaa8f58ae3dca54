using System;
using System.Net.Mail;
using System.Threading;

namespace MailSender;

public enum DeliveryOutcome
{
    Delivered,
    Deferred,
    Bounced,
}

/// <summary>Sends a message, retrying when the server says "try again later".</summary>
public sealed class ResilientSender
{
    private readonly SmtpClient _client;
    private readonly int _maxAttempts;

    public ResilientSender(SmtpClient client, int maxAttempts)
    {
        _client = client;
        _maxAttempts = maxAttempts;
    }

    public DeliveryOutcome Send(MailMessage message)
    {
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            try
            {
                _client.Send(message);
                return DeliveryOutcome.Delivered;
            }
            catch (SmtpException ex)
            {
                // The mailbox does not exist or the address is malformed: retrying cannot help.
                if ((int)ex.StatusCode == 550 || (int)ex.StatusCode == 553)
                {
                    Log($"bounced: {ex.StatusCode}");
                    return DeliveryOutcome.Bounced;
                }

                switch ((int)ex.StatusCode)
                {
                    case 421:
                    case 450:
                    case 451:
                        Log($"server busy ({ex.StatusCode}), attempt {attempt} of {_maxAttempts}");
                        Thread.Sleep(Backoff(attempt));
                        continue;
                    case 4510:
                        Log("greylisted");
                        continue;
                }

                throw;
            }
        }

        return DeliveryOutcome.Deferred;
    }

    /// <summary>What the delivery log shows for a recipient the server refused.</summary>
    public static string Describe(SmtpFailedRecipientException failure)
    {
        var code = (int)failure.StatusCode;
        if (code == 552)
        {
            return $"{failure.FailedRecipient}: mailbox full";
        }

        return (int)failure.StatusCode is 551 or 553
            ? $"{failure.FailedRecipient}: address rejected"
            : $"{failure.FailedRecipient}: {failure.StatusCode}";
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt));

    private static void Log(string text) => Console.Error.WriteLine(text);
}
