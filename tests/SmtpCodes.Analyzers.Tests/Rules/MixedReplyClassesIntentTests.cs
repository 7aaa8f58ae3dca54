using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MixedReplyClassesAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// What a branch does with the failure, in the one walk of <see cref="Infrastructure.MixedReplyClassesAnalyzer"/>: SMTP005 leaves
    /// authentication codes and branches that hand the failure on alone, and takes branches that do the same as one;
    /// SMTP007 reports a named 5yz member in a branch that retries, SMTP008 a named 4yz member in a branch that gives up,
    /// each only where SMTP005 does not report the branch.
    /// </summary>
    public class MixedReplyClassesIntentTests
    {
        /// <summary>A second transient member of the enum (neither 421 nor an authentication code), for chains and patterns.</summary>
        private static string OtherTransient(StatusEnumKind kind) =>
            StatusEnumMembers.Between(kind, 400, 500).First(m => m.Value is not (421 or 432 or 454)).Name;

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task A_member_whose_branch_contradicts_its_class_is_reported_in_every_shape(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var t = kind.TypeName;
            var busy = t + "." + kind.ServiceNotAvailable;
            var other = t + "." + OtherTransient(kind);
            var gone = t + "." + kind.MailboxUnavailable;
            var source = $$"""
                using {{kind.Namespace}};

                class Policy
                {
                    bool IsTransient({{t}} status) => status switch
                    {
                        {|SMTP007:{{gone}}|} => true,
                        _ => false,
                    };

                    bool ShouldRetry({{t}} status)
                    {
                        switch (status)
                        {
                            case {|SMTP008:{{busy}}|}:
                                return false;
                            default:
                                return true;
                        }
                    }

                    bool IsPermanent({{t}} status) => status == {|SMTP008:{{busy}}|} || status == {|SMTP008:{{other}}|};

                    bool CanRetry({{t}} status) => status is {|SMTP008:{{busy}}|} or {|SMTP008:{{other}}|} ? false : true;

                    void Handle({{t}} status, Outbox outbox)
                    {
                        if (status is {|SMTP008:{{busy}}|} or {|SMTP008:{{other}}|})
                        {
                            outbox.MarkFailed();
                        }
                    }
                }

                class Outbox
                {
                    public void MarkFailed() { }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task Messages_say_what_the_branch_does_with_each_code()
        {
            var source = """
                using System.Net.Mail;

                enum SendResult { Sent, RetryLater, Bounce }

                class Policy
                {
                    bool IsTransient(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.MailboxBusy or {|#0:SmtpStatusCode.MailboxUnavailable|} => true,
                        _ => false,
                    };

                    SendResult Classify(SmtpStatusCode s)
                    {
                        switch (s)
                        {
                            case SmtpStatusCode.MailboxNameNotAllowed:
                                return SendResult.Bounce;
                            case {|#1:SmtpStatusCode.InsufficientStorage|}:
                                return SendResult.Bounce;
                            default:
                                return SendResult.Sent;
                        }
                    }

                    bool ShouldRetry(SmtpStatusCode s) => s switch
                    {
                        {|#2:SmtpStatusCode.ServiceNotAvailable|} => false,
                        {|#3:SmtpStatusCode.ExceededStorageAllocation|} => true,
                        _ => false,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP005").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    "The permanent 'SmtpStatusCode.MailboxUnavailable' (550) is retried together with the transient 'SmtpStatusCode.MailboxBusy' (450) by '=> true' in 'IsTransient'"),
                Verify.Diagnostic("SMTP005").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    "The transient 'SmtpStatusCode.InsufficientStorage' (452) is given up on like the permanent 'SmtpStatusCode.MailboxNameNotAllowed' (553) by branches that do the same, 'return SendResult.Bounce;' in 'Classify'"),
                Verify.Diagnostic("SMTP008").WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    "SmtpStatusCode.ServiceNotAvailable", "421", "'=> false' in 'ShouldRetry'"),
                Verify.Diagnostic("SMTP007").WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    "'SmtpStatusCode.ExceededStorageAllocation' (552) is retried by '=> true' in 'ShouldRetry'"));
        }

        [Fact]
        public Task A_single_test_that_decides_a_branch_reports_its_member()
        {
            var source = """
                using System;
                using System.Net.Mail;
                using MailKit.Net.Smtp;
                using SnmCode = System.Net.Mail.SmtpStatusCode;
                using KitCode = MailKit.Net.Smtp.SmtpStatusCode;

                enum SendResult { Sent, RetryLater, Bounce }

                class Policy
                {
                    SendResult Classify(SnmCode status)
                    {
                        if (status == {|SMTP008:SnmCode.MailboxBusy|})
                        {
                            return SendResult.Bounce;
                        }

                        if ((status == SnmCode.ServiceNotAvailable))
                        {
                            return SendResult.RetryLater;
                        }

                        return SendResult.Sent;
                    }

                    bool IsTransient(SnmCode status) => status == {|SMTP007:SnmCode.MailboxUnavailable|};

                    bool IsPermanent(KitCode status) => status is {|SMTP008:KitCode.ServiceNotAvailable|};

                    SendResult Decide(SmtpCommandException ex) => (int)ex.StatusCode == {|SMTP007:550|} ? SendResult.RetryLater : SendResult.Bounce;

                    void NearMisses(SnmCode status, int attempt, Action requeue)
                    {
                        if (attempt < 3 && status == SnmCode.MailboxUnavailable)
                        {
                            requeue();
                        }

                        if (status == SnmCode.MailboxBusy)
                        {
                            Console.WriteLine("busy");
                        }

                        var retry = status == SnmCode.MustIssueStartTlsFirst;
                        var hard = status is SnmCode.MailboxBusy;
                    }

                    bool IsHardBounce(SnmCode status) => status == SnmCode.ServiceNotAvailable;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_configured_enum_reports_members_whose_branch_contradicts_their_class()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Policy
                {
                    bool IsTransient(ReplyCode code) => code switch
                    {
                        {|SMTP007:ReplyCode.NoSuchUser|} => true,
                        _ => false,
                    };

                    bool IsFatal(ReplyCode code) => code switch
                    {
                        {|SMTP008:ReplyCode.Greylisted|} => true,
                        _ => false,
                    };
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            return test.RunAsync();
        }

        [Fact]
        public Task Names_that_trip_a_substring_match_read_as_they_mean()
        {
            // NoRetry and IsNotTransient ask the opposite of retry: true gives up. RetryCount and PermanentlyDeleted say
            // nothing about retrying: no report.
            var source = """
                using System.Net.Mail;

                enum MessageState { Queued, PermanentlyDeleted }

                class Policy
                {
                    int RetryCount;
                    MessageState State;

                    bool NoRetry(SmtpStatusCode status) => status switch
                    {
                        {|SMTP008:SmtpStatusCode.MailboxBusy|} => true,
                        _ => false,
                    };

                    bool IsNotTransient(SmtpStatusCode status) => status switch
                    {
                        {|SMTP008:SmtpStatusCode.ServiceNotAvailable|} => true,
                        _ => false,
                    };

                    void Count(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxUnavailable:
                                RetryCount = 3;
                                break;
                            case SmtpStatusCode.MailboxBusy:
                                State = MessageState.PermanentlyDeleted;
                                break;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Authentication_codes_make_no_branch_mixed_and_no_member_misplaced()
        {
            // 454 and 530 are the credentials or TLS settings, whatever their first digit.
            var source = """
                using System.Net.Mail;

                class Policy
                {
                    string Advice(SmtpStatusCode s)
                    {
                        if (s == SmtpStatusCode.MustIssueStartTlsFirst || s == SmtpStatusCode.ClientNotPermitted || s == SmtpStatusCode.CommandNotImplemented)
                        {
                            return "check the SMTP settings";
                        }

                        return s is SmtpStatusCode.ClientNotPermitted or SmtpStatusCode.MailboxUnavailable ? "settings or address" : "other";
                    }

                    bool IsTransient(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.ClientNotPermitted => true,
                        SmtpStatusCode.MustIssueStartTlsFirst => true,
                        SmtpStatusCode.ClientNotPermitted or {|SMTP007:SmtpStatusCode.MailboxUnavailable|} => true,
                        _ => false,
                    };

                    bool IsPermanent(SmtpStatusCode s) => s is SmtpStatusCode.ClientNotPermitted or SmtpStatusCode.MustIssueStartTlsFirst;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_branch_that_hands_the_failure_on_is_no_mix()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class MailDeliveryException : Exception
                {
                    public MailDeliveryException(string message, Exception inner) : base(message, inner) { }
                }

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex)
                        {
                            switch (ex.StatusCode)
                            {
                                case SmtpStatusCode.ServiceNotAvailable:
                                case SmtpStatusCode.SyntaxError:
                                case SmtpStatusCode.TransactionFailed:
                                    throw new MailDeliveryException("send failed", ex);
                                case SmtpStatusCode.MailboxBusy:
                                case SmtpStatusCode.MailboxUnavailable:
                                    throw;
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Branches_that_do_the_same_are_one_branch()
        {
            var source = """
                using System.Net.Mail;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.MailboxBusy => true,
                        {|SMTP005:SmtpStatusCode.MailboxUnavailable|} => true,
                        SmtpStatusCode.TransactionFailed => true,
                        _ => false,
                    };

                    bool ShouldRetry(SmtpStatusCode s)
                    {
                        switch (s)
                        {
                            case SmtpStatusCode.MailboxUnavailable:
                                return false;
                            case SmtpStatusCode.ServiceNotAvailable:
                                return true;
                            case {|SMTP005:SmtpStatusCode.MailboxBusy|}:
                                return false;
                            default:
                                return false;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Branches_that_do_the_same_thing_of_unknown_intent_are_not_reported()
        {
            // A table that groups codes by topic (a text, a log level) makes no retry decision.
            var source = """
                using System.Net.Mail;

                class Describer
                {
                    string Topic(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.MailboxBusy => "mailbox",
                        SmtpStatusCode.MailboxUnavailable => "mailbox",
                        _ => "other",
                    };

                    bool Check(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.MailboxBusy => true,
                        SmtpStatusCode.MailboxUnavailable => true,
                        _ => false,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Unknown_intent_and_narrow_questions_report_no_member()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class Policy
                {
                    string Describe(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.MailboxUnavailable => "no such user",
                        SmtpStatusCode.MailboxBusy => "busy",
                        _ => "other",
                    };

                    bool Check(SmtpStatusCode s) => s == SmtpStatusCode.MailboxUnavailable || s == SmtpStatusCode.ExceededStorageAllocation;

                    bool IsHardBounce(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.ServiceNotAvailable => true,
                        _ => false,
                    };

                    void Log(SmtpStatusCode s)
                    {
                        switch (s)
                        {
                            case SmtpStatusCode.MailboxUnavailable:
                                Console.WriteLine("gone");
                                break;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_branch_that_SMTP005_reports_gets_no_SMTP007()
        {
            var source = """
                using System.Net.Mail;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode s) => s switch
                    {
                        SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|} or SmtpStatusCode.TransactionFailed => true,
                        _ => false,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Members_an_earlier_branch_takes_are_not_reported()
        {
            var source = """
                using System.Net.Mail;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode s)
                    {
                        switch (s)
                        {
                            case SmtpStatusCode.MailboxUnavailable:
                                return false;
                            case SmtpStatusCode.MailboxBusy or SmtpStatusCode.MailboxUnavailable:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }
    }
}
