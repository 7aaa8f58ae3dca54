using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Rules.OptionsAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using VerifyMagic = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

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
                public enum GatewayReply { Busy = 450 }
                public class NotAnEnum { }
            }
            """;

        private const string StatusEnumTypes = "smtp_codes.status_enum_types";

        private const string ExpectedTypeNames = "expected metadata names of enums, such as Contoso.Mail.ReplyCode or Contoso.Outer+ReplyCode";

        private static DiagnosticResult Unresolved(string name, string outcome) =>
            Verify.Diagnostic("SMTP000").WithArguments(StatusEnumTypes, $"names '{name}', which does not resolve to one type in this compilation ({ExpectedTypeNames})", outcome);

        private static DiagnosticResult UnknownKey(string key, string nearest) =>
            Verify.Diagnostic("SMTP000").WithArguments(key, $"is not an option of SmtpCodes.Analyzers (did you mean '{nearest}'?)", "it is ignored");

        /// <summary>A project whose files sit in src/ and tests/, for .editorconfig sections that give each its own value.</summary>
        private static Verify.Test TwoFolders()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/src/A.cs", Source));
            test.TestState.Sources.Add(("/tests/B.cs", "class B { }"));
            return test;
        }

        [Theory]
        [InlineData("maybe")]
        [InlineData("yes")]
        [InlineData("1")]
        [InlineData("")]
        public Task Unreadable_boolean_is_SMTP000(string value)
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.default_counts_as_handled = " + value);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                "smtp_codes.default_counts_as_handled",
                $"has the value '{value}', which cannot be read (expected 'true' or 'false')",
                "the default, false, is used instead"));
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
        public Task Unresolved_type_name_is_SMTP000_saying_the_resolved_names_are_used()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.ReplyCode, Contoso.Mail.ReplyCodes");
            test.ExpectedDiagnostics.Add(Unresolved("Contoso.Mail.ReplyCodes", "'Contoso.Mail.ReplyCodes' is ignored, and 'Contoso.Mail.ReplyCode' is used"));
            return test.RunAsync();
        }

        [Fact]
        public Task Each_bad_name_of_one_value_is_its_own_SMTP000_naming_only_itself()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.GatewayReply, Nope.Missing, Contoso.Mail.NotAnEnum, Contoso.Mail.ReplyCode, Also.Missing");
            const string Used = "and 'Contoso.Mail.GatewayReply' and 'Contoso.Mail.ReplyCode' are used";
            test.ExpectedDiagnostics.Add(Unresolved("Nope.Missing", "'Nope.Missing' is ignored, " + Used));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                StatusEnumTypes, $"names 'Contoso.Mail.NotAnEnum', which is a class, not an enum ({ExpectedTypeNames})", "'Contoso.Mail.NotAnEnum' is ignored, " + Used));
            test.ExpectedDiagnostics.Add(Unresolved("Also.Missing", "'Also.Missing' is ignored, " + Used));
            return test.RunAsync();
        }

        [Fact]
        public Task A_bad_name_in_several_values_is_reported_once_and_the_names_of_every_value_are_used()
        {
            var test = TwoFolders();
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[src/*.cs]\nsmtp_codes.status_enum_types = Nope.Missing, Contoso.Mail.ReplyCode\n\n[tests/*.cs]\nsmtp_codes.status_enum_types = Contoso.Mail.GatewayReply,Nope.Missing\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nsmtp_codes.status_enum_types = Nope.Missing\n"));
            test.ExpectedDiagnostics.Add(Unresolved("Nope.Missing", "'Nope.Missing' is ignored, and 'Contoso.Mail.ReplyCode' and 'Contoso.Mail.GatewayReply' are used"));
            return test.RunAsync();
        }

        [Fact]
        public Task Only_bad_names_leave_no_enum_of_your_own()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.NotAnEnum");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                StatusEnumTypes, $"names 'Contoso.Mail.NotAnEnum', which is a class, not an enum ({ExpectedTypeNames})", "'Contoso.Mail.NotAnEnum' is ignored, and no enum of your own is used"));
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
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                "smtp_codes.default_counts_as_handled", "has the value 'sometimes', which cannot be read (expected 'true' or 'false')", "the default, false, is used instead"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("smtp_codes.default_count_as_handled = true", "smtp_codes.default_count_as_handled", "smtp_codes.default_counts_as_handled")]
        [InlineData("smtp_codes.additional_reply_code = 511, 571", "smtp_codes.additional_reply_code", "smtp_codes.additional_reply_codes")]
        [InlineData("smtp_code.status_enum_types = Contoso.Mail.ReplyCode", "smtp_code.status_enum_types", "smtp_codes.status_enum_types")]
        [InlineData("smtp-codes.status_enum_types = Contoso.Mail.ReplyCode", "smtp-codes.status_enum_types", "smtp_codes.status_enum_types")]
        [InlineData("smtp_codes.enum_types = Contoso.Mail.ReplyCode", "smtp_codes.enum_types", "smtp_codes.status_enum_types")]
        [InlineData("Smtp_Codes.Default_Counts_As_Handeld = true", "smtp_codes.default_counts_as_handeld", "smtp_codes.default_counts_as_handled")]
        public Task A_typo_in_a_key_is_SMTP000_naming_the_nearest_key(string line, string key, string nearest)
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig(line);
            test.ExpectedDiagnostics.Add(UnknownKey(key, nearest));
            return test.RunAsync();
        }

        [Fact]
        public Task A_typo_in_a_global_analyzer_config_key_is_SMTP000_too()
        {
            var test = Verify.Create(Source);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nsmtp_codes.default_count_as_handled = true\n"));
            test.ExpectedDiagnostics.Add(UnknownKey("smtp_codes.default_count_as_handled", "smtp_codes.default_counts_as_handled"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_typo_in_several_sections_is_reported_once()
        {
            var test = TwoFolders();
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[src/*.cs]\nsmtp_codes.default_count_as_handled = true\n\n[tests/*.cs]\nsmtp_codes.default_count_as_handled = false\n"));
            test.ExpectedDiagnostics.Add(UnknownKey("smtp_codes.default_count_as_handled", "smtp_codes.default_counts_as_handled"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_key_far_from_every_option_lists_the_options()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig("smtp_codes.colour = red");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP000").WithArguments(
                "smtp_codes.colour",
                "is not an option of SmtpCodes.Analyzers (the options are smtp_codes.status_enum_types, smtp_codes.default_counts_as_handled, smtp_codes.additional_reply_codes)",
                "it is ignored"));
            return test.RunAsync();
        }

        [Fact]
        public Task Known_keys_in_any_case_and_other_tools_keys_are_silent()
        {
            var test = Verify.Create(Source);
            test.AddEditorConfig(
                "SMTP_CODES.Default_Counts_As_Handled = true",
                "smtp_codes.additional_reply_codes = 511",
                "dotnet_diagnostic.SMTP001.severity = error",
                "dotnet_diagnostic.smtp_codes.severity = none",
                "smtpserver.port = 25",
                "mailkit.timeout = 30",
                "indent_size = 4",
                "smtp_codes = true");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.smtp_codes = x\nsmtp_codes.status_enum_types = Contoso.Mail.ReplyCode\n"));
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
            test.AddEditorConfig("smtp_codes.status_enum_types = No.Such.Type, , ;", "smtp_codes.default_counts_as_handled = perhaps", "smtp_codes.default_count_as_handled = true");
            return test.RunAsync();
        }
    }
}
