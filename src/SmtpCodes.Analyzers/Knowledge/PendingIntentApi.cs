// TEMPORARY: the signatures of the lead's intent model (notes/intent-api.md), with a crude body, until it lands on main.
// Deleted at `git merge main`.
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpCodes.Analyzers.Knowledge
{
    internal enum FailureIntent { Unknown = 0, Retry, GiveUp, HandOn }

    internal enum IntentQuestion { None = 0, Retry, GiveUp, Narrow }

    internal readonly struct IntentSite
    {
        private IntentSite(SyntaxNode decision) => Decision = decision;

        internal static IntentSite ForCatch(CatchClauseSyntax catchClause) => new IntentSite(catchClause);

        internal SyntaxNode Decision { get; }

        internal IntentQuestion Question => IntentQuestion.None;
    }

    internal static class BranchIntent
    {
        internal static FailureIntent Of(SyntaxList<StatementSyntax> statements, in IntentSite site)
        {
            var intent = FailureIntent.Unknown;
            foreach (var statement in statements)
            {
                var one = Of(statement, site);
                if (one == FailureIntent.HandOn || one == FailureIntent.GiveUp)
                {
                    return one;
                }

                if (one == FailureIntent.Retry)
                {
                    intent = one;
                }
            }

            return intent;
        }

        internal static FailureIntent Of(StatementSyntax statement, in IntentSite site)
        {
            var intent = FailureIntent.Unknown;
            foreach (var node in statement.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax))
            {
                switch (node)
                {
                    case ThrowStatementSyntax { Expression: null }:
                        return FailureIntent.HandOn;
                    case ContinueStatementSyntax:
                        intent = FailureIntent.Retry;
                        break;
                    case InvocationExpressionSyntax invocation:
                        var name = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => string.Empty,
                        };
                        if (name.StartsWith("Send") || name.StartsWith("Resend") || name.StartsWith("Requeue") || name == "Sleep" || name == "Delay" || name.StartsWith("Retry"))
                        {
                            intent = FailureIntent.Retry;
                        }

                        if (name.StartsWith("MarkFailed") || name.StartsWith("Bounce"))
                        {
                            return FailureIntent.GiveUp;
                        }

                        break;
                    case IdentifierNameSyntax identifier when OfName(identifier.Identifier.ValueText) is var named && named != FailureIntent.Unknown:
                        if (named == FailureIntent.GiveUp)
                        {
                            return named;
                        }

                        intent = named;
                        break;
                }
            }

            return intent;
        }

        internal static FailureIntent OfName(string identifier) =>
            identifier.Contains("Bounce") || identifier.Contains("Permanent") || identifier.Contains("Failed") ? FailureIntent.GiveUp
            : identifier.StartsWith("Retry") || identifier == "Pending" || identifier.Contains("Transient") || identifier == "Deferred" ? FailureIntent.Retry
            : FailureIntent.Unknown;

        internal static string Describe(SyntaxNode branch) => branch.ToString();
    }

    internal static class PendingApi
    {
        internal const string PermanentFailureRetried = "SMTP007";

        internal static readonly DiagnosticDescriptor SMTP007_PermanentFailureRetried = new DiagnosticDescriptor(
            PermanentFailureRetried,
            "A permanent SMTP failure is retried",
            "{0}; a permanent (5yz) failure cannot succeed when retried",
            "Reliability",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: Descriptors.HelpLink(PermanentFailureRetried));

        internal static bool IsAuthentication(long value) => value is 432 or 454 or 530 or 534 or 535 or 538;
    }
}
