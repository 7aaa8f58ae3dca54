using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Rules;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.RetryWithoutStatusAnalyzer, SmtpCodes.Analyzers.Rules.RetryWithoutStatusFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>SMTP007's fix "Retry only transient (4yz) failures": a filter or predicate that admits the 4yz class only.</summary>
    public class RetryWithoutStatusFixerTests
    {
        [Fact]
        public void The_fix_is_a_decision_with_the_contract_s_title_and_no_Fix_All()
        {
            var fixer = new RetryWithoutStatusFixer();
            Assert.Equal("Retry only transient (4yz) failures", RetryWithoutStatusFixer.Title);
            Assert.Null(fixer.GetFixAllProvider());
            Assert.Equal(new[] { "SMTP007" }, fixer.FixableDiagnosticIds.ToArray());
        }

        [Fact]
        public async Task A_catch_without_a_name_gets_one_and_a_filter_of_the_transient_class()
        {
            var source = """
                using MailKit.Net.Smtp;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MimeKit.MimeMessage message)
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            {|SMTP007:catch|} (SmtpCommandException)
                            {
                                Thread.Sleep(2000 * attempt);
                            }
                        }
                    }
                }
                """;
            var fixedSource = """
                using MailKit.Net.Smtp;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MimeKit.MimeMessage message)
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpCommandException ex) when (ex.StatusCode >= (SmtpStatusCode)400 && ex.StatusCode < (SmtpStatusCode)500)
                            {
                                Thread.Sleep(2000 * attempt);
                            }
                        }
                    }
                }
                """;
            var test = Verify.Create(source, fixedSource);
            test.CodeActionEquivalenceKey = FixKinds.RetryOnlyTransient;
            await test.RunAsync();
        }

        [Fact]
        public async Task An_existing_filter_is_kept_and_System_Net_Mail_s_failure_without_a_reply_is_still_retried()
        {
            // GeneralFailure (-1): no reply at all, the connection failed; the fix does not stop retrying it.
            var source = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            {|SMTP007:catch|} (SmtpException error) when (attempt < 3 || attempt == 10)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpException error) when ((attempt < 3 || attempt == 10) && (error.StatusCode == SmtpStatusCode.GeneralFailure || (error.StatusCode >= (SmtpStatusCode)400 && error.StatusCode < (SmtpStatusCode)500)))
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task A_catch_of_Exception_around_a_send_retries_other_failures_and_transient_SMTP_ones()
        {
            var source = """
                using System;
                using System.Threading;
                using MailKit.Net.Smtp;

                class Sender
                {
                    void Send(SmtpClient client, MimeKit.MimeMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            {|SMTP007:catch|} (Exception)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                }
                """;
            var fixedSource = """
                using System;
                using System.Threading;
                using MailKit.Net.Smtp;

                class Sender
                {
                    void Send(SmtpClient client, MimeKit.MimeMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (Exception ex) when (!(ex is SmtpCommandException smtpException) || (smtpException.StatusCode >= (SmtpStatusCode)400 && smtpException.StatusCode < (SmtpStatusCode)500))
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task A_bare_catch_gets_a_declaration_of_Exception()
        {
            var source = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        var ex = 0;
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            {|SMTP007:catch|}
                            {
                                Thread.Sleep(1000 + ex);
                            }
                        }
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        var ex = 0;
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (System.Exception ex2) when (!(ex2 is SmtpException smtpException) || (smtpException.StatusCode == SmtpStatusCode.GeneralFailure || (smtpException.StatusCode >= (SmtpStatusCode)400 && smtpException.StatusCode < (SmtpStatusCode)500)))
                            {
                                Thread.Sleep(1000 + ex);
                            }
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task Polly_7_gets_a_predicate_or_an_extended_one()
        {
            var source = """
                using System;
                using MailKit.Net.Smtp;
                using Polly;

                class Policies
                {
                    object All() => Policy.{|SMTP007:Handle<SmtpCommandException>|}().RetryAsync(5);

                    object Commented() => Policy
                        .{|SMTP007:Handle<SmtpCommandException>|}() // the server refused a command
                        .Or<System.IO.IOException>()  // the network
                        .Retry(3);

                    object ButOne() => Policy.{|SMTP007:Handle<SmtpCommandException>|}(e => e.StatusCode != SmtpStatusCode.MailboxUnavailable)
                        .WaitAndRetry(3, i => TimeSpan.FromSeconds(i));
                }
                """;
            var fixedSource = """
                using System;
                using MailKit.Net.Smtp;
                using Polly;

                class Policies
                {
                    object All() => Policy.Handle<SmtpCommandException>(ex => ex.StatusCode >= (SmtpStatusCode)400 && ex.StatusCode < (SmtpStatusCode)500).RetryAsync(5);

                    object Commented() => Policy
                        .Handle<SmtpCommandException>(ex => ex.StatusCode >= (SmtpStatusCode)400 && ex.StatusCode < (SmtpStatusCode)500) // the server refused a command
                        .Or<System.IO.IOException>()  // the network
                        .Retry(3);

                    object ButOne() => Policy.Handle<SmtpCommandException>(e => e.StatusCode != SmtpStatusCode.MailboxUnavailable && e.StatusCode >= (SmtpStatusCode)400 && e.StatusCode < (SmtpStatusCode)500)
                        .WaitAndRetry(3, i => TimeSpan.FromSeconds(i));
                }
                """;
            var test = Verify.Create(source, fixedSource);
            test.NumberOfFixAllIterations = 0;
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
            await test.RunAsync();
        }

        [Fact]
        public async Task Polly_8_gets_a_predicate_that_admits_the_transient_class()
        {
            var source = """
                using MailKit.Net.Smtp;
                using Polly;
                using Polly.Retry;

                class Pipelines
                {
                    RetryStrategyOptions Options() => new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().{|SMTP007:Handle<SmtpCommandException>|}(),
                    };
                }
                """;
            var fixedSource = """
                using MailKit.Net.Smtp;
                using Polly;
                using Polly.Retry;

                class Pipelines
                {
                    RetryStrategyOptions Options() => new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(ex => ex.StatusCode >= (SmtpStatusCode)400 && ex.StatusCode < (SmtpStatusCode)500),
                    };
                }
                """;
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }
    }
}
