using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers
{
    /// <summary>The pieces of the lightbulb titles of the decision fixes, which say what the program will do afterwards.</summary>
    internal static class FixTitles
    {
        private const int ShownCodes = 6;

        /// <summary><c>421, 450, 451</c>; past six, <c>500, 501, 502, 503, 504, 530 and 8 more</c>.</summary>
        internal static string Codes(IReadOnlyList<long> codes)
        {
            var text = new StringBuilder();
            for (var i = 0; i < codes.Count && i < ShownCodes; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(codes[i].ToString(CultureInfo.InvariantCulture));
            }

            if (codes.Count > ShownCodes)
            {
                text.Append(" and ").Append((codes.Count - ShownCodes).ToString(CultureInfo.InvariantCulture)).Append(" more");
            }

            return text.ToString();
        }

        /// <summary>
        /// SMTP002/SMTP003: what a branch that retries or gives up will do with the codes a fix adds to it, as the title's
        /// verb ("Retry 451, 452 like MailboxBusy"); "Handle" where the analyzer does not know. The words of the message.
        /// </summary>
        internal static string Verb(string? intent) => intent switch
        {
            "Retry" => "Retry",
            "GiveUp" => "Give up on",
            _ => "Handle",
        };

        /// <summary>SMTP002/SMTP003: what the codes' place does with them today, "giving up on them" (in default); null where not known.</summary>
        internal static string? Doing(string? intent) => intent switch
        {
            "Retry" => "retrying them",
            "GiveUp" => "giving up on them",
            _ => null,
        };

        /// <summary>SMTP002/SMTP003: the same, as the message says it: "gives up on them"; null where not known.</summary>
        internal static string? Does(string? intent) => intent switch
        {
            "Retry" => "retries them",
            "GiveUp" => "gives up on them",
            _ => null,
        };

        /// <summary>The value of a constant label or pattern, when it is an integral or enum constant.</summary>
        internal static bool TryGetCode(SemanticModel model, ExpressionSyntax expression, out long code)
        {
            var constant = model.GetConstantValue(expression);
            code = 0;
            return constant.HasValue && IntegralConstants.TryToInt64(constant.Value, out code);
        }

        /// <summary>A label's or pattern's name as a title shows it: <c>MailboxBusy</c> for a member, the text in quotes otherwise.</summary>
        internal static string Name(SyntaxNode node)
        {
            switch (node)
            {
                case CaseSwitchLabelSyntax label:
                    return Name(label.Value);
                case CasePatternSwitchLabelSyntax patternLabel:
                    return Name(patternLabel.Pattern);
                case BinaryPatternSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OrPattern):
                    return Name(binary.Left);
                case ParenthesizedPatternSyntax parenthesized:
                    return Name(parenthesized.Pattern);
                case ConstantPatternSyntax constant:
                    return Name(constant.Expression);
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                default:
                    var text = node.ToString();
                    return "'" + (text.Length > 40 ? text.Substring(0, 39) + "…" : text) + "'";
            }
        }
    }
}
