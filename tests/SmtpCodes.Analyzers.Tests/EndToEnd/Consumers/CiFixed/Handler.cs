using System.Net.Mail;

namespace Consumer;

// Ci/Handler.cs with the warnings fixed.
public static class Handler
{
    public static bool IsGone(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;

    public static bool IsTypo(SmtpException ex) => ex.StatusCode == SmtpStatusCode.ExceededStorageAllocation;
}
