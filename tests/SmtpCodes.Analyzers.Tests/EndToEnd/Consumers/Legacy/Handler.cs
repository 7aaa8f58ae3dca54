using System.Net.Mail;

namespace Consumer
{
    // The oldest consumer the package supports: netstandard2.0 with C# 7.3 (no patterns beyond constants).
    public static class Handler
    {
        public static bool IsGone(SmtpException ex)
        {
            switch ((int)ex.StatusCode)
            {
                case 550: // expect: SMTP001
                    return true;
                default:
                    return (int)ex.StatusCode == 5500; // expect: SMTP004
            }
        }

        public static SmtpStatusCode Busy()
        {
            return (SmtpStatusCode)450; // expect: SMTP001
        }
    }
}
