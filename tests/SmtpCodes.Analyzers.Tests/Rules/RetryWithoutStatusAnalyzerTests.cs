using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.RetryWithoutStatusAnalyzer, SmtpCodes.Analyzers.Rules.RetryWithoutStatusFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>SMTP007 where no code is named: catches that retry without asking for the status, and Polly retries.</summary>
    public class RetryWithoutStatusAnalyzerTests
    {
        /// <summary>Every exception type that carries a status and a send that throws it: System.Net.Mail and MailKit.</summary>
        public static TheoryData<string, string, string> Senders => new()
        {
            { "System.Net.Mail", "SmtpException", "SmtpClient client, MailMessage message" },
            { "System.Net.Mail", "SmtpFailedRecipientException", "SmtpClient client, MailMessage message" },
            { "MailKit.Net.Smtp", "SmtpCommandException", "SmtpClient client, MimeKit.MimeMessage message" },
        };

        [Theory]
        [MemberData(nameof(Senders))]
        public Task A_bounded_send_loop_that_sleeps_on_the_status_exception_reports(string @namespace, string exceptionType, string parameters)
        {
            var source = $$"""
                using System.Threading;
                using {{@namespace}};

                class Sender
                {
                    void Send({{parameters}})
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            {|#0:catch|} ({{exceptionType}})
                            {
                                Thread.Sleep(2000 * attempt);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments($"The catch of '{exceptionType}' retries without reading the status"));
        }

        [Fact]
        public Task An_unbounded_loop_and_an_async_loop_report()
        {
            var source = """
                using System;
                using System.Net.Mail;
                using System.Threading;
                using System.Threading.Tasks;

                class Sender
                {
                    void Forever(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                break;
                            }
                            {|SMTP007:catch|} (SmtpException ex)
                            {
                                Console.WriteLine(ex.Message);
                                Thread.Sleep(1000);
                            }
                        }
                    }

                    async Task SendAsync(SmtpClient client, MailMessage message)
                    {
                        for (var attempt = 0; attempt < 5; attempt++)
                        {
                            try
                            {
                                await client.SendMailAsync(message);
                                return;
                            }
                            {|SMTP007:catch|} (SmtpException)
                            {
                                await Task.Delay(TimeSpan.FromSeconds(attempt));
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_queue_worker_that_marks_the_item_pending_after_logging_reports()
        {
            var source = """
                using MailKit.Net.Smtp;

                enum OutboxState { Queued, Pending, Sent }

                class OutboxItem
                {
                    public OutboxState State { get; set; }
                    public int Attempts { get; set; }
                }

                interface ILog
                {
                    void LogWarning(System.Exception exception, string message);
                }

                class Worker
                {
                    private readonly ILog _logger = null!;

                    void Deliver(SmtpClient client, MimeKit.MimeMessage message, OutboxItem item)
                    {
                        try
                        {
                            client.Send(message);
                            item.State = OutboxState.Sent;
                        }
                        {|#0:catch|} (SmtpCommandException ex)
                        {
                            _logger.LogWarning(ex, "send failed");
                            item.State = OutboxState.Pending;
                            item.Attempts++;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("The catch of 'SmtpCommandException' retries without reading the status"));
        }

        [Fact]
        public Task A_result_that_says_retry_later_whatever_the_status_reports()
        {
            var source = """
                using System.Net.Mail;

                enum SendResult { Sent, RetryLater, Bounced }

                class Sender
                {
                    SendResult Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                            return SendResult.Sent;
                        }
                        {|SMTP007:catch|} (SmtpException)
                        {
                            return SendResult.RetryLater;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Filters_that_admit_a_permanent_code_report_and_name_one()
        {
            var source = """
                using System.Threading;
                using System.Net.Mail;

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
                            {|#0:catch|} (SmtpException) when (attempt < 3)
                            {
                                Thread.Sleep(100);
                            }
                            {|#1:catch|} (SmtpFailedRecipientException ex) when (ex.StatusCode != SmtpStatusCode.MailboxUnavailable)
                            {
                                Thread.Sleep(100);
                            }
                            {|#2:catch|} (SmtpException ex) when (ex.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.TransactionFailed)
                            {
                                Thread.Sleep(100);
                            }
                            {|#3:catch|} (SmtpException ex) when ((int)ex.StatusCode >= 400)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("The catch of 'SmtpException' retries whatever the status (its filter does not test it)"),
                Verify.Diagnostic("SMTP007").WithLocation(1).WithArguments("The catch of 'SmtpFailedRecipientException' retries the permanent codes its filter admits, 'CommandUnrecognized' (500) among them"),
                Verify.Diagnostic("SMTP007").WithLocation(2).WithArguments("The catch of 'SmtpException' retries the permanent codes its filter admits, 'MailboxUnavailable' (550) among them"),
                Verify.Diagnostic("SMTP007").WithLocation(3).WithArguments("The catch of 'SmtpException' retries the permanent codes its filter admits, 'MailboxUnavailable' (550) among them"));
        }

        [Fact]
        public Task Filters_that_admit_transient_codes_only_or_hand_the_decision_on_do_not_report()
        {
            var source = """
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
                            catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy)
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 400 && (int)ex.StatusCode < 500)
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when (ex.StatusCode is >= SmtpStatusCode.ServiceNotAvailable and < SmtpStatusCode.CommandUnrecognized)
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when (ex is { StatusCode: SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.ErrorInProcessing })
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when (!((int)ex.StatusCode >= 500))
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when (IsTransient(ex))
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when (Classifier.IsTransient(ex.StatusCode))
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpCommandException ex) when (ex.StatusCode.ToString().StartsWith("Mailbox"))
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }

                    static bool IsTransient(SmtpCommandException ex) => (int)ex.StatusCode / 100 == 4;
                }

                static class Classifier
                {
                    public static bool IsTransient(SmtpStatusCode status) => (int)status / 100 == 4;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_filter_that_names_a_transient_and_a_permanent_code_is_left_to_SMTP005()
        {
            // SMTP005 reports MailboxUnavailable beside MailboxBusy in one branch: one diagnostic is enough.
            var source = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                            {
                                Thread.Sleep(100);
                            }
                            catch (SmtpException ex) when (ex.StatusCode is SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.TransactionFailed)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_filter_that_admits_only_authentication_codes_among_the_permanent_ones_does_not_report()
        {
            var source = """
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
                            catch (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.AuthenticationInvalidCredentials || (int)ex.StatusCode < 500)
                            {
                                Thread.Sleep(100);
                            }
                            {|SMTP007:catch|} (SmtpCommandException ex) when (ex.StatusCode == SmtpStatusCode.AuthenticationInvalidCredentials || ex.StatusCode == SmtpStatusCode.TransactionFailed)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Blocks_that_read_the_status_hand_the_exception_on_log_only_or_rethrow_do_not_report()
        {
            var source = """
                using System;
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpFailedRecipientException ex)
                            {
                                if (ex.StatusCode == SmtpStatusCode.MailboxBusy)
                                {
                                    Thread.Sleep(100);
                                }
                            }
                            catch (SmtpException ex)
                            {
                                if (ShouldRetry(ex))
                                {
                                    Thread.Sleep(100);
                                }
                            }
                        }
                    }

                    void LogOnly(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex)
                        {
                            Console.WriteLine(ex);
                        }
                    }

                    void Rethrow(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException)
                        {
                            Thread.Sleep(100);
                            throw;
                        }
                    }

                    static bool ShouldRetry(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxBusy;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_catch_of_Exception_around_a_direct_send_that_retries_reports()
        {
            var source = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using MailKit;

                class Sender
                {
                    async Task SendAsync(IMailTransport transport, MimeKit.MimeMessage message)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                await transport.SendAsync(message);
                                return;
                            }
                            {|#0:catch|} (Exception)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }

                    void Send(System.Net.Mail.SmtpClient client, System.Net.Mail.MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (System.Net.Mail.SmtpFailedRecipientException)
                            {
                                return;
                            }
                            {|#1:catch|}
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("The catch of 'Exception' around 'IMailTransport.SendAsync' retries without testing the exception's type or status"),
                Verify.Diagnostic("SMTP007").WithLocation(1).WithArguments("The catch of 'Object' around 'SmtpClient.Send' retries without testing the exception's type or status"));
        }

        [Fact]
        public Task A_catch_of_Exception_that_is_not_around_an_SMTP_send_or_that_looks_at_the_failure_does_not_report()
        {
            var source = """
                using System;
                using System.Net.Mail;
                using System.Threading;
                using System.Threading.Tasks;

                class MailGateway
                {
                    public Task SendAsync(MailMessage message) => Task.CompletedTask;
                }

                class Sender
                {
                    private readonly MailGateway _gateway = new MailGateway();

                    async Task OwnSender(MailMessage message)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                await _gateway.SendAsync(message);
                                return;
                            }
                            catch (Exception)
                            {
                                await Task.Delay(1000);
                            }
                        }
                    }

                    void TypeTested(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (Exception ex)
                            {
                                if (ex is SmtpFailedRecipientException)
                                {
                                    return;
                                }

                                Thread.Sleep(1000);
                            }
                        }
                    }

                    void FilteredByType(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (Exception ex) when (ex is not SmtpException)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }

                    void EarlierCatchTakesThePermanentFailures(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpException ex) when ((int)ex.StatusCode >= 500)
                            {
                                return;
                            }
                            catch (Exception)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }

                    void SendInALambda(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                Action send = () => client.Send(message);
                                Enqueue(send);
                                return;
                            }
                            catch (Exception)
                            {
                                Thread.Sleep(1000);
                            }
                        }
                    }

                    void Enqueue(Action action) { }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task An_earlier_catch_that_lets_some_permanent_code_through_still_reports()
        {
            var source = """
                using System;
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        while (true)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            catch (SmtpException ex) when (ex.StatusCode == SmtpStatusCode.MailboxUnavailable)
                            {
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
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Polly_7_retries_that_handle_a_status_exception_report_on_each_call_that_brings_one_in()
        {
            var source = """
                using System;
                using System.IO;
                using System.Net.Mail;
                using Polly;

                class Policies
                {
                    object ButOne() => Policy.{|#0:Handle<SmtpException>|}(ex => ex.StatusCode != SmtpStatusCode.MailboxUnavailable)
                        .WaitAndRetry(3, i => TimeSpan.FromSeconds(i));

                    object All() => Policy.{|#1:Handle<MailKit.Net.Smtp.SmtpCommandException>|}().RetryAsync(5);

                    object Chained() => Policy.Handle<IOException>()
                        .{|#2:Or<SmtpFailedRecipientException>|}()
                        .Or<TimeoutException>()
                        .WaitAndRetryForeverAsync(i => TimeSpan.FromSeconds(i));

                    object OfResult() => Policy<bool>.{|#3:Handle<SmtpException>|}(ex => true).OrResult(false).RetryForever();
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("'Handle<SmtpException>' retries the permanent codes its predicate admits, 'CommandUnrecognized' (500) among them"),
                Verify.Diagnostic("SMTP007").WithLocation(1).WithArguments("'Handle<SmtpCommandException>' retries every status"),
                Verify.Diagnostic("SMTP007").WithLocation(2).WithArguments("'Or<SmtpFailedRecipientException>' retries every status"),
                Verify.Diagnostic("SMTP007").WithLocation(3).WithArguments("'Handle<SmtpException>' retries whatever the status (its predicate does not test it)"));
        }

        [Fact]
        public Task A_Polly_7_retry_whose_arguments_do_not_bind_still_reports()
        {
            // A backoff helper of a package the project does not reference: the retry call has candidates only.
            var source = """
                using MailKit.Net.Smtp;
                using Polly;

                class Policies
                {
                    object Off() => Policy.{|#0:Handle<SmtpCommandException>|}(ex => (int)ex.StatusCode >= 400 && (int)ex.StatusCode <= 500)
                        .WaitAndRetryAsync({|CS0103:Backoff|}.DecorrelatedJitterBackoffV2(3));

                    object OfTuple(int attempts) => Policy<(bool Success, int Count)>
                        .{|#1:Handle<SmtpCommandException>|}()
                        .OrResult(r => !r.Success)
                        .WaitAndRetryAsync(attempts, i => {|CS0103:Delay|}(i));
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("'Handle<SmtpCommandException>' retries the permanent codes its predicate admits, 'CommandUnrecognized' (500) among them"),
                Verify.Diagnostic("SMTP007").WithLocation(1).WithArguments("'Handle<SmtpCommandException>' retries every status"));
        }

        [Fact]
        public Task The_message_names_a_code_the_predicate_certainly_admits()
        {
            var source = """
                using MailKit.Net.Smtp;
                using Polly;

                class Policies
                {
                    object Policy554() => Policy.{|#0:Handle<SmtpCommandException>|}(ex => ex.StatusCode == SmtpStatusCode.TransactionFailed || ex.ErrorCode == SmtpErrorCode.UnexpectedStatusCode)
                        .Retry(3);
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("'Handle<SmtpCommandException>' retries the permanent codes its predicate admits, 'TransactionFailed' (554) among them"));
        }

        [Fact]
        public Task Polly_7_policies_that_admit_transient_codes_only_or_do_not_retry_do_not_report()
        {
            var source = """
                using System;
                using MailKit.Net.Smtp;
                using Polly;

                class Policies
                {
                    object Transient() => Policy.Handle<SmtpCommandException>(ex => (int)ex.StatusCode / 100 == 4 && (int)ex.StatusCode < 500).Retry(3);

                    object Named() => Policy.Handle<SmtpCommandException>(ex => ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
                        .WaitAndRetryAsync(3, i => TimeSpan.FromSeconds(i));

                    object MethodGroup() => Policy.Handle<SmtpCommandException>(IsTransient).Retry(3);

                    object Statements() => Policy.Handle<SmtpCommandException>(ex =>
                    {
                        var transient = IsTransient(ex);
                        return transient;
                    }).Retry(3);

                    object Breaker() => Policy.Handle<SmtpCommandException>().CircuitBreaker(2, TimeSpan.FromMinutes(1));

                    object OtherException() => Policy.Handle<TimeoutException>().Retry(3);

                    static bool IsTransient(SmtpCommandException ex) => (int)ex.StatusCode < 500;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Polly_8_retry_options_report_and_other_strategies_do_not()
        {
            var source = """
                using System;
                using MailKit.Net.Smtp;
                using Polly;
                using Polly.CircuitBreaker;
                using Polly.Retry;

                class Pipelines
                {
                    ResiliencePipeline All() => new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().{|#0:Handle<SmtpCommandException>|}() })
                        .Build();

                    RetryStrategyOptions<bool> OfResult()
                    {
                        var options = new RetryStrategyOptions<bool>();
                        options.ShouldHandle = new PredicateBuilder<bool>()
                            .{|#1:Handle<SmtpCommandException>|}(ex => ex.StatusCode != SmtpStatusCode.MailboxUnavailable)
                            .HandleResult(false);
                        return options;
                    }

                    RetryStrategyOptions Transient() => new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(ex => ex.StatusCode < SmtpStatusCode.CommandUnrecognized),
                    };

                    CircuitBreakerStrategyOptions Breaker() => new CircuitBreakerStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<SmtpCommandException>(),
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("'Handle<SmtpCommandException>' retries every status"),
                Verify.Diagnostic("SMTP007").WithLocation(1).WithArguments("'Handle<SmtpCommandException>' retries the permanent codes its predicate admits, 'CommandUnrecognized' (500) among them"));
        }

        [Fact]
        public Task The_server_side_exception_carries_its_status_in_the_response()
        {
            var source = """
                using System.Threading;
                using SmtpServer.Protocol;

                class Relay
                {
                    void Send() { }

                    void Forward()
                    {
                        while (true)
                        {
                            try
                            {
                                Send();
                                return;
                            }
                            catch (SmtpResponseException ex) when (ex.Response.ReplyCode == SmtpReplyCode.ServiceUnavailable)
                            {
                                Thread.Sleep(100);
                            }
                            {|#0:catch|} (SmtpResponseException ex) when (ex.Response.ReplyCode != SmtpReplyCode.ServiceUnavailable)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic("SMTP007").WithLocation(0).WithArguments("The catch of 'SmtpResponseException' retries the permanent codes its filter admits, 'MailboxUnavailable' (550) among them"));
        }

        /// <summary>
        /// A configured enum has no exception that carries it: the status exceptions are the libraries' own, known by name
        /// (StatusExceptionCatalog). A user's exception with a status property of a configured enum is not one of them.
        /// </summary>
        [Fact]
        public Task An_exception_of_the_program_s_own_with_a_configured_status_does_not_report()
        {
            var test = Verify.Create("""
                using System;
                using System.Threading;
                using Contoso.Mail;

                class DeliveryException : Exception
                {
                    public ReplyCode StatusCode { get; set; }
                }

                class Sender
                {
                    void Send(Action send, ReplyCode code)
                    {
                        while (true)
                        {
                            try
                            {
                                send();
                                return;
                            }
                            catch (DeliveryException)
                            {
                                Thread.Sleep(100);
                            }
                        }
                    }
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            return test.RunAsync();
        }

        [Fact]
        public Task C_sharp_7_3_code_reports_the_same()
        {
            var source = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        for (var attempt = 1; attempt <= 3; attempt++)
                        {
                            try
                            {
                                client.Send(message);
                                return;
                            }
                            {|SMTP007:catch|} (SmtpException ex) when (attempt < 3)
                            {
                                Thread.Sleep(2000 * attempt);
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.CSharp7_3, null);
        }
    }
}
