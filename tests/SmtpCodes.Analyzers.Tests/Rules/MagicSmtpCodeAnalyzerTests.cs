using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class MagicSmtpCodeAnalyzerTests
    {
        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_context_reports_a_magic_code(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Cast() => Get() == ({{kind.TypeName}}){|SMTP001:550|};

                    bool Equal({{kind.TypeName}} status) => (int)status == {|SMTP001:550|};

                    bool NotEqualLeft({{kind.TypeName}} status) => {|SMTP001:550|} != (int)status;

                    void Statement({{kind.TypeName}} status)
                    {
                        switch ((int)status)
                        {
                            case {|SMTP001:550|}:
                                break;
                            case {|SMTP001:421|}:
                            case >= 500:
                                break;
                        }
                    }

                    string Expression({{kind.TypeName}} status) => (int)status switch
                    {
                        {|SMTP001:550|} => "gone",
                        _ => "other",
                    };

                    bool Pattern({{kind.TypeName}} status) => (int)status is {|SMTP001:421|} or {|SMTP001:550|};

                    bool NotPattern({{kind.TypeName}} status) => (int)status is not {|SMTP001:550|};

                    bool Local({{kind.TypeName}} status)
                    {
                        var code = (int)status;
                        return code == {|SMTP001:550|} || code is {|SMTP001:421|};
                    }

                    static {{kind.TypeName}} Get() => default;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        public static TheoryData<string, string> EnumsAndLiteralForms
        {
            get
            {
                var data = new TheoryData<string, string>();
                foreach (var kind in StatusEnumKind.All)
                {
                    foreach (var literal in new[] { "550", "0x226", "0X226", "5_50", "550L", "550u", "0b10_0010_0110" })
                    {
                        data.Add(kind.Name, literal);
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(EnumsAndLiteralForms))]
        public Task Every_integral_literal_form_is_read(string enumName, string literal)
        {
            var kind = StatusEnumKind.Named(enumName);
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool IsGone({{kind.TypeName}} status) => (long)status == {|SMTP001:{{literal}}|};
                    {{kind.TypeName}} Code() => ({{kind.TypeName}}){|SMTP001:{{literal}}|};
                    bool Case({{kind.TypeName}} status) => (long)status is {|SMTP001:{{literal}}|} or {|SMTP004:0x1_5B3|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task A_parenthesized_literal_is_reported_inside_its_parentheses()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool IsGone(SmtpException ex) => (int)ex.StatusCode == ({|SMTP001:550|});
                    SmtpStatusCode Code() => (SmtpStatusCode)({|SMTP001:550|});
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Theory]
        [InlineData("Aspose", "SMTP001")]
        [InlineData("System.Net.Mail", "SMTP001")]
        [InlineData("MailKit", "SMTP004")]
        [InlineData("SmtpServer", "SMTP004")]
        public Task Minus_one_is_judged_by_each_enum(string enumName, string expected)
        {
            // GeneralFailure = -1 in Aspose and System.Net.Mail; MailKit and SmtpServer have no such member.
            var kind = StatusEnumKind.Named(enumName);
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Failed({{kind.TypeName}} status) => (int)status == {|{{expected}}:-1|};
                    {{kind.TypeName}} Failure() => ({{kind.TypeName}})({|{{expected}}:-1|});
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Invalid_values_of_each_enum_are_SMTP004(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Typo({{kind.TypeName}} status) => (int)status == {|SMTP004:5500|};
                    {{kind.TypeName}} Http() => ({{kind.TypeName}}){|SMTP004:404|};
                    string Made(up {{kind.TypeName}} status) => (int)status switch { {|SMTP004:666|} => "?", _ => "" };
                }
                """.Replace("Made(up ", "MadeUp(");
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task Negative_and_zero_values_are_members_of_aspose()
        {
            var source = """
                using Aspose.Email.Clients.Smtp;

                class Handler
                {
                    bool Failed(SmtpStatusCode status) => (int)status == {|SMTP001:-1|};
                    bool Undefined(SmtpStatusCode status) => (int)status == {|SMTP001:0|};
                    SmtpStatusCode Failure() => (SmtpStatusCode)({|SMTP001:-1|});
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, StatusEnumKind.Aspose);
        }

        [Fact]
        public Task Message_names_the_member()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool IsGone(SmtpException ex) => (int)ex.StatusCode == 550;
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP001").WithSpan(5, 60, 5, 63).WithArguments("550", "SmtpStatusCode.MailboxUnavailable").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Theory]
        [InlineData("5500")]
        [InlineData("404")]
        [InlineData("666")]
        [InlineData("200")]
        public Task Values_that_are_no_smtp_code_are_SMTP004(string value)
        {
            var source = $$"""
                using System.Net.Mail;

                class Handler
                {
                    bool Check(SmtpException ex) => (int)ex.StatusCode == {|SMTP004:{{value}}|};
                    SmtpStatusCode Code() => (SmtpStatusCode){|SMTP004:{{value}}|};
                    bool Case(SmtpStatusCode status) => (int)status is {|SMTP004:{{value}}|} or {|SMTP001:550|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task SMTP004_message_names_the_value_and_enum()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    SmtpStatusCode Code() => (SmtpStatusCode)404;
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP004").WithSpan(5, 46, 5, 49).WithArguments("404", "SmtpStatusCode", string.Empty));
        }

        [Fact]
        public Task A_reply_code_the_enum_lacks_is_neither_SMTP001_nor_SMTP004()
        {
            // System.Net.Mail has no member for 535 (RFC 4954), 555 or 521: real codes, nothing to replace them with.
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool BadCredentials(SmtpException ex) => (int)ex.StatusCode == 535;
                    bool Rejected(SmtpStatusCode status) => (int)status is 555 or 521;
                    SmtpStatusCode Code() => (SmtpStatusCode)535;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task The_same_number_is_judged_by_each_enum()
        {
            // 535 has a member in MailKit, none in System.Net.Mail; 101 is SmtpServer's own member and no RFC code.
            var source = """
                class Handler
                {
                    bool MailKit(MailKit.Net.Smtp.SmtpStatusCode status) => (int)status == {|SMTP001:535|};
                    bool Bcl(System.Net.Mail.SmtpStatusCode status) => (int)status == 535;
                    bool Server(SmtpServer.Protocol.SmtpReplyCode code) => (int)code == {|SMTP001:101|};
                    bool BclUnknown(System.Net.Mail.SmtpStatusCode status) => (int)status == {|SMTP004:101|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Places_that_are_no_smtp_code_context_stay_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    const int Busy = 450;

                    bool Relational(SmtpException ex) => (int)ex.StatusCode >= 500 && (int)ex.StatusCode < 600;
                    bool EnumRelational(SmtpStatusCode code) => code < (SmtpStatusCode)300 == false;
                    bool Named(SmtpException ex) => (int)ex.StatusCode == Busy;
                    SmtpStatusCode NamedCast() => (SmtpStatusCode)Busy;
                    bool Member(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                    bool NoEnum(int httpStatus) => httpStatus == 550 || httpStatus == 404;
                    SmtpStatusCode NotConstant(int value) => (SmtpStatusCode)value;
                    bool Narrowing(SmtpStatusCode code) => (byte)code == 38;
                    bool Arithmetic(SmtpStatusCode code) => (int)code + 1 == 551;
                    bool RangePattern(SmtpStatusCode code) => (int)code is >= 400 and < 500;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Relational_class_check_on_a_cast_enum_stays_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Permanent(SmtpStatusCode code) => code >= (SmtpStatusCode)500 || code < (SmtpStatusCode)300;
                    bool Transient(SmtpStatusCode code) => code is >= (SmtpStatusCode)400 and < (SmtpStatusCode)500;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_local_written_from_elsewhere_is_no_context()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Reassigned(SmtpStatusCode status, int other)
                    {
                        var code = (int)status;
                        code = other;
                        return code == 550;
                    }

                    bool Incremented(SmtpStatusCode status)
                    {
                        var code = (int)status;
                        code++;
                        return code == 550;
                    }

                    bool AssignedAnotherStatus(SmtpStatusCode status, SmtpStatusCode second)
                    {
                        var code = (int)status;
                        if (code == {|SMTP001:421|}) code = (int)second;
                        return code == {|SMTP001:550|};
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_local_declared_in_a_switch_section_is_written_in_any_later_section()
        {
            // The local's scope is the whole switch block, not the section that declares it.
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Classify(SmtpException ex, int kind)
                    {
                        switch (kind)
                        {
                            case 1:
                                var code = (int)ex.StatusCode;
                                return code == 550;
                            default:
                                code = 404;
                                return code == 550;
                        }
                    }

                    bool NotWrittenElsewhere(SmtpException ex, int kind)
                    {
                        switch (kind)
                        {
                            case 1:
                                var code = ((int)ex.StatusCode)!;
                                return code == {|SMTP001:550|};
                            default:
                                return false;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Code_under_line_hidden_is_not_reported()
        {
            // What a generator hides (Razor, XAML): the user can neither read nor fix it. The driver does not analyse a
            // method holding hidden lines, for rules that do not analyse generated code: this guards that setting.
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Hidden(SmtpStatusCode status)
                    {
                #line hidden
                        if ((int)status == 550) return true;
                #line default
                        return (int)status == 421;
                    }

                    bool Visible(SmtpStatusCode status) => (int)status == {|SMTP001:421|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_nullable_status_is_a_context()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpStatusCode? status) => (int)status == {|SMTP001:550|};
                    SmtpStatusCode? Code() => (SmtpStatusCode?){|SMTP001:550|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_long_based_enum_from_the_option_is_compared_through_its_underlying_type()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Gone(ReplyCode code) => (long)code == {|SMTP001:550|};
                    bool Narrowed(ReplyCode code) => (int)code == 550;
                    ReplyCode Accepted() => (ReplyCode){|SMTP001:250|};
                    ReplyCode Unknown() => (ReplyCode){|SMTP004:5500L|};
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            return test.RunAsync();
        }

        [Fact]
        public Task Without_the_option_a_users_enum_is_no_status_enum()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Gone(ReplyCode code) => (long)code == 550;
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            return test.RunAsync();
        }

        [Fact]
        public Task Obsolete_names_are_not_offered()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Busy(Codes code) => (int)code == {|SMTP001:450|};
                    bool OnlyObsolete(Codes code) => (int)code == 451;
                }
                """);
            test.AddSource("Codes.cs", """
                namespace Contoso.Mail
                {
                    public enum Codes
                    {
                        [System.Obsolete] Busy = 450,
                        MailboxBusy = 450,
                        [System.Obsolete] LocalError = 451,
                    }
                }
                """);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.Codes");
            test.ExpectedDiagnostics.Clear();
            test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP001").WithSpan(5, 43, 5, 46).WithArguments("450", "Codes.MailboxBusy").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            test.TestState.MarkupHandling = MarkupMode.Ignore;
            return test.RunAsync();
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Contexts_of_each_language_version(LanguageVersion version)
        {
            var patterns = version >= LanguageVersion.CSharp9
                ? "bool Pattern(SmtpStatusCode s) => (int)s is {|SMTP001:421|} or {|SMTP001:450|};"
                : "bool Pattern(SmtpStatusCode s) => (int)s is {|SMTP001:421|};";
            var source = $$"""
                using System.Net.Mail;

                class Handler
                {
                    bool Equal(SmtpException ex) => (int)ex.StatusCode == {|SMTP001:550|};
                    {{patterns}}

                    void Statement(SmtpStatusCode s)
                    {
                        switch ((int)s)
                        {
                            case {|SMTP001:550|}:
                            case {|SMTP004:5500|}:
                                break;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, version, null);
        }

        [Fact]
        public Task Top_level_statements_locals_are_followed()
        {
            var test = Verify.Create("""
                using System.Net.Mail;

                var status = SmtpStatusCode.Ok;
                var code = (int)status;
                System.Console.WriteLine(code == {|SMTP001:550|});
                """);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }
    }
}
