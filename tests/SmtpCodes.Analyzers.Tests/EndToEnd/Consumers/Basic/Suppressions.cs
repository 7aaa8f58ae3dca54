using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Consumer;

public static class Suppressions
{
#pragma warning disable SMTP001 // Use the status enum member instead of a magic SMTP code
    public static bool Pragma(SmtpStatusCode status) => (int)status == 550;
#pragma warning restore SMTP001

    [SuppressMessage("Maintainability", "SMTP001:Use the status enum member instead of a magic SMTP code", Justification = "End-to-end test of suppression")]
    public static bool Attribute(SmtpStatusCode status) => (int)status == 550;

    public static bool AfterRestore(SmtpStatusCode status) => (int)status == 550; // expect: SMTP001
}
