using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MixedReplyClassesAnalyzer, SmtpCodes.Analyzers.Rules.MixedReplyClassesMoveFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// SMTP008's "Retry this transient failure" and SMTP007's "Stop retrying this permanent failure" for a named member: it
    /// moves to the one branch of its switch that does what its class needs, one diagnostic at a time (no Fix All).
    /// </summary>
    public class MixedReplyClassesMoveFixerTests
    {
        private static Task VerifyMoveAsync(string source, string fixedSource, string key, string title, LanguageVersion version = LanguageVersion.Latest, StatusEnumKind? kind = null)
        {
            var test = Verify.Create(source, fixedSource, version, kind);
            test.CodeActionEquivalenceKey = key;
            test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
            return test.RunAsync();
        }

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task A_transient_label_moves_to_the_section_that_retries(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var t = kind.TypeName;
            var busy = kind.ServiceNotAvailable;
            var (other, code) = StatusEnumMembers.Between(kind, 400, 500).First(m => m.Value is not (421 or 432 or 454));
            var source = $$"""
                using System;
                using {{kind.Namespace}};

                class Policy
                {
                    bool ShouldRetry({{t}} status)
                    {
                        switch (status)
                        {
                            case {{t}}.{{other}}:
                                return true;
                            case {|SMTP008:{{t}}.{{busy}}|}:
                                Console.WriteLine("closing");
                                return false;
                            default:
                                return false;
                        }
                    }
                }
                """;
            var fixedSource = $$"""
                using System;
                using {{kind.Namespace}};

                class Policy
                {
                    bool ShouldRetry({{t}} status)
                    {
                        switch (status)
                        {
                            case {{t}}.{{other}}:
                            case {{t}}.{{busy}}:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
                """;
            return VerifyMoveAsync(source, fixedSource, FixKinds.MoveToRetryBranch, $"Retry this transient failure: move {busy} (421) to the case for {code} ('return true;')", LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task A_transient_alternative_moves_to_the_arm_that_retries_and_its_arm_goes()
        {
            var source = """
                using MailKit.Net.Smtp;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.ErrorInProcessing => true,
                        {|SMTP008:SmtpStatusCode.ServiceNotAvailable|} => false,
                        _ => false,
                    };
                }
                """;
            var fixedSource = """
                using MailKit.Net.Smtp;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.ErrorInProcessing or SmtpStatusCode.ServiceNotAvailable => true,
                        _ => false,
                    };
                }
                """;
            return VerifyMoveAsync(source, fixedSource, FixKinds.MoveToRetryBranch, "Retry this transient failure: move ServiceNotAvailable (421) to the arm for 450, 451 ('=> true')");
        }

        [Fact]
        public Task A_permanent_member_moves_to_the_default_that_gives_up()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case {|SMTP007:SmtpStatusCode.MailboxUnavailable|}:
                                Console.WriteLine("retrying");
                                return true;
                            default:
                                return false;
                        }
                    }

                    bool IsRetryable(SmtpStatusCode status) => status switch
                    {
                        {|SMTP007:SmtpStatusCode.TransactionFailed|} => true,
                        _ => false,
                    };
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class Policy
                {
                    bool IsTransient(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable:
                            default:
                                return false;
                        }
                    }

                    bool IsRetryable(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.TransactionFailed => false,
                        _ => false,
                    };
                }
                """;
            var test = Verify.Create(source, fixedSource);
            test.CodeActionEquivalenceKey = FixKinds.MoveToGiveUpBranch;
            test.CodeActionVerifier = (action, verifier) => verifier.True(
                action.Title is "Stop retrying this permanent failure: move MailboxUnavailable (550) to the default case ('return false;')"
                    or "Stop retrying this permanent failure: move TransactionFailed (554) to the '_' arm ('=> false')",
                action.Title);
            return test.RunAsync();
        }

        [Fact]
        public Task The_example_of_the_rule_page_is_what_the_fix_does()
        {
            // docs/rules/SMTP008.md, "Examples".
            var source = """
                using System;
                using System.Net.Mail;

                public enum SendResult { Sent, RetryLater, Bounce }

                public static class Delivery
                {
                    public static SendResult Classify(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.Ok:
                                return SendResult.Sent;
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.InsufficientStorage:
                                return SendResult.RetryLater;
                            case {|SMTP008:SmtpStatusCode.ServiceNotAvailable|}:   // SMTP008
                                Console.WriteLine("The server is closing the connection.");
                                return SendResult.Bounce;
                            default:
                                return SendResult.Bounce;
                        }
                    }
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Mail;

                public enum SendResult { Sent, RetryLater, Bounce }

                public static class Delivery
                {
                    public static SendResult Classify(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.Ok:
                                return SendResult.Sent;
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.InsufficientStorage:
                            case SmtpStatusCode.ServiceNotAvailable:
                                return SendResult.RetryLater;
                            default:
                                return SendResult.Bounce;
                        }
                    }
                }
                """;
            return VerifyMoveAsync(source, fixedSource, FixKinds.MoveToRetryBranch, "Retry this transient failure: move ServiceNotAvailable (421) to the case for 450, 452 ('return SendResult.RetryLater;')");
        }

        [Fact]
        public Task No_move_where_the_switch_has_two_branches_that_retry_or_another_arm_would_take_the_member()
        {
            var source = """
                using System.Net.Mail;

                class Outbox
                {
                    public void Requeue() { }
                    public void Reschedule() { }
                    public void MarkFailed() { }
                }

                class Policy
                {
                    void Handle(SmtpStatusCode status, Outbox outbox)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                outbox.Requeue();
                                break;
                            case SmtpStatusCode.InsufficientStorage:
                                outbox.Reschedule();
                                break;
                            case {|SMTP008:SmtpStatusCode.ServiceNotAvailable|}:
                                outbox.MarkFailed();
                                break;
                        }
                    }

                    bool IsTransient(SmtpStatusCode status) => status switch
                    {
                        {|SMTP007:SmtpStatusCode.MailboxUnavailable|} => true,
                        SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxBusy when status != SmtpStatusCode.Ok => true,
                        _ => false,
                    };
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }
    }
}
