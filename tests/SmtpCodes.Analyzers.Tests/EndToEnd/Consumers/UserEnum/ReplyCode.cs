namespace Contoso.Mail;

// A user's own reply-code enum, named in .editorconfig's smtp_codes.status_enum_types.
public enum ReplyCode : long
{
    Ok = 250,
    Busy = 450,
    Gone = 550,
}

public static class ReplyCodes
{
    public static bool IsGone(ReplyCode code) => (long)code == 550; // expect: SMTP001

    public static ReplyCode Unknown() => (ReplyCode)999; // expect: SMTP004

    public static bool IsPermanent(ReplyCode code) => code >= (ReplyCode)500;
}
