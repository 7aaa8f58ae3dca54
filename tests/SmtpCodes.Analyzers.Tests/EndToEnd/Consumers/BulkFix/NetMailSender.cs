using System.Net.Mail;

namespace Consumer;

/// <summary>System.Net.Mail: the status tested as a number and as text, as code found in the wild does.</summary>
public static class NetMailSender
{
    public static bool IsBounce(SmtpException ex) => (int)ex.StatusCode == 550 || ex.Message.Contains("550");

    public static bool IsServerClosing(SmtpException ex) => ex.Message.StartsWith("421");

    // System.Net.Mail has no member for 535: nothing to compare the status with.
    public static bool IsLoginFailure(SmtpException ex) => ex.Message.Contains("535");

    public static bool IsNameRejected(SmtpStatusCode status) => status == (SmtpStatusCode)553;

    public static string Classify(SmtpException ex)
    {
        switch (ex.StatusCode)
        {
            case SmtpStatusCode.ServiceNotAvailable:
            case SmtpStatusCode.MailboxBusy:
                return "retry";
            case SmtpStatusCode.MailboxUnavailable:
                return "bounce";
            default:
                return "failed";
        }
    }
}
