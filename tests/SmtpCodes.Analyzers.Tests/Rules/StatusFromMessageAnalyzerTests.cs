using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.StatusFromMessageAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class StatusFromMessageAnalyzerTests
    {
        /// <summary>Every exception type whose static type carries a status, with the namespace it lives in.</summary>
        public static TheoryData<string, string> ExceptionTypes => new()
        {
            { "System.Net.Mail", "SmtpException" },
            { "System.Net.Mail", "SmtpFailedRecipientException" },
            { "System.Net.Mail", "SmtpFailedRecipientsException" },
            { "MailKit.Net.Smtp", "SmtpCommandException" },
            { "SmtpServer.Protocol", "SmtpResponseException" },
        };

        [Theory]
        [MemberData(nameof(ExceptionTypes))]
        public Task Every_text_test_of_the_message_reports(string @namespace, string exceptionType)
        {
            var source = $$"""
                using System;
                using System.Text.RegularExpressions;
                using {{@namespace}};

                class Handler
                {
                    bool Contains({{exceptionType}} ex) => {|SMTP006:ex.Message.Contains("550")|};
                    bool StartsWith({{exceptionType}} ex) => {|SMTP006:ex.Message.StartsWith("550 5.1.1", StringComparison.Ordinal)|};
                    bool EndsWith({{exceptionType}} ex) => {|SMTP006:ex.Message.EndsWith("421")|};
                    bool IndexOf({{exceptionType}} ex) => {|SMTP006:ex.Message.IndexOf("550-")|} >= 0;
                    bool Equals({{exceptionType}} ex) => {|SMTP006:ex.Message.Equals("550")|};
                    bool StaticEquals({{exceptionType}} ex) => {|SMTP006:string.Equals("550", ex.Message)|};
                    bool ConstantFirst({{exceptionType}} ex) => {|SMTP006:"450".Equals(ex.Message)|};
                    bool Operator({{exceptionType}} ex) => {|SMTP006:ex.Message == "550"|};
                    bool IsMatch({{exceptionType}} ex) => {|SMTP006:Regex.IsMatch(ex.Message, "^550")|};
                    bool Match({{exceptionType}} ex) => {|SMTP006:Regex.Match(ex.Message, "550", RegexOptions.None)|}.Success;
                    bool ClassTest({{exceptionType}} ex) => {|SMTP006:ex.Message.StartsWith("5")|};

                    bool ThroughALocal({{exceptionType}} ex)
                    {
                        var text = ex.Message;
                        return {|SMTP006:text.Contains("550")|};
                    }

                    void InACatch(Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch ({{exceptionType}} ex) when ({|SMTP006:ex.Message.Contains("452")|})
                        {
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_message_local_written_in_another_switch_section_is_not_the_message()
        {
            // `msg` is in scope in the whole switch block: the default section writes something else into it.
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    void Classify(System.Exception error)
                    {
                        switch (error)
                        {
                            case SmtpException ex:
                                string msg = ex.Message;
                                break;
                            default:
                                msg = error.Message;
                                if (msg.Contains("550")) { }
                                break;
                        }
                    }

                    bool Hidden(SmtpException ex)
                    {
                #line hidden
                        if (ex.Message.Contains("550")) return true;
                #line default
                        return false;
                    }

                    bool Visible(SmtpException ex) => {|SMTP006:ex.Message.Contains("421")|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Message_names_the_text_test_and_the_status_to_read()
        {
            var source = """
                using SmtpServer.Protocol;

                class Handler
                {
                    bool Gone(SmtpResponseException ex) => ex.Message.Contains("550");
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP006").WithSpan(5, 44, 5, 70)
                    .WithArguments("ex.Message.Contains(\"550\")", "ex.Response.ReplyCode")
                    .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public Task Exceptions_whose_type_says_nothing_of_smtp_stay_silent()
        {
            // catch (Exception ex) could be FTP or HTTP; WebException and HttpRequestException are.
            var source = """
                using System;
                using System.Net;
                using System.Net.Http;
                using System.Net.Mail;

                class Handler
                {
                    bool Any(Exception ex) => ex.Message.Contains("550") || ex.Message.StartsWith("550 5.1.1");

                    void Caught(Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch (Exception ex) when (ex.Message.Contains("550"))
                        {
                        }
                    }

                    bool Inner(SmtpException ex) => ex.InnerException.Message.Contains("550");
                    bool Ftp(WebException ex) => ((FtpWebResponse)ex.Response).StatusDescription.StartsWith("550") || ex.Message.Contains("550");
                    bool Http(HttpResponseMessage response, HttpRequestException ex) => response.ReasonPhrase == "503" || ex.Message.Contains("503");
                    bool NoStatus(MailKit.Net.Smtp.SmtpProtocolException ex) => ex.Message.Contains("550");
                    bool Described(SmtpException ex) => ex.StatusCode.ToString().Contains("550");
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Text_that_is_no_reply_code_stays_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool NotACode(SmtpException ex) =>
                        ex.Message.Contains("5500") || ex.Message.Contains("Mailbox") || ex.Message.StartsWith("550x")
                        || ex.Message.Contains("5.1.1") || ex.Message.Contains("650") || ex.Message.Contains("570")
                        || ex.Message.StartsWith("6") || ex.Message.Contains("5") || ex.Message.EndsWith("5") || ex.Message == "";

                    bool NotConstant(SmtpException ex, string code) => ex.Message.Contains(code);
                    bool MessageInsideTheConstant(SmtpException ex) => "550 5.1.1 unknown user".Contains(ex.Message);
                    bool CharacterSearch(SmtpException ex) => ex.Message.Contains('5');
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_bounce_message_body_stays_silent()
        {
            // A delivery status notification is mail: its text is all there is to read.
            var source = """
                using MimeKit;

                class Handler
                {
                    bool Bounced(MimeMessage bounce) =>
                        bounce.TextBody.Contains("550 5.1.1") || bounce.Subject.StartsWith("550") || bounce.TextBody == "550";
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_local_that_is_written_again_stays_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Reassigned(SmtpException ex, string other)
                    {
                        var text = ex.Message;
                        text = other;
                        return text.Contains("550");
                    }

                    bool Appended(SmtpException ex)
                    {
                        var text = ex.Message;
                        text += " (retry)";
                        return text.StartsWith("550");
                    }

                    bool Parameter(string text) => text.Contains("550");
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Reports_in_every_language_version(LanguageVersion version)
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex) => {|SMTP006:ex.Message.Contains("550")|} || {|SMTP006:ex.Message == "550 5.1.1"|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, version, null);
        }

        [Fact]
        public Task Half_typed_code_does_not_throw()
        {
            var source = """
                using System.Net.Mail;
                using System.Text.RegularExpressions;

                class Handler
                {
                    bool A(SmtpException ex) => ex.Message.{|CS1061:Containz|}("550");
                    bool B(SmtpException ex) => ex.Message.{|CS1501:Contains|}();
                    bool C(SmtpException ex) => {|CS0120:Regex.IsMatch|}(ex.Message);
                    bool D(SmtpException ex) => {|CS0103:unknown|}.Message.Contains("550");
                    bool E(SmtpException ex) => ex.Message.Contains({|CS0103:missing|});
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }
    }
}
