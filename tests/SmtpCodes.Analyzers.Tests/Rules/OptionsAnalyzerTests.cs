using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Rules.OptionsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using VerifyMagic = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Rules.MagicSmtpCodeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class OptionsAnalyzerTests
    {
        private const string Source = """
            using System.Net.Mail;

            class Handler
            {
                bool Gone(SmtpException ex) => (int)ex.StatusCode == 550;
            }

            namespace Contoso.Mail
            {
                public enum ReplyCode { Ok = 250 }
                public class NotAnEnum { }
            }
            """;

        [Theory]
        [InlineData("maybe")]
        [InlineData("yes")]
        [InlineData("1")]
        [InlineData("")]
        public Task Unreadable_boolean_is_SMTP000(string value)
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.default_counts_as_handled = " + value);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments("smtp_codes.default_counts_as_handled", value, "expected 'true' or 'false'"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("true")]
        [InlineData("FALSE")]
        [InlineData(" True ")]
        public Task Readable_boolean_is_silent(string value)
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.default_counts_as_handled = " + value);
            return test.RunAsync();
        }

        [Fact]
        public Task Unresolved_type_name_is_SMTP000()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.ReplyCode, Contoso.Mail.ReplyCodes");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                "smtp_codes.status_enum_types",
                "Contoso.Mail.ReplyCode, Contoso.Mail.ReplyCodes",
                "'Contoso.Mail.ReplyCodes' does not resolve to one type in this compilation; expected comma-separated metadata names of enums, such as Contoso.Mail.ReplyCode or Contoso.Outer+ReplyCode"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_type_that_is_not_an_enum_is_SMTP000()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.NotAnEnum");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                "smtp_codes.status_enum_types", "Contoso.Mail.NotAnEnum", "'Contoso.Mail.NotAnEnum' is a class, not an enum"));
            return test.RunAsync();
        }

        [Fact]
        public Task Valid_type_names_and_blanks_are_silent()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.ReplyCode, ,System.Net.Mail.SmtpStatusCode");
            return test.RunAsync();
        }

        [Fact]
        public Task Global_analyzer_config_is_read_too()
        {
            var test = Verify.Create(Source);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nsmtp_codes.default_counts_as_handled = sometimes\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments("smtp_codes.default_counts_as_handled", "sometimes", "expected 'true' or 'false'"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_bad_option_does_not_change_what_the_rules_report()
        {
            var test = VerifyMagic.Create("""
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex) => (int)ex.StatusCode == {|SMTP001:550|};
                }
                """);
            test.AddEditorConfig("smtp_codes.status_enum_types = No.Such.Type, , ;", "smtp_codes.default_counts_as_handled = perhaps");
            return test.RunAsync();
        }
    }
}
