using Aspose.Email.Clients.Smtp;

namespace Consumer;

/// <summary>Aspose.Email's enum (declared in source, as the package is paid): how long to wait before the next try.</summary>
public static class AsposeNotifier
{
    public static int RetryDelaySeconds(SmtpStatusCode status) => status switch
    {
        SmtpStatusCode.ServiceNotAvailable => 60,
        SmtpStatusCode.MailboxBusy => 300,
        _ => -1,
    };

    public static bool IsFinal(SmtpStatusCode status) => (int)status == 550 || (int)status == 554;
}
