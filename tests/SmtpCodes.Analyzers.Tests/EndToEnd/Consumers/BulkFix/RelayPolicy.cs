using SmtpServer.Protocol;

namespace Consumer;

/// <summary>Server side (SmtpServer): what a relay does with the reply a downstream server gave.</summary>
public static class RelayPolicy
{
    public static string Respond(SmtpResponseException ex) => ex.Response.ReplyCode switch
    {
        SmtpReplyCode.ServiceUnavailable => "defer",
        SmtpReplyCode.MailboxUnavailable or SmtpReplyCode.InsufficientStorage => "reject",
        _ => "error",
    };

    public static bool IsRejected(SmtpResponseException ex) => (int)ex.Response.ReplyCode == 554 || ex.Message.Contains("554");

    public static bool ShouldRetry(SmtpReplyCode code) => (int)code is 421 or 450;
}
