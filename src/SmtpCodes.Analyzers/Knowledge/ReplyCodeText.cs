namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Reply codes written as text, the way a server's reply starts (RFC 5321 §4.2: <c>Reply-code = %x32-35 %x30-35 %x30-39</c>,
    /// then a space or, in a multiline reply, a hyphen).
    /// </summary>
    internal static class ReplyCodeText
    {
        /// <summary>
        /// True for <c>"550"</c>, <c>"550 5.1.1 unknown user"</c>, <c>"550-"</c>: a reply code alone or followed by a space
        /// or a hyphen. False for <c>"5500"</c>, <c>"Mailbox"</c>, <c>"5.1.1"</c>, <c>"650"</c>.
        /// </summary>
        internal static bool TryRead(string? text, out long code)
        {
            code = 0;
            if (text is null || text.Length < 3)
            {
                return false;
            }

            char first = text[0], second = text[1], third = text[2];
            if (first < '2' || first > '5' || second < '0' || second > '5' || third < '0' || third > '9')
            {
                return false;
            }

            if (text.Length > 3 && text[3] != ' ' && text[3] != '-')
            {
                return false;
            }

            code = ((first - '0') * 100) + ((second - '0') * 10) + (third - '0');
            return true;
        }

        /// <summary>
        /// <see cref="TryRead"/> for a searched text or a regular expression's pattern (its <c>^</c> already removed), where
        /// the code may also end with a whitespace class: <c>"550\s+5\.1\.1"</c>.
        /// </summary>
        internal static bool TryRead(string? text, bool isPattern, out long code) =>
            TryRead(isPattern && text is { Length: > 4 } && text[3] == '\\' && text[4] == 's' ? text.Substring(0, 3) : text, out code);

        /// <summary>
        /// What a text holds after its reply code and the space or hyphen that ends it: <c>5.1.1</c> of <c>"550 5.1.1"</c>;
        /// in a pattern also after <c>\s</c>, <c>\s+</c> or <c>\s*</c>. Empty when nothing follows. Only for a text
        /// <see cref="TryRead(string?, bool, out long)"/> accepts.
        /// </summary>
        internal static string TextAfterCode(string text, bool isPattern)
        {
            var index = 3;
            while (index < text.Length)
            {
                if (text[index] == ' ' || text[index] == '-')
                {
                    index++;
                }
                else if (isPattern && index + 1 < text.Length && text[index] == '\\' && text[index + 1] == 's')
                {
                    index += index + 2 < text.Length && (text[index + 2] == '+' || text[index + 2] == '*') ? 3 : 2;
                }
                else
                {
                    break;
                }
            }

            return index < text.Length ? text.Substring(index) : string.Empty;
        }

        /// <summary>True for a reply class written as its first digit alone: <c>"4"</c>, <c>"5"</c> (<c>StartsWith("5")</c>).</summary>
        internal static bool IsReplyClass(string? text) => text is { Length: 1 } && text[0] >= '2' && text[0] <= '5';
    }
}
