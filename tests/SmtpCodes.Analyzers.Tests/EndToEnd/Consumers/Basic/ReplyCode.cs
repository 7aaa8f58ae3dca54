namespace Contoso.Mail;

// A user's own reply-code enum. Nobody named it in smtp_codes.status_enum_types here, so it is no status enum.
public enum ReplyCode : long
{
    Ok = 250,
    Busy = 450,
    Gone = 550,
}

public static class ReplyCodes
{
    public static bool IsGone(ReplyCode code) => (long)code == 550;
}
