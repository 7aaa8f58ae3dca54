using System.Net.Mail;

namespace Consumer;

public static class Suppressed
{
    // Suppressed in source: not an error under -warnaserror, and marked as suppressed in the SARIF log.
#pragma warning disable SMTP001
    public static bool IsGone(SmtpStatusCode status) => (int)status == 550;
#pragma warning restore SMTP001
}
