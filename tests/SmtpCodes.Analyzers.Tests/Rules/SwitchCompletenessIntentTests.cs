using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using EnumCase = SmtpCodes.Analyzers.Tests.Rules.SwitchCompletenessShapesTests.EnumCase;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.SwitchCompletenessAnalyzer, SmtpCodes.Analyzers.Rules.SwitchCompletenessFixer>;
using VerifyMagic = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, SmtpCodes.Analyzers.Rules.MagicSmtpCodeFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// SMTP002/SMTP003 judge what the missing codes reach: the three causes of noise seen in public mail code
    /// (authentication codes, a fallback that requeues, a fallback that wraps the caught exception), what a branch's
    /// intent says, early exits and converted switches — each reported and not, for statements and expressions, over the
    /// four status enums and a configured one. The code is written in our own words after shapes seen in senders, outbox
    /// workers and retry helpers.
    /// </summary>
    public class SwitchCompletenessIntentTests
    {
        public static TheoryData<string> Enums => SwitchCompletenessShapesTests.Enums;

        private const string GivesUp = "which gives up on them; a 4yz reply means try again later";
        private const string Retries = "which retries them; a 5yz reply cannot succeed when retried";

        private static Task RunAsync(EnumCase e, string members, params DiagnosticResult[] expected)
        {
            var test = Verify.Create(Source(e, members));
            Configure(test, e);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static string Source(EnumCase e, string members) => $$"""
            using System;
            using {{e.Namespace}};

            enum SendResult { Sent, RetryLater, Permanent, NoRetry, RetryCount, PermanentlyDeleted }

            class Message { }

            class StatusFailure : Exception
            {
                public StatusFailure(string message, {{e.TypeName}} status) : base(message) => Status = status;

                public {{e.TypeName}} Status { get; }
            }

            class MailDeliveryException : Exception
            {
                public MailDeliveryException(string message, Exception inner = null) : base(message, inner) { }
            }

            class Outbox
            {
                static void Requeue(Message message) { }

                static void Retry() { }

                static void Log(string text) { }

                static bool Fail({{e.TypeName}} status) => false;

                {{members}}
            }
            """;

        private static void Configure(Verify.Test test, EnumCase e)
        {
            if (e.Declaration is { } declaration)
            {
                test.AddSource("StatusEnum.cs", declaration);
            }

            if (e.Option is { } option)
            {
                test.AddEditorConfig(option);
            }
        }

        private static DiagnosticResult Transient(int location) =>
            DiagnosticResult.CompilerWarning("SMTP002").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Permanent(int location) =>
            DiagnosticResult.CompilerWarning("SMTP003").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static string Or(IEnumerable<string> names) => string.Join(" or ", names);

        private static string Labels(IEnumerable<string> names) => string.Concat(names.Select(n => $"case {n}: "));

        private static string Names(EnumCase e, IEnumerable<(string Name, long Value)> members) =>
            string.Join(", ", members.Select(m => m.Value + " " + m.Name));

        // Cause 1: authentication codes are not a retry decision.

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_classifier_naming_every_transient_code_but_the_authentication_ones_is_complete(string enumName)
        {
            var e = EnumCase.Named(enumName);
            var transient = e.Transient.Select(m => e.TypeName + "." + m.Name).ToList();

            // 432 and 454 are not named and need not be; the permanent fallback is the 5yz handler (shape 1) and gives up.
            return RunAsync(e, $$"""
                SendResult Classify({{e.TypeName}} status) => status switch
                {
                    {{Or(transient)}} => SendResult.RetryLater,
                    _ => SendResult.Permanent,
                };

                SendResult ClassifyStatement({{e.TypeName}} status)
                {
                    switch (status)
                    {
                        {{Labels(transient)}}
                            Log("later");
                            return SendResult.RetryLater;
                        default:
                            return SendResult.Permanent;
                    }
                }

                SendResult MissesOne({{e.TypeName}} status) => status {|#0:switch|}
                {
                    {{Or(transient.Skip(1))}} => SendResult.RetryLater,
                    _ => SendResult.Permanent,
                };
                """,
                Transient(0));
        }

        [Fact]
        public Task An_authentication_code_does_not_stop_a_branch_from_being_class_only()
        {
            // 530 (MustIssueStartTlsFirst) beside 450: still the transient branch, and it does what the fallback does.
            return Verify.VerifyAnalyzerAsync(
                """
                using System.Net.Mail;

                class Describer
                {
                    string Describe(SmtpStatusCode status) => status {|#0:switch|}
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.MustIssueStartTlsFirst => "later",
                        SmtpStatusCode.MailboxUnavailable => "never",
                        _ => "later",
                    };

                    string Mixed(SmtpStatusCode status) => status {|#1:switch|}
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.TransactionFailed => "later",
                        SmtpStatusCode.MailboxUnavailable => "never",
                        _ => "later",
                    };
                }
                """,
                Permanent(0),
                Transient(1),
                Permanent(1));
        }

        [Fact]
        public Task A_switch_missing_only_authentication_codes_is_complete_and_the_message_never_names_them()
        {
            return Verify.VerifyAnalyzerAsync(
                """
                using MailKit.Net.Smtp;

                class Describer
                {
                    string Complete(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or SmtpStatusCode.ErrorInProcessing or SmtpStatusCode.InsufficientStorage => "later",
                        >= SmtpStatusCode.CommandUnrecognized => "never",
                        _ => "other",
                    };

                    string Incomplete(SmtpStatusCode status) => status {|#0:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable => "later",
                        >= SmtpStatusCode.CommandUnrecognized => "never",
                        _ => "other",
                    };
                }
                """,
                Verify.Diagnostic("SMTP002").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("SmtpStatusCode", "450 MailboxBusy, 451 ErrorInProcessing, 452 InsufficientStorage", SwitchCompletenessAnalyzerTests.DefaultEnding));
        }

        // Cause 2: what the fallback does.

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_requeues_every_failure_handles_the_transient_codes_and_retries_the_permanent_ones(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                void Deliver(Message message, {{e.TypeName}} status)
                {
                    {|#0:switch|} (status)
                    {
                        case {{e.T(0)}}:
                        case {{e.P(0)}}:
                            Requeue(message);
                            break;
                        default:
                            if (status != {{e.TypeName}}.Ok) Requeue(message);
                            break;
                    }
                }

                SendResult Classify({{e.TypeName}} status) => status {|#1:switch|}
                {
                    {{e.T(0)}} or {{e.P(0)}} => SendResult.RetryLater,
                    _ => SendResult.RetryLater,
                };

                void OnlySome(Message message, {{e.TypeName}} status)
                {
                    // Not every missing code passes the test: what the fallback does with them is not known.
                    {|#2:switch|} (status)
                    {
                        case {{e.T(0)}}:
                        case {{e.P(0)}}:
                            Requeue(message);
                            break;
                        default:
                            if (status == {{e.T(1)}}) Requeue(message);
                            break;
                    }
                }
                """,
                Permanent(0), Permanent(1), Transient(2), Permanent(2));
        }

        [Fact]
        public Task The_message_names_the_branch_the_missing_codes_reach_and_what_it_does()
        {
            return Verify.VerifyAnalyzerAsync(
                """
                using System.Net.Mail;

                enum SendResult { Sent, RetryLater, Permanent }

                class Policy
                {
                    bool IsTransient(SmtpStatusCode status) => status {|#0:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy => true,
                        _ => false,
                    };

                    SendResult Classify(SmtpStatusCode status)
                    {
                        {|#1:switch|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return SendResult.RetryLater;
                            default:
                                return SendResult.Permanent;
                        }
                    }

                    bool ShouldRetry(SmtpStatusCode status) => status {|#2:switch|}
                    {
                        SmtpStatusCode.MailboxUnavailable => false,
                        _ => true,
                    };
                }
                """,
                Verify.Diagnostic("SMTP002").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("SmtpStatusCode", "451 LocalErrorInProcessing, 452 InsufficientStorage", "they reach '_ => false', " + GivesUp),
                Verify.Diagnostic("SMTP002").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("SmtpStatusCode", "421 ServiceNotAvailable, 451 LocalErrorInProcessing, 452 InsufficientStorage", "they reach 'default: return SendResult.Permanent;', " + GivesUp),
                Verify.Diagnostic("SMTP003").WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments(
                        "SmtpStatusCode",
                        "500 CommandUnrecognized, 501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented, 551 UserNotLocalTryAlternatePath, 552 ExceededStorageAllocation, 553 MailboxNameNotAllowed, 554 TransactionFailed",
                        "they reach '_ => true', " + Retries));
        }

        [Fact]
        public Task The_requeueing_fallback_is_named_in_the_message()
        {
            return Verify.VerifyAnalyzerAsync(
                """
                using System.Net.Mail;

                class Outbox
                {
                    static void Requeue(object message) { }

                    void Deliver(object msg, SmtpStatusCode status)
                    {
                        {|#0:switch|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.ExceededStorageAllocation:
                                Requeue(msg);
                                break;
                            default:
                                if (status != SmtpStatusCode.Ok) Requeue(msg);
                                break;
                        }
                    }
                }
                """,
                Verify.Diagnostic("SMTP003").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments(
                        "SmtpStatusCode",
                        "500 CommandUnrecognized, 501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented, 551 UserNotLocalTryAlternatePath, 553 MailboxNameNotAllowed, 554 TransactionFailed",
                        "they reach 'default: if (status != SmtpStatusCode.Ok) Requeue(msg); brea…', " + Retries));
        }

        // Cause 3: a fallback that hands the failure on.

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_wraps_the_caught_exception_hands_it_on(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                void Send(Action send)
                {
                    try
                    {
                        send();
                    }
                    catch (StatusFailure ex)
                    {
                        switch (ex.Status)
                        {
                            case {{e.T(0)}}:
                                Retry();
                                break;
                            default:
                                Log("giving up");
                                throw new MailDeliveryException("send failed", ex);
                        }
                    }
                }

                SendResult SendExpression(Func<SendResult> send)
                {
                    try
                    {
                        return send();
                    }
                    catch (StatusFailure ex)
                    {
                        return ex.Status switch
                        {
                            {{e.T(0)}} => SendResult.RetryLater,
                            _ => throw new MailDeliveryException("send failed", ex),
                        };
                    }
                }

                void ThroughALocal(Action send)
                {
                    try
                    {
                        send();
                    }
                    catch (StatusFailure failure)
                    {
                        var status = failure.Status;
                        switch (status)
                        {
                            case {{e.T(0)}}:
                                Retry();
                                break;
                            default:
                                throw;
                        }
                    }
                }
                """);
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_throws_without_the_caught_exception_is_reported(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                void Send(Action send, Exception previous)
                {
                    try
                    {
                        send();
                    }
                    catch (StatusFailure ex)
                    {
                        {|#0:switch|} (ex.Status)
                        {
                            case {{e.T(0)}}:
                                Retry();
                                break;
                            default:
                                throw new MailDeliveryException("send failed", previous);
                        }
                    }
                }

                SendResult SendExpression(Func<SendResult> send)
                {
                    try
                    {
                        return send();
                    }
                    catch (StatusFailure ex)
                    {
                        return ex.Status {|#1:switch|}
                        {
                            {{e.T(0)}} => SendResult.RetryLater,
                            _ => throw new MailDeliveryException("send failed"),
                        };
                    }
                }
                """,
                Transient(0), Permanent(0), Transient(1), Permanent(1));
        }

        // A narrower question, and names that trip a substring match.

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_switch_answering_a_narrower_question_is_not_asked_for_other_codes(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                bool IsHardBounce({{e.TypeName}} status) => status switch
                {
                    {{e.P(0)}} or {{e.P(1)}} => true,
                    _ => false,
                };

                bool IsMailboxFull({{e.TypeName}} status)
                {
                    switch (status)
                    {
                        case {{e.T(0)}}:
                            return true;
                        default:
                            return false;
                    }
                }

                bool IsQuotaExceeded({{e.TypeName}} status) => status is {{e.P(1)}};

                bool IsPermanent({{e.TypeName}} status) => status {|#0:switch|}
                {
                    {{e.P(0)}} or {{e.P(1)}} => true,
                    _ => false,
                };
                """,
                Permanent(0));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task Names_that_contain_retry_or_permanent_are_read_by_their_words(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                // NoRetry gives up: right for the 5yz codes, wrong for the 4yz ones.
                SendResult NoRetry({{e.TypeName}} status) => status {|#0:switch|}
                {
                    {{e.T(0)}} => SendResult.RetryLater,
                    _ => SendResult.NoRetry,
                };

                // A count and a deletion say nothing: as before, both reported.
                SendResult Count({{e.TypeName}} status) => status {|#1:switch|}
                {
                    {{e.T(0)}} => SendResult.RetryLater,
                    _ => SendResult.RetryCount,
                };

                SendResult Deleted({{e.TypeName}} status) => status {|#2:switch|}
                {
                    {{e.T(0)}} => SendResult.RetryLater,
                    _ => SendResult.PermanentlyDeleted,
                };

                // IsNotTransient asks the permanent question: its `false` retries.
                bool IsNotTransient({{e.TypeName}} status) => status {|#3:switch|}
                {
                    {{e.P(0)}} => true,
                    _ => false,
                };
                """,
                Transient(0), Transient(1), Permanent(1), Transient(2), Permanent(2), Permanent(3));
        }

        // Shape 3: early exits.

        [Theory]
        [MemberData(nameof(Enums))]
        public Task Members_that_leave_before_the_switch_need_no_case(string enumName)
        {
            var e = EnumCase.Named(enumName);
            var otherTransient = e.Transient.Skip(1).Select(m => e.TypeName + "." + m.Name).ToList();
            var otherTests = string.Join(" || ", otherTransient.Select(n => "status == " + n));
            var permanentTests = string.Join(" || ", e.Permanent.Skip(1).Select(m => "status == " + e.TypeName + "." + m.Name));
            return RunAsync(e, $$"""
                bool Returns({{e.TypeName}} status)
                {
                    if ({{otherTests}}) return Fail(status);
                    if ({{permanentTests}})
                    {
                        Log("final");
                        return false;
                    }

                    switch (status)
                    {
                        case {{e.T(0)}}:
                            return true;
                        case {{e.P(0)}}:
                            return false;
                    }

                    return false;
                }

                // The other transient codes leave: the discard receives permanent codes only and is their handler (shape 1).
                string Throws({{e.TypeName}} status)
                {
                    if (status is {{Or(otherTransient)}}) throw new StatusFailure("later", status);
                    return status switch
                    {
                        {{e.T(0)}} => "busy",
                        _ => "other",
                    };
                }

                void InALoop(Func<{{e.TypeName}}> next)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        var status = next();
                        if ({{otherTests}}) continue;
                        if ({{permanentTests}}) break;
                        switch (status)
                        {
                            case {{e.T(0)}}:
                                Retry();
                                break;
                            case {{e.P(0)}}:
                                return;
                        }
                    }
                }
                """);
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task An_exit_that_does_not_hold_at_the_switch_keeps_nothing_out(string enumName)
        {
            var e = EnumCase.Named(enumName);
            var otherTests = string.Join(" || ", e.Transient.Skip(1).Select(m => "status == " + e.TypeName + "." + m.Name));
            return RunAsync(e, $$"""
                bool Reassigned({{e.TypeName}} status, {{e.TypeName}} next)
                {
                    if ({{otherTests}}) return false;
                    status = next;
                    {|#0:switch|} (status)
                    {
                        case {{e.T(0)}}:
                            return true;
                    }

                    return false;
                }

                bool LogsOnly({{e.TypeName}} status)
                {
                    if ({{otherTests}}) Log("later");
                    {|#1:switch|} (status)
                    {
                        case {{e.T(0)}}:
                            return true;
                    }

                    return false;
                }

                bool ElseBranch({{e.TypeName}} status)
                {
                    if ({{otherTests}}) return false; else Log("go on");
                    {|#2:switch|} (status)
                    {
                        case {{e.T(0)}}:
                            return true;
                    }

                    return false;
                }

                bool AfterTheSwitch({{e.TypeName}} status)
                {
                    {|#3:switch|} (status)
                    {
                        case {{e.T(0)}}:
                            return true;
                    }

                    if ({{otherTests}}) return false;
                    return false;
                }
                """,
                Transient(0), Permanent(0), Transient(1), Permanent(1), Transient(2), Permanent(2), Transient(3), Permanent(3));
        }

        // Item 5 of the issue: a switch over a converted status, before and after SMTP001's fix.

        private static string Converted(EnumCase e, bool fixedByMagic, bool markMagic)
        {
            string Code(long value, string member) => fixedByMagic ? e.TypeName + "." + member : markMagic ? "{|SMTP001:" + value + "|}" : value.ToString();
            string Value(string value) => fixedByMagic ? value : "(int)" + value;
            var t0 = Code(e.Transient[0].Value, e.Transient[0].Name);
            var t1 = Code(e.Transient[1].Value, e.Transient[1].Name);
            var t2 = Code(e.Transient[2].Value, e.Transient[2].Name);
            var p0 = Code(e.Permanent[0].Value, e.Permanent[0].Name);
            return $$"""
                bool Retry({{e.TypeName}} status)
                {
                    {|#0:switch|} ({{Value("status")}})
                    {
                        case {{t0}}:
                            return true;
                        case {{p0}}:
                            return false;
                        default:
                            return false;
                    }
                }

                string Describe(StatusFailure ex) => {{Value("ex.Status")}} {|#1:switch|}
                {
                    {{t0}} => "later",
                    _ => "other",
                };

                void Exits(Message message, {{e.TypeName}} status)
                {
                    if ({{Value("status")}} == {{t1}} || {{Value("status")}} == {{t2}}) return;
                    {|#2:switch|} ({{Value("status")}})
                    {
                        case {{t0}}:
                            Requeue(message);
                            break;
                    }
                }
                """;
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public async Task A_switch_over_a_converted_status_reports_what_it_reports_after_SMTP001_rewrites_it(string enumName)
        {
            var e = EnumCase.Named(enumName);

            // SMTP001's fix turns the converted switch into this one.
            var magic = VerifyMagic.Create(Source(e, Converted(e, fixedByMagic: false, markMagic: true)), Source(e, Converted(e, fixedByMagic: true, markMagic: false)));
            if (e.Declaration is { } declaration)
            {
                magic.AddSource("StatusEnum.cs", declaration);
            }

            if (e.Option is { } option)
            {
                magic.AddEditorConfig(option);
            }

            await magic.RunAsync();

            // The same SMTP002/SMTP003 before and after: a -warnaserror build stays as it was.
            // Exits: 421 handled, two transient codes leave first; where no other one is left (the configured enum) the
            // switch receives permanent codes only, and falling out of it is their handler.
            var expected = new List<DiagnosticResult> { Transient(0), Transient(1), Permanent(1) };
            if (e.Transient.Count > 3)
            {
                expected.Add(Transient(2));
                expected.Add(Permanent(2));
            }

            await RunAsync(e, Converted(e, fixedByMagic: false, markMagic: false), expected.ToArray());
            await RunAsync(e, Converted(e, fixedByMagic: true, markMagic: false), expected.ToArray());
        }
    }
}
