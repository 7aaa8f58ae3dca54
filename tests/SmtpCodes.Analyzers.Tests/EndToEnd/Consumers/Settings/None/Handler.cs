using System.Net.Mail;

namespace Consumer.None;

public static class Handler
{
    public static bool IsGone(SmtpException ex) => (int)ex.StatusCode == 550; // expect: SMTP001

    public static bool IsTypo(SmtpException ex) => (int)ex.StatusCode == 5500; // expect: SMTP004
}
