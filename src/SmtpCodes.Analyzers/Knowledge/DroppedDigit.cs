using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The members a number that is no reply code was probably meant to be: the typo of one key pressed too often
    /// (<c>4510</c> for 451, <c>5500</c> for 550). SMTP004's message names them.
    /// </summary>
    internal static class DroppedDigit
    {
        /// <summary>
        /// "; did you mean 451 'SmtpStatusCode.LocalErrorInProcessing'?" when dropping one decimal digit of
        /// <paramref name="value"/> gives a current member of <paramref name="statusEnum"/>, else the empty string.
        /// Several members are named in the order of the digit dropped, rightmost first, each once.
        /// </summary>
        internal static string Suggestion(StatusEnum statusEnum, long value)
        {
            var digits = value.ToString(CultureInfo.InvariantCulture);
            if (value < 1000)
            {
                return string.Empty;
            }

            var seen = new List<long>(digits.Length);
            var named = new List<string>(digits.Length);
            for (var dropped = digits.Length - 1; dropped >= 0; dropped--)
            {
                var rest = digits.Remove(dropped, 1);
                if (rest[0] == '0' || !long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var candidate) || seen.Contains(candidate))
                {
                    continue;
                }

                seen.Add(candidate);
                var names = statusEnum.CurrentNamesOf(candidate);
                if (!names.IsEmpty)
                {
                    named.Add(candidate.ToString(CultureInfo.InvariantCulture) + " '" + names[0].QualifiedName + "'");
                }
            }

            if (named.Count == 0)
            {
                return string.Empty;
            }

            // "451 'A'", "451 'A' or 450 'B'", "451 'A', 450 'B' or 510 'C'".
            var text = new StringBuilder("; did you mean ");
            for (var i = 0; i < named.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : i == named.Count - 1 ? " or " : ", ").Append(named[i]);
            }

            return text.Append('?').ToString();
        }
    }
}
