using System;
using System.Net.Mail;

namespace Consumer;

// Prints what every comparison gives for every status. `dotnet format analyzers` replaces the magic codes with enum
// members; the output must not change.
public static class Program
{
    public static void Main()
    {
        foreach (var status in Enum.GetValues<SmtpStatusCode>())
        {
            Console.WriteLine($"{(int)status} {status}: gone={IsGone(status)} busy={IsBusy(status)} kind={Kind(status)} retry={ShouldRetry(status)}");
        }

        Console.WriteLine($"parsed={Parse(550)} {Parse(421)} {Parse(200)}");
    }

    private static bool IsGone(SmtpStatusCode status) => (int)status == 550 || 553 == (int)status; // expect: SMTP001, SMTP001

    private static bool IsBusy(SmtpStatusCode status) => (int)status is 421 or 450; // expect: SMTP001, SMTP001

    private static string Kind(SmtpStatusCode status)
    {
        switch ((int)status) // expect: SMTP002, SMTP003
        {
            case 451: // expect: SMTP001
                return "local error";
            case 552: // expect: SMTP001
                return "storage";
            default:
                return "other";
        }
    }

    private static bool ShouldRetry(SmtpStatusCode status)
    {
        var code = (int)status;
        return code == 452 || code == 454; // expect: SMTP001, SMTP001
    }

    private static SmtpStatusCode Parse(int value) => value switch
    {
        550 => (SmtpStatusCode)550, // expect: SMTP001
        421 => (SmtpStatusCode)421, // expect: SMTP001
        _ => SmtpStatusCode.Ok,
    };
}
