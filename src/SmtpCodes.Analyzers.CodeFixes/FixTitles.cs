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
