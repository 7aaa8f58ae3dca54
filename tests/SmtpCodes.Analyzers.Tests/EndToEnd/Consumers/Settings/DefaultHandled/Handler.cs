using System.Net.Mail;

namespace Consumer.DefaultHandled;

// smtp_codes.default_counts_as_handled = true: a switch with a default handles every code; one without still misses some.
public static class Handler
{
    public static bool ShouldRetry(SmtpStatusCode status)
    {
        switch (status)
        {
            case SmtpStatusCode.MailboxBusy:
                return true;
            default:
                return false;
        }
    }

    public static string Describe(SmtpStatusCode status) => status switch // expect: SMTP002, SMTP003
    {
        SmtpStatusCode.Ok => "delivered",
        SmtpStatusCode.MailboxBusy => "busy",
        SmtpStatusCode.MailboxUnavailable => "gone",
    };
}
