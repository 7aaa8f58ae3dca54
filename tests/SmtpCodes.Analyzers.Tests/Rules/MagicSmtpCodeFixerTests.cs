using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, SmtpCodes.Analyzers.Rules.MagicSmtpCodeFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class MagicSmtpCodeFixerTests
    {
        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Cast_becomes_the_member(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            return Verify.VerifyCodeFixAsync(
                $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    {{kind.TypeName}} Gone() => ({{kind.TypeName}}){|SMTP001:550|};
                }
                """,
                $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    {{kind.TypeName}} Gone() => {{kind.TypeName}}.MailboxUnavailable;
                }
                """,
                kind: kind);
        }

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Comparison_unwraps_the_cast_on_either_side(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            return Verify.VerifyCodeFixAsync(
                $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Gone({{kind.TypeName}} status) => (int)status == {|SMTP001:550|};
                    bool Busy({{kind.TypeName}} status) => {|SMTP001:421|} != (long)status;
                }
                """,
                $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Gone({{kind.TypeName}} status) => status == {{kind.TypeName}}.MailboxUnavailable;
                    bool Busy({{kind.TypeName}} status) => {{kind.TypeName}}.{{kind.ServiceNotAvailable}} != status;
                }
                """,
                kind: kind);
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Switch_statement_is_rewritten_whole(LanguageVersion version)
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    const int BadCredentials = 535;

                    string Describe(SmtpException ex)
                    {
                        switch ((int)ex.StatusCode)
                        {
                            case {|SMTP001:421|}: // closing
                            case {|SMTP001:450|}:
                                return "retry";
                            case {|SMTP001:0x226|}:
                                return "gone";
                            case 535:
                            case BadCredentials + 1:
                                return "auth";
                            default:
                                return "other";
                        }
                    }
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    const int BadCredentials = 535;

                    string Describe(SmtpException ex)
                    {
                        switch (ex.StatusCode)
                        {
                            case SmtpStatusCode.ServiceNotAvailable: // closing
                            case SmtpStatusCode.MailboxBusy:
                                return "retry";
                            case SmtpStatusCode.MailboxUnavailable:
                                return "gone";
                            case (SmtpStatusCode)535:
                            case (SmtpStatusCode)(BadCredentials + 1):
                                return "auth";
                            default:
                                return "other";
                        }
                    }
                }
                """,
                version);
        }

        [Fact]
        public Task Switch_expression_with_relational_arms_is_rewritten_whole()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    string Describe(SmtpStatusCode status) => (int)status switch
                    {
                        {|SMTP001:421|} or {|SMTP001:450|} => "retry",
                        {|SMTP001:-1|} => "failure",
                        >= 500 and < 600 => "permanent",
                        _ => "other",
                    };
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    string Describe(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy => "retry",
                        SmtpStatusCode.GeneralFailure => "failure",
                        >= (SmtpStatusCode)500 and < (SmtpStatusCode)600 => "permanent",
                        _ => "other",
                    };
                }
                """);
        }

        [Fact]
        public Task Is_pattern_is_rewritten_whole()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Retry(SmtpException ex) => (int)ex.StatusCode is {|SMTP001:421|} or {|SMTP001:450|} or 455;
                    bool NotGone(SmtpException ex) => (int)ex.StatusCode is not {|SMTP001:550|};
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Retry(SmtpException ex) => ex.StatusCode is SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or (SmtpStatusCode)455;
                    bool NotGone(SmtpException ex) => ex.StatusCode is not SmtpStatusCode.MailboxUnavailable;
                }
                """);
        }

        [Fact]
        public Task A_switch_with_other_patterns_keeps_its_integral_value()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    string Describe(SmtpStatusCode status) => (int)status switch
                    {
                        {|SMTP001:550|} => "gone",
                        var other when other > 500 => "permanent",
                        _ => "other",
                    };
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    string Describe(SmtpStatusCode status) => (int)status switch
                    {
                        (int)SmtpStatusCode.MailboxUnavailable => "gone",
                        var other when other > 500 => "permanent",
                        _ => "other",
                    };
                }
                """);
        }

        [Fact]
        public Task A_local_keeps_its_integral_value()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        return code == {|SMTP001:550|};
                    }
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        return code == (int)SmtpStatusCode.MailboxUnavailable;
                    }
                }
                """);
        }

        [Fact]
        public Task A_nullable_status_keeps_its_integral_value()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpStatusCode? status) => (int)status == {|SMTP001:550|};
                    SmtpStatusCode? Code() => (SmtpStatusCode?){|SMTP001:550|};
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpStatusCode? status) => (int)status == (int)SmtpStatusCode.MailboxUnavailable;
                    SmtpStatusCode? Code() => (SmtpStatusCode?)SmtpStatusCode.MailboxUnavailable;
                }
                """);
        }

        [Fact]
        public Task A_using_is_added_where_the_namespace_is_not_imported()
        {
            return Verify.VerifyCodeFixAsync(
                """
                class Handler
                {
                    bool Gone(System.Net.Mail.SmtpException ex) => (int)ex.StatusCode == {|SMTP001:550|};
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(System.Net.Mail.SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                }
                """);
        }

        [Fact]
        public Task The_type_is_qualified_where_another_of_its_name_is_imported()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using MailKit.Net.Smtp;

                class Handler
                {
                    SmtpClient client = new SmtpClient();
                    bool Gone(System.Net.Mail.SmtpException ex) => (int)ex.StatusCode == {|SMTP001:550|};
                }
                """,
                """
                using MailKit.Net.Smtp;

                class Handler
                {
                    SmtpClient client = new SmtpClient();
                    bool Gone(System.Net.Mail.SmtpException ex) => ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable;
                }
                """);
        }

        [Fact]
        public Task Comments_and_layout_are_kept()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex)
                    {
                        return /* status */ (int)ex.StatusCode ==
                            /* no such user */ {|SMTP001:550|} // never retry
                            ;
                    }
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex)
                    {
                        return /* status */ ex.StatusCode ==
                            /* no such user */ SmtpStatusCode.MailboxUnavailable // never retry
                            ;
                    }
                }
                """);
        }

        [Fact]
        public Task Negative_values_of_aspose()
        {
            return Verify.VerifyCodeFixAsync(
                """
                using Aspose.Email.Clients.Smtp;

                class Handler
                {
                    bool Failed(SmtpStatusCode status) => (int)status == {|SMTP001:-1|};
                    SmtpStatusCode Failure() => (SmtpStatusCode)({|SMTP001:-1|});
                }
                """,
                """
                using Aspose.Email.Clients.Smtp;

                class Handler
                {
                    bool Failed(SmtpStatusCode status) => status == SmtpStatusCode.GeneralFailure;
                    SmtpStatusCode Failure() => SmtpStatusCode.GeneralFailure;
                }
                """,
                kind: StatusEnumKind.Aspose);
        }

        [Theory]
        [InlineData(0, "Accepted")]
        [InlineData(1, "Ok")]
        public Task Each_alias_has_its_own_fix(int index, string name)
        {
            var test = Verify.Create(
                """
                using Contoso.Mail;

                class Handler
                {
                    bool Accepted(ReplyCode code) => (long)code == {|SMTP001:250|};
                    ReplyCode Ok() => (ReplyCode){|SMTP001:250|};
                }
                """,
                $$"""
                using Contoso.Mail;

                class Handler
                {
                    bool Accepted(ReplyCode code) => code == ReplyCode.{{name}};
                    ReplyCode Ok() => ReplyCode.{{name}};
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            test.CodeActionIndex = index;
            test.CodeActionEquivalenceKey = index == 0 ? FixKinds.MagicCodeToMember : FixKinds.MagicCodeToAlias(name);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_all_covers_several_documents()
        {
            var test = Verify.Create(
                """
                using System.Net.Mail;

                class First
                {
                    bool Gone(SmtpException ex) => (int)ex.StatusCode == {|SMTP001:550|};
                    string Describe(SmtpStatusCode status) => (int)status switch { {|SMTP001:421|} => "a", {|SMTP001:450|} => "b", _ => "c" };
                }
                """,
                """
                using System.Net.Mail;

                class First
                {
                    bool Gone(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                    string Describe(SmtpStatusCode status) => status switch { SmtpStatusCode.ServiceNotAvailable => "a", SmtpStatusCode.MailboxBusy => "b", _ => "c" };
                }
                """);
            test.TestState.Sources.Add(("Second.cs", """
                class Second
                {
                    System.Net.Mail.SmtpStatusCode Busy() => (System.Net.Mail.SmtpStatusCode){|SMTP001:450|};
                }
                """));
            test.FixedState.Sources.Add(("Second.cs", """
                using System.Net.Mail;

                class Second
                {
                    System.Net.Mail.SmtpStatusCode Busy() => SmtpStatusCode.MailboxBusy;
                }
                """));
            return test.RunAsync();
        }
    }
}
