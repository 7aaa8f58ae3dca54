using System.Net.Mail;

namespace Consumer;

// The options cannot be read (SMTP000); the analysis goes on with their defaults.
public static class Handler
{
    public static bool IsGone(SmtpException ex) => (int)ex.StatusCode == 550; // expect: SMTP001

    public static bool ShouldRetry(SmtpStatusCode status)
    {
        switch (status) // expect: SMTP002
        {
            case SmtpStatusCode.MailboxBusy:
                return true;
            default:
                return false;
        }
    }
}
