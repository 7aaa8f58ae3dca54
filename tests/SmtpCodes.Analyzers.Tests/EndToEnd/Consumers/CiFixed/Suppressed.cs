using System.Net.Mail;

namespace Consumer;

public static class Suppressed
{
    public static bool IsGone(SmtpStatusCode status) => status == SmtpStatusCode.MailboxUnavailable;
}
