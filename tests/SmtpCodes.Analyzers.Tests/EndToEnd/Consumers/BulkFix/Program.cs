using System;
using System.Globalization;
using System.Linq;

namespace Consumer;

/// <summary>
/// Calls every public method of the handlers with every value of each status enum and prints what each returns or
/// throws. `dotnet format analyzers` with every SMTP rule must leave this output unchanged, byte for byte. The exceptions
/// carry messages as the real clients make them: MailKit's is the reply text after the code, System.Net.Mail's a sentence
/// of its own followed by that text; neither holds the code, so a text test for "550" is false on a 550.
/// </summary>
public static class Program
{
    public static void Main()
    {
        var transport = new RecordingTransport();
        var sender = new MailKitSender(transport, TimeSpan.Zero);
        foreach (var status in Enum.GetValues<MailKit.Net.Smtp.SmtpStatusCode>())
        {
            var ex = new MailKit.Net.Smtp.SmtpCommandException(MailKit.Net.Smtp.SmtpErrorCode.MessageNotAccepted, status, ReplyText((int)status, status));
            Print("MailKit", (int)status, status, () => sender.Send("hello", ex), () => MailKitSender.Describe(status), () => MailKitSender.IsTransient(ex));
        }

        Console.WriteLine("MailKit sends on retry: " + transport.Sent.ToString(CultureInfo.InvariantCulture));

        foreach (var status in Enum.GetValues<System.Net.Mail.SmtpStatusCode>())
        {
            var ex = new System.Net.Mail.SmtpException(status, NetMailMessage((int)status, status));
            Print(
                "System.Net.Mail",
                (int)status,
                status,
                () => NetMailSender.IsBounce(ex),
                () => NetMailSender.IsServerClosing(ex),
                () => NetMailSender.IsLoginFailure(ex),
                () => NetMailSender.IsNameRejected(status),
                () => NetMailSender.Classify(ex));
        }

        // A 535 reply as System.Net.Mail reports it: no member of its own.
        var login = new System.Net.Mail.SmtpException(System.Net.Mail.SmtpStatusCode.GeneralFailure, "Authentication failed. The server response was: 5.7.8 Authentication credentials invalid");
        Print("System.Net.Mail", 535, "(no member)", () => NetMailSender.IsLoginFailure(login), () => NetMailSender.IsBounce(login), () => NetMailSender.Classify(login));

        foreach (var code in Enum.GetValues<SmtpServer.Protocol.SmtpReplyCode>())
        {
            var ex = new SmtpServer.Protocol.SmtpResponseException(new SmtpServer.Protocol.SmtpResponse(code, ReplyText((int)code, code)));
            Print("SmtpServer", (int)code, code, () => RelayPolicy.Respond(ex), () => RelayPolicy.IsRejected(ex), () => RelayPolicy.ShouldRetry(code));
        }

        foreach (var status in Enum.GetValues<Aspose.Email.Clients.Smtp.SmtpStatusCode>())
        {
            Print("Aspose", (int)status, status, () => AsposeNotifier.RetryDelaySeconds(status), () => AsposeNotifier.IsFinal(status));
        }
    }

    /// <summary>
    /// The text of a reply after its code, as MailKit's SmtpCommandException.Message holds it: the enhanced status code
    /// (RFC 3463), then the server's words. "5.1.1 &lt;bob@example.com&gt;: Recipient address rejected: User unknown".
    /// </summary>
    private static string ReplyText(int code, object name) => code == 550
        ? "5.1.1 <bob@example.com>: Recipient address rejected: User unknown"
        : (code / 100).ToString(CultureInfo.InvariantCulture) + ".0.0 " + name;

    /// <summary>System.Net.Mail's message: a sentence of its own for the status, then "The server response was:" and the text.</summary>
    private static string NetMailMessage(int code, object name) =>
        string.Concat(name.ToString()!.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()))
        + ". The server response was: " + ReplyText(code, name);

    private static void Print(string library, int code, object name, params Func<object>[] calls) =>
        Console.WriteLine($"{library} {code.ToString(CultureInfo.InvariantCulture)} {name}: {string.Join(" | ", calls.Select(Run))}");

    private static string Run(Func<object> call)
    {
        try
        {
            return Convert.ToString(call(), CultureInfo.InvariantCulture) ?? "null";
        }
        catch (Exception exception)
        {
            return "throws " + exception.GetType().Name;
        }
    }
}
