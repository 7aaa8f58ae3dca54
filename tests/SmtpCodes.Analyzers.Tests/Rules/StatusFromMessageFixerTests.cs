using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.StatusFromMessageAnalyzer, SmtpCodes.Analyzers.Rules.StatusFromMessageFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class StatusFromMessageFixerTests
    {
        /// <summary>Exception type, its namespace, the status it carries and the enum of that status.</summary>
        public static TheoryData<string, string, string, string> ExceptionTypes => new()
        {
            { "System.Net.Mail", "SmtpException", "StatusCode", "SmtpStatusCode" },
            { "System.Net.Mail", "SmtpFailedRecipientException", "StatusCode", "SmtpStatusCode" },
            { "MailKit.Net.Smtp", "SmtpCommandException", "StatusCode", "SmtpStatusCode" },
            { "SmtpServer.Protocol", "SmtpResponseException", "Response.ReplyCode", "SmtpReplyCode" },
        };

        [Theory]
        [MemberData(nameof(ExceptionTypes))]
        public Task Each_text_test_becomes_a_comparison_of_the_status(string @namespace, string exceptionType, string status, string enumType)
        {
            var source = $$"""
                using System;
                using System.Text.RegularExpressions;
                using {{@namespace}};

                class Handler
                {
                    bool Contains({{exceptionType}} ex) => {|SMTP006:ex.Message.Contains("550")|};
                    bool StartsWith({{exceptionType}} ex) => {|SMTP006:ex.Message.StartsWith("550 5.1.1", StringComparison.Ordinal)|};
                    bool IndexOf({{exceptionType}} ex) => {|SMTP006:ex.Message.IndexOf("550")|} != -1;
                    bool Equals({{exceptionType}} ex) => {|SMTP006:string.Equals(ex.Message, "550")|};
                    bool Operator({{exceptionType}} ex) => {|SMTP006:"550" == ex.Message|};
                    bool Match({{exceptionType}} ex) => {|SMTP006:Regex.Match(ex.Message, "^550")|}.Success;
                    bool IsMatch({{exceptionType}} ex) => {|SMTP006:Regex.IsMatch(ex.Message, "^550")|};
                    bool Enhanced({{exceptionType}} ex) => {|SMTP006:Regex.IsMatch(ex.Message, @"^550\s+5\.1\.1")|};

                    void Caught(Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch ({{exceptionType}} ex)
                        {
                            var text = ex.Message;
                            if ({|SMTP006:text.StartsWith("550-")|})
                            {
                                throw;
                            }
                        }
                    }
                }
                """;
            var fixedSource = $$"""
                using System;
                using System.Text.RegularExpressions;
                using {{@namespace}};

                class Handler
                {
                    bool Contains({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable;
                    bool StartsWith({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable && ex.Message.Contains("5.1.1");
                    bool IndexOf({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable;
                    bool Equals({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable;
                    bool Operator({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable;
                    bool Match({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable;
                    bool IsMatch({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable;
                    bool Enhanced({{exceptionType}} ex) => ex.{{status}} == {{enumType}}.MailboxUnavailable && Regex.IsMatch(ex.Message, @"5\.1\.1");

                    void Caught(Action send)
                    {
                        try
                        {
                            send();
                        }
                        catch ({{exceptionType}} ex)
                        {
                            var text = ex.Message;
                            if (ex.{{status}} == {{enumType}}.MailboxUnavailable)
                            {
                                throw;
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task The_comparison_is_parenthesized_only_where_needed()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    string Text(SmtpException ex) => {|SMTP006:ex.Message.Contains("421")|}.ToString();
                    bool Both(SmtpException ex, bool retry) => retry && {|SMTP006:ex.Message.Contains("450")|};
                    bool Cast(object error) => {|SMTP006:((SmtpException)error).Message.EndsWith("451")|};
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Handler
                {
                    string Text(SmtpException ex) => (ex.StatusCode == SmtpStatusCode.ServiceNotAvailable).ToString();
                    bool Both(SmtpException ex, bool retry) => retry && ex.StatusCode == SmtpStatusCode.MailboxBusy;
                    bool Cast(object error) => ((SmtpException)error).StatusCode == SmtpStatusCode.LocalErrorInProcessing;
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task A_using_is_added_only_where_the_enum_is_not_in_scope()
        {
            var source = """
                class Handler
                {
                    bool Gone(System.Net.Mail.SmtpException ex) => {|SMTP006:ex.Message.Contains("550")|};
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(System.Net.Mail.SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task No_using_is_added_where_it_would_make_a_name_ambiguous()
        {
            // using System.Net.Mail would make MailKit's SmtpClient and SmtpStatusCode ambiguous: the name stays qualified.
            var source = """
                using MailKit.Net.Smtp;

                class Handler
                {
                    SmtpClient _client;
                    SmtpStatusCode _last;

                    bool Gone(System.Net.Mail.SmtpException ex) => {|SMTP006:ex.Message.Contains("550")|};
                }
                """;
            var fixedSource = """
                using MailKit.Net.Smtp;

                class Handler
                {
                    SmtpClient _client;
                    SmtpStatusCode _last;

                    bool Gone(System.Net.Mail.SmtpException ex) => ex.StatusCode == System.Net.Mail.SmtpStatusCode.MailboxUnavailable;
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task Negations_class_tests_and_codes_without_a_member_get_no_fix()
        {
            var source = """
                using System.Net.Mail;
                using System.Text.RegularExpressions;

                class Handler
                {
                    bool Negated(SmtpException ex) => !{|SMTP006:ex.Message.Contains("550")|};
                    bool NotEqual(SmtpException ex) => {|SMTP006:ex.Message != "550"|};
                    bool ClassTest(SmtpException ex) => {|SMTP006:ex.Message.StartsWith("5")|};
                    bool NoMember(SmtpException ex) => {|SMTP006:ex.Message.Contains("535")|};
                    bool NotFound(SmtpException ex) => {|SMTP006:ex.Message.IndexOf("550")|} < 0;
                    int Position(SmtpException ex) => {|SMTP006:ex.Message.IndexOf("550")|};
                    int MatchIndex(SmtpException ex) => {|SMTP006:Regex.Match(ex.Message, "550")|}.Index;
                    bool? Conditional(SmtpException ex) => ex?{|SMTP006:.Message.Contains("550")|};

                    bool LocalOutOfReach(SmtpException ex)
                    {
                        var text = ex.Message;
                        System.Func<SmtpException, bool> test = ex => {|SMTP006:text.Contains("550")|};
                        return test(null);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task A_lambda_in_between_that_does_not_declare_the_name_again_keeps_the_fix()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    System.Func<bool> Later(SmtpException ex)
                    {
                        var text = ex.Message;
                        return () => {|SMTP006:text.Contains("550")|};
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Handler
                {
                    System.Func<bool> Later(SmtpException ex)
                    {
                        var text = ex.Message;
                        return () => ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task Fix_all_rewrites_every_text_test()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    string Classify(SmtpException ex)
                    {
                        if ({|SMTP006:ex.Message.StartsWith("450")|} || {|SMTP006:ex.Message.StartsWith("421")|})
                        {
                            return "retry";
                        }

                        if ({|SMTP006:ex.Message.Contains("550")|} && !{|SMTP006:ex.Message.Contains("551")|})
                        {
                            return "bounce";
                        }

                        return {|SMTP006:ex.Message.StartsWith("5")|} ? "failed" : "other";
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Handler
                {
                    string Classify(SmtpException ex)
                    {
                        if (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
                        {
                            return "retry";
                        }

                        if (ex.StatusCode == SmtpStatusCode.MailboxUnavailable && !{|SMTP006:ex.Message.Contains("551")|})
                        {
                            return "bounce";
                        }

                        return {|SMTP006:ex.Message.StartsWith("5")|} ? "failed" : "other";
                    }
                }
                """;
            var test = Verify.Create(source, fixedSource);
            test.BatchFixedCode = fixedSource;
            test.CodeActionEquivalenceKey = FixKinds.CompareStatus;

            // The warnings that stay (a negation, a class test) are part of the expected result.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }
    
        /// <summary>
        /// Where another operand of the chain already compares the status with the code, in any spelling, the text test is
        /// dropped rather than turned into a second equal comparison (<c>x == A || x == A</c>). Another code, another
        /// exception, another operator than <c>||</c> or <c>&amp;&amp;</c>: the comparison is written as usual.
        /// </summary>
        [Theory]
        [InlineData("(int)ex.StatusCode == 550 || {|SMTP006:ex.Message.Contains(\"550\")|}", "(int)ex.StatusCode == 550")]
        [InlineData("{|SMTP006:ex.Message.Contains(\"550\")|} || ex.StatusCode == SmtpStatusCode.MailboxUnavailable", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("ex.StatusCode is SmtpStatusCode.MailboxUnavailable && ({|SMTP006:ex.Message.StartsWith(\"550 \")|})", "ex.StatusCode is SmtpStatusCode.MailboxUnavailable")]
        [InlineData("retry || 550 == (long)ex.StatusCode || {|SMTP006:ex.Message.IndexOf(\"550\")|} >= 0", "retry || 550 == (long)ex.StatusCode")]
        [InlineData("({|SMTP006:ex.Message.Contains(\"550\")|} ||\n            (int)ex.StatusCode == 550) && retry", "((int)ex.StatusCode == 550) && retry")]
        [InlineData("ex.StatusCode == SmtpStatusCode.MailboxBusy || {|SMTP006:ex.Message.Contains(\"550\")|}", "ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("other.StatusCode == SmtpStatusCode.MailboxUnavailable || {|SMTP006:ex.Message.Contains(\"550\")|}", "other.StatusCode == SmtpStatusCode.MailboxUnavailable || ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("(ex.StatusCode == SmtpStatusCode.MailboxUnavailable) == {|SMTP006:ex.Message.Contains(\"550\")|}", "(ex.StatusCode == SmtpStatusCode.MailboxUnavailable) == (ex.StatusCode == SmtpStatusCode.MailboxUnavailable)")]
        [InlineData("ex.StatusCode != SmtpStatusCode.MailboxUnavailable || {|SMTP006:ex.Message.Contains(\"550\")|}", "ex.StatusCode != SmtpStatusCode.MailboxUnavailable || ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        public Task A_text_test_that_repeats_a_status_comparison_of_its_chain_is_dropped(string test, string fixedTest)
        {
            const string Template = """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex, SmtpException other, bool retry) => TEST;
                }
                """;
            return Verify.VerifyCodeFixAsync(Template.Replace("TEST", test), Template.Replace("TEST", fixedTest));
        }

        [Theory]
        [InlineData("MailKit.Net.Smtp", "SmtpCommandException", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData("SmtpServer.Protocol", "SmtpResponseException", "ex.Response.ReplyCode == SmtpReplyCode.MailboxUnavailable")]
        public Task Two_text_tests_of_one_code_in_a_chain_become_one_comparison(string @namespace, string exceptionType, string comparison)
        {
            var source = $$"""
                using {{@namespace}};

                class Handler
                {
                    bool Gone({{exceptionType}} ex) => {|SMTP006:ex.Message.Contains("550")|} || {|SMTP006:ex.Message.StartsWith("550 5.1.1")|};
                }
                """;
            var fixedSource = $$"""
                using {{@namespace}};

                class Handler
                {
                    bool Gone({{exceptionType}} ex) => {{comparison}};
                }
                """;
            var test = Verify.Create(source, fixedSource);
            test.NumberOfIncrementalIterations = 2;
            test.NumberOfFixAllIterations = 1;
            return test.RunAsync();
        }
    }
}
