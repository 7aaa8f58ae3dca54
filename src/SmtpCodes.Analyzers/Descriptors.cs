using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers
{
    /// <summary>Every <see cref="DiagnosticDescriptor"/> of the package, built by one factory.</summary>
    internal static class Descriptors
    {
        /// <summary>Where the rule pages are read on the web: RepositoryFileUrl of Directory.Build.props, then <c>docs/rules/</c>.</summary>
        internal const string HelpLinkBase = RepositoryFiles.BaseUrl + "docs/rules/";

        /// <summary>The help link of a rule: its page, <c>docs/rules/SMTP001.md</c>.</summary>
        internal static string HelpLink(string id) => HelpLinkBase + id + ".md";

        internal static readonly DiagnosticDescriptor SMTP000_InvalidOption = Create(
            DiagnosticIds.InvalidOption,
            "An smtp_codes option is unknown or has a value that cannot be read",
            "The option '{0}' {1}; {2}",
            Categories.Configuration,
            "An option in .editorconfig or a global AnalyzerConfig file that the analyzers cannot use: a key that is none of theirs (a typo leaves the option you meant off), a value they cannot read, or a name in smtp_codes.status_enum_types that is no enum. The message says what is used instead; fix the option to get the behaviour you asked for.",
            WellKnownDiagnosticTags.CompilationEnd);

        internal static readonly DiagnosticDescriptor SMTP001_MagicStatusCode = Create(
            DiagnosticIds.MagicStatusCode,
            "Use the status enum member instead of a magic SMTP code",
            "Use '{1}' instead of the magic SMTP code {0}",
            Categories.Maintainability,
            "A bare number stands where the status enum has a member with that value. The member says what the code means, and a typo in it does not compile.");

        internal static readonly DiagnosticDescriptor SMTP002_MissingTransientCodes = Create(
            DiagnosticIds.MissingTransientCodes,
            "A switch over an SMTP status does not handle every transient (4yz) code",
            "The switch on '{0}' does not handle the transient (4yz) codes {1}; {2}",
            Categories.Reliability,
            "A 4yz reply means 'try again later'. A switch that handles some transient codes and lets the others fall into a default branch, or fall through, treats them as something else: usually as a bounce, and the mail is lost. A default branch counts as handling them where it retries them or hands the failure on, or where smtp_codes.default_counts_as_handled is true. Authentication codes (432, 454) are judged by neither class and never asked for.");

        internal static readonly DiagnosticDescriptor SMTP003_MissingPermanentCodes = Create(
            DiagnosticIds.MissingPermanentCodes,
            "A switch over an SMTP status does not handle every permanent (5yz) code",
            "The switch on '{0}' does not handle the permanent (5yz) codes {1}; {2}",
            Categories.Reliability,
            "A 5yz reply means 'do not retry'. A switch that handles some permanent codes and lets the others fall into a default branch, or fall through, treats them as something else: usually as a retry, and the client hammers the server forever. A default branch counts as handling them where it gives up on them or hands the failure on, or where smtp_codes.default_counts_as_handled is true. Authentication codes (530, 534, 535, 538) are judged by neither class and never asked for.");

        internal static readonly DiagnosticDescriptor SMTP004_UnknownStatusCode = Create(
            DiagnosticIds.UnknownStatusCode,
            "The value is not an SMTP reply code",
            "{0} is neither a member of '{1}' nor an SMTP reply code defined by the RFCs{2}",
            Categories.Correctness,
            "The number is compared with, or converted to, an SMTP status but no SMTP server sends it: a typo, an HTTP status in the wrong place, or a made-up value. The comparison can never be true.");

        internal static readonly DiagnosticDescriptor SMTP005_MixedReplyClasses = Create(
            DiagnosticIds.MixedReplyClasses,
            "Transient and permanent SMTP codes share one branch",
            "{0}; handle them separately",
            Categories.Reliability,
            "A 4yz reply is transient: the same request may succeed later. A 5yz reply is permanent: repeating the request cannot succeed (RFC 5321 §4.2.1). One branch that handles both, or branches that do the same, either retries what can never succeed or gives up on what would. Authentication codes (432, 454, 530, 534, 535, 538) belong to neither class, and a branch that hands the failure on to its caller decides nothing.");

        internal static readonly DiagnosticDescriptor SMTP006_StatusReadFromMessage = Create(
            DiagnosticIds.StatusReadFromMessage,
            "Do not read the SMTP status from the exception's message",
            "The SMTP status is read from the message text in '{0}'; test '{1}' instead",
            Categories.Reliability,
            "The exception carries the reply as a typed status. Its message is text meant for people: servers and libraries word it as they like, and a number in it may be anything. RFC 5321 §4.2: a client decides by the reply code, not the text.");

        internal static readonly DiagnosticDescriptor SMTP007_PermanentFailureRetried = Create(
            DiagnosticIds.PermanentFailureRetried,
            "A failure that may be permanent is retried",
            "{0}; a permanent (5yz) failure cannot succeed when retried",
            Categories.Reliability,
            "A 5yz reply is permanent: the server refused the message for good (no such user, policy rejection, relaying denied), and sending it again cannot succeed (RFC 5321 §4.2.1). Each retry wastes a delivery slot, delays the bounce the sender needs, and, repeated across a queue, gets the sending address rate-limited or listed. The exception in hand carries the status: retry the transient (4yz) failures only.");

        internal static readonly DiagnosticDescriptor SMTP008_TransientFailureGivenUp = Create(
            DiagnosticIds.TransientFailureGivenUp,
            "A transient SMTP failure is given up",
            "'{0}' ({1}, transient) is given up by {2}; a 4yz reply means try again later",
            Categories.Reliability,
            "A 4yz reply is transient: the server asks the client to try again later (a busy mailbox, a greylisting delay, a local error), and the same message usually goes through on a later attempt (RFC 5321 §4.2.1). Treating it as a bounce loses mail that would have been delivered.");

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, string description, params string[] customTags) =>
            new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                DiagnosticSeverity.Warning,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: customTags);

        private static class Categories
        {
            internal const string Configuration = "Configuration";
            internal const string Maintainability = "Maintainability";
            internal const string Correctness = "Correctness";
            internal const string Reliability = "Reliability";
        }
    }
}
