using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>SMTP004's message names the member a number becomes with one digit less (a key pressed once too often).</summary>
    public class UnknownStatusCodeSuggestionTests
    {
        [Theory]
        [InlineData("System.Net.Mail", "4510", "; did you mean 451 'SmtpStatusCode.LocalErrorInProcessing' or 450 'SmtpStatusCode.MailboxBusy'?")]
        [InlineData("System.Net.Mail", "4051", "; did you mean 451 'SmtpStatusCode.LocalErrorInProcessing'?")]
        [InlineData("System.Net.Mail", "5500", "; did you mean 550 'SmtpStatusCode.MailboxUnavailable' or 500 'SmtpStatusCode.CommandUnrecognized'?")]
        [InlineData("Aspose", "4510", "; did you mean 451 'SmtpStatusCode.LocalErrorInProcessing' or 450 'SmtpStatusCode.MailboxBusy'?")]
        [InlineData("Aspose", "5500", "; did you mean 550 'SmtpStatusCode.MailboxUnavailable' or 500 'SmtpStatusCode.CommandUnrecognized'?")]
        [InlineData("MailKit", "4510", "; did you mean 451 'SmtpStatusCode.ErrorInProcessing' or 450 'SmtpStatusCode.MailboxBusy'?")]
        [InlineData("MailKit", "5500", "; did you mean 550 'SmtpStatusCode.MailboxUnavailable' or 500 'SmtpStatusCode.CommandUnrecognized'?")]
        [InlineData("SmtpServer", "4510", "; did you mean 451 'SmtpReplyCode.Aborted', 450 'SmtpReplyCode.Unavailable' or 510 'SmtpReplyCode.BadEmailAddress'?")]
        [InlineData("SmtpServer", "5500", "; did you mean 550 'SmtpReplyCode.MailboxUnavailable' or 500 'SmtpReplyCode.CommandUnrecognized'?")]
        public Task A_number_one_digit_too_long_names_the_members_it_may_mean(string enumName, string value, string suggestion)
        {
            var kind = StatusEnumKind.Named(enumName);
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Typo({{kind.TypeName}} status) => (int)status == {{value}};
                }
                """;
            var column = 56 + kind.TypeName.Length - "SmtpStatusCode".Length;
            return Verify.VerifyAnalyzerAsync(
                source,
                LanguageVersion.Latest,
                kind,
                Verify.Diagnostic("SMTP004").WithSpan(5, column, 5, column + value.Length).WithArguments(value, kind.TypeName, suggestion));
        }

        [Theory]
        [InlineData("666")]
        [InlineData("404")]
        [InlineData("9999")]
        [InlineData("45100")]
        [InlineData("1051")]
        public Task No_member_one_digit_away_adds_nothing(string value)
        {
            // 1051 without its 1 is 051: a leading zero is not a number anyone typed.
            var source = $$"""
                using System.Net.Mail;

                class Handler
                {
                    bool Typo(SmtpStatusCode status) => (int)status == {{value}};
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP004").WithSpan(5, 56, 5, 56 + value.Length).WithArguments(value, "SmtpStatusCode", string.Empty));
        }
    }
}
