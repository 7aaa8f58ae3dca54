using System.Threading.Tasks;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using VerifyMagic = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using VerifyOptions = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Rules.OptionsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary><c>smtp_codes.additional_reply_codes</c>: codes real servers send beyond the RFCs, which SMTP004 then accepts.</summary>
    public class AdditionalReplyCodesTests
    {
        private const string Key = "smtp_codes.additional_reply_codes";

        private const string Expected = "expected comma-separated codes from 200 to 599, such as 511, 571";

        [Fact]
        public Task Listed_codes_are_accepted_and_others_still_reported()
        {
            var test = VerifyMagic.Create("""
                using System.Net.Mail;

                class Handler
                {
                    bool Blocked(SmtpException ex) => (int)ex.StatusCode == 571 || (int)ex.StatusCode == 511;

                    SmtpStatusCode Cast() => (SmtpStatusCode)571;

                    bool Typo(SmtpException ex) => (int)ex.StatusCode == {|SMTP004:5500|} || (int)ex.StatusCode == {|SMTP004:572|};
                }
                """);
            test.AddEditorConfig(Key + " = 511, 571");
            return test.RunAsync();
        }

        [Fact]
        public Task Without_the_option_such_codes_are_SMTP004()
        {
            var test = VerifyMagic.Create("""
                using System.Net.Mail;

                class Handler
                {
                    bool Blocked(SmtpException ex) => (int)ex.StatusCode == {|SMTP004:571|};
                }
                """);
            return test.RunAsync();
        }

        [Fact]
        public Task An_unreadable_list_is_ignored_by_SMTP004()
        {
            var test = VerifyMagic.Create("""
                using System.Net.Mail;

                class Handler
                {
                    bool Blocked(SmtpException ex) => (int)ex.StatusCode == {|SMTP004:571|};
                }
                """);
            test.AddEditorConfig(Key + " = 571, five-eleven");
            return test.RunAsync();
        }

        [Theory]
        [InlineData("511, 5710", "5710")]
        [InlineData("abc", "abc")]
        [InlineData("199", "199")]
        [InlineData("600", "600")]
        [InlineData("51", "51")]
        [InlineData("511 571", "511 571")]
        public Task A_bad_value_is_SMTP000(string value, string invalid)
        {
            var test = VerifyOptions.Create("class Handler { }");
            test.AddEditorConfig(Key + " = " + value);
            test.ExpectedDiagnostics.Add(VerifyOptions.Diagnostic("SMTP000").WithArguments(
                Key,
                $"has the value '{value}', which cannot be read ('{invalid}' is not a three-digit reply code; {Expected})",
                "the whole list is ignored, so SMTP004 accepts none of its codes"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("511, 571")]
        [InlineData(" 571 ,")]
        [InlineData("")]
        public Task A_readable_value_is_silent(string value)
        {
            var test = VerifyOptions.Create("class Handler { }");
            test.AddEditorConfig(Key + " = " + value);
            return test.RunAsync();
        }
    }
}
