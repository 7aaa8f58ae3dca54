using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.StatusFromMessageAnalyzer, SmtpCodes.Analyzers.Rules.StatusFromMessageFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// SMTP006 drops a text test that repeats a status comparison of its chain only where that keeps what runs: the
    /// comparison comes first, or nothing in between has an effect. Otherwise the test becomes a second, equal comparison.
    /// </summary>
    public class StatusFromMessageChainOrderTests
    {
        private const string Template = """
            using System.Net.Mail;

            class Handler
            {
                bool Gone(SmtpException ex, SmtpException other, bool retry, int count) => TEST;

                bool Log(SmtpException ex) => true;
            }
            """;

        [Theory]
        [InlineData(
            "{|SMTP006:ex.Message.Contains(\"550\")|} && Log(ex) && ex.StatusCode == SmtpStatusCode.MailboxUnavailable",
            "ex.StatusCode == SmtpStatusCode.MailboxUnavailable && Log(ex) && ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData(
            "{|SMTP006:ex.Message.Contains(\"550\")|} || Log(ex) || ex.StatusCode == SmtpStatusCode.MailboxUnavailable",
            "ex.StatusCode == SmtpStatusCode.MailboxUnavailable || Log(ex) || ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData(
            "({|SMTP006:ex.Message.Contains(\"550\")|} || retry) || (Log(other) || (int)ex.StatusCode == 550)",
            "(ex.StatusCode == SmtpStatusCode.MailboxUnavailable || retry) || (Log(other) || (int)ex.StatusCode == 550)")]
        [InlineData(
            "{|SMTP006:ex.Message.Contains(\"550\")|} && other.StatusCode == SmtpStatusCode.MailboxBusy && ex.StatusCode == SmtpStatusCode.MailboxUnavailable",
            "ex.StatusCode == SmtpStatusCode.MailboxUnavailable && other.StatusCode == SmtpStatusCode.MailboxBusy && ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData(
            "{|SMTP006:ex.Message.Contains(\"550\")|} && count + 1 > 2 && ex.StatusCode == SmtpStatusCode.MailboxUnavailable",
            "ex.StatusCode == SmtpStatusCode.MailboxUnavailable && count + 1 > 2 && ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        public Task A_test_before_an_equal_comparison_with_an_effect_in_between_becomes_a_second_comparison(string test, string fixedTest) =>
            Verify.VerifyCodeFixAsync(Template.Replace("TEST", test), Template.Replace("TEST", fixedTest));

        [Theory]
        [InlineData(
            "{|SMTP006:ex.Message.Contains(\"550\")|} || retry || ex.StatusCode == SmtpStatusCode.MailboxUnavailable",
            "retry || ex.StatusCode == SmtpStatusCode.MailboxUnavailable")]
        [InlineData(
            "{|SMTP006:ex.Message.Contains(\"550\")|} && !retry && count > 2 && (long)ex.HResult != 0 && ex.StatusCode is SmtpStatusCode.MailboxUnavailable",
            "!retry && count > 2 && (long)ex.HResult != 0 && ex.StatusCode is SmtpStatusCode.MailboxUnavailable")]
        [InlineData(
            "(int)ex.StatusCode == 550 && Log(ex) && {|SMTP006:ex.Message.Contains(\"550\")|}",
            "(int)ex.StatusCode == 550 && Log(ex)")]
        [InlineData(
            "ex.StatusCode == SmtpStatusCode.MailboxUnavailable || Log(ex) || {|SMTP006:ex.Message.Contains(\"550\")|}",
            "ex.StatusCode == SmtpStatusCode.MailboxUnavailable || Log(ex)")]
        public Task A_test_after_an_equal_comparison_or_with_nothing_in_between_that_acts_is_dropped(string test, string fixedTest) =>
            Verify.VerifyCodeFixAsync(Template.Replace("TEST", test), Template.Replace("TEST", fixedTest));

        /// <summary>What <c>dotnet format</c> meets in the bulk consumer: the comparison first, then Fix All ends in one operand.</summary>
        [Fact]
        public Task Fix_all_still_ends_in_one_operand_where_the_comparison_comes_first()
        {
            var source = Template.Replace(
                "TEST",
                "((int)ex.StatusCode == 550 || {|SMTP006:ex.Message.Contains(\"550\")|}) && ({|SMTP006:ex.Message.Contains(\"451\")|} && Log(ex) && ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing)");
            var fixedSource = Template.Replace(
                "TEST",
                "((int)ex.StatusCode == 550) && (ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing && Log(ex) && ex.StatusCode == SmtpStatusCode.LocalErrorInProcessing)");
            return FixAllAsync(source, fixedSource);
        }

        /// <summary>
        /// <c>ex.Message?.Contains("550")</c>: the analyzer reports it, but the test is a member binding that no comparison
        /// can stand in for (<c>ex.Message?(ex.StatusCode == …)</c> does not parse), so there is no fix; Fix All fixes the others.
        /// </summary>
        [Fact]
        public Task A_test_behind_a_conditional_access_gets_no_fix_and_fix_all_fixes_the_others()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool? Maybe(SmtpException ex) => ex.Message?{|SMTP006:.Contains("550")|};
                    bool Sure(SmtpException ex) => ex.Message?{|SMTP006:.Contains("550")|} == true;
                    bool Index(SmtpException ex) => ex.Message?{|SMTP006:.IndexOf("450")|} >= 0;
                    bool Plain(SmtpException ex) => {|SMTP006:ex.Message.Contains("421")|};
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Handler
                {
                    bool? Maybe(SmtpException ex) => ex.Message?{|SMTP006:.Contains("550")|};
                    bool Sure(SmtpException ex) => ex.Message?{|SMTP006:.Contains("550")|} == true;
                    bool Index(SmtpException ex) => ex.Message?{|SMTP006:.IndexOf("450")|} >= 0;
                    bool Plain(SmtpException ex) => ex.StatusCode == SmtpStatusCode.ServiceNotAvailable;
                }
                """;
            return FixAllAsync(source, fixedSource);
        }

        [Fact]
        public Task A_test_behind_a_conditional_access_offers_no_action()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool? Maybe(SmtpException ex) => ex.Message?{|SMTP006:.Contains("550")|};
                    bool Sure(SmtpException ex) => (ex.Message?{|SMTP006:.StartsWith("550")|}).GetValueOrDefault();
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }

        /// <summary>One fix at a time and Fix All end in <paramref name="fixedSource"/>, where the warnings left are marked up.</summary>
        private static Task FixAllAsync(string source, string fixedSource)
        {
            var test = Verify.Create(source, fixedSource);
            test.BatchFixedCode = fixedSource;
            test.CodeActionEquivalenceKey = FixKinds.CompareStatus;
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync();
        }
    }
}
