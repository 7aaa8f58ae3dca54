using System.Net.Mail;

namespace Consumer;

public static class Handler
{
    public static bool IsGone(SmtpException ex) => (int)ex.StatusCode == 550; // expect: SMTP001

    public static bool IsNotGone(SmtpException ex) => 550 != (int)ex.StatusCode; // expect: SMTP001

    public static string Describe(SmtpStatusCode status)
    {
        switch ((int)status) // expect: SMTP002, SMTP003
        {
            case 421: // expect: SMTP001
                return "service not available";
            case 4510: // expect: SMTP004
                return "a typo";
            default:
                return "other";
        }
    }

    public static bool IsBusy(SmtpStatusCode status) => (int)status is 450 or 451; // expect: SMTP001, SMTP001

    public static SmtpStatusCode FromHttp() => (SmtpStatusCode)404; // expect: SMTP004

    // A relational class check is not a magic code.
    public static bool IsPermanent(SmtpStatusCode status) => (int)status >= 500;

    // A named constant is not a magic code.
    private const int Greylisted = 451;

    public static bool IsGreylisted(SmtpStatusCode status) => (int)status == Greylisted;

    // `default` does not handle transient codes unless smtp_codes.default_counts_as_handled says so: its `false` gives
    // up on them (SMTP002). It gives up on the permanent ones too, which is right for them (no SMTP003).
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
