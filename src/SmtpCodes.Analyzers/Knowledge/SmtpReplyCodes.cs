namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The reply codes the SMTP RFCs define. A number on this list that a status enum lacks
    /// (System.Net.Mail has no 535) is a real code with no member to name it: neither SMTP001 nor SMTP004.
    /// </summary>
    internal static class SmtpReplyCodes
    {
        /// <summary>
        /// The authentication and TLS codes of RFC 4954 and RFC 3207 (432, 454, 530, 534, 535, 538): programs treat them as
        /// "credentials or TLS settings wrong" whatever their first digit, so they are judged by neither reply class.
        /// </summary>
        internal static bool IsAuthentication(long value) =>
            value == 432 || value == 454 || value == 530 || value == 534 || value == 535 || value == 538;

        internal static bool IsDefinedByRfc(long value)
        {
            switch (value)
            {
                // RFC 5321 §4.2.3
                case 211: case 214: case 220: case 221: case 250: case 251: case 252: case 354:
                case 421: case 450: case 451: case 452: case 455:
                case 500: case 501: case 502: case 503: case 504:
                case 550: case 551: case 552: case 553: case 554: case 555:
                // RFC 3207 (STARTTLS) and RFC 4954 (AUTH)
                case 235: case 334: case 432: case 454: case 530: case 534: case 535: case 538:
                // RFC 1985 (ETRN)
                case 253: case 458: case 459:
                // RFC 7504 (521 and 556)
                case 521: case 556:
                    return true;
                default:
                    return false;
            }
        }
    }
}
