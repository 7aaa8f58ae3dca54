using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.SwitchCompletenessAnalyzer, SmtpCodes.Analyzers.Rules.SwitchCompletenessFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class SwitchCompletenessAnalyzerTests
    {
        private const string DefaultCountsOption = "smtp_codes.default_counts_as_handled = true";

        /// <summary>How the message ends where what the missing codes reach is not known.</summary>
        internal const string DefaultEnding = "'default:' and '_' do not count as handling them unless smtp_codes.default_counts_as_handled = true";

        private static DiagnosticResult Transient(int location, string type, string missing, string ending = DefaultEnding) =>
            Verify.Diagnostic("SMTP002").WithLocation(location).WithArguments(type, missing, ending).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Permanent(int location, string type, string missing, string ending = DefaultEnding) =>
            Verify.Diagnostic("SMTP003").WithLocation(location).WithArguments(type, missing, ending).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        /// <summary>The authentication codes of RFC 4954 and RFC 3207, which neither rule asks for.</summary>
        internal static readonly long[] AuthenticationCodes = { 432, 454, 530, 534, 535, 538 };

        /// <summary>What the message says for these members: value and name, sorted, every one, authentication codes aside.</summary>
        internal static string Describe(IReadOnlyList<(string Name, long Value)> members) =>
            string.Join(", ", members.Where(m => !AuthenticationCodes.Contains(m.Value)).OrderBy(m => m.Value).Select(m => m.Value + " " + m.Name));

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_enum_a_switch_naming_every_failure_code_is_complete(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var failures = StatusEnumMembers.Between(kind, 400, 600);
            var labels = string.Concat(failures.Select(m => $"case {kind.TypeName}.{m.Name}: "));
            var arms = string.Join(" or ", failures.Select(m => $"{kind.TypeName}.{m.Name}"));
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    void Statement({{kind.TypeName}} status)
                    {
                        switch (status)
                        {
                            {{labels}}
                                break;
                        }
                    }

                    bool Expression({{kind.TypeName}} status) => status switch
                    {
                        {{arms}} => true,
                        _ => false,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_enum_the_message_names_each_failure_code_left_out(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var transient = StatusEnumMembers.Between(kind, 400, 500);
            var permanent = StatusEnumMembers.Between(kind, 500, 600);

            // Handle every failure code but the first transient and the last permanent one.
            var handled = transient.Skip(1).Concat(permanent.Take(permanent.Count - 1)).ToList();
            var labels = string.Concat(handled.Select(m => $"case {kind.TypeName}.{m.Name}: "));
            var arms = string.Join(" or ", handled.Select(m => $"{kind.TypeName}.{m.Name}"));
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    void Statement({{kind.TypeName}} status)
                    {
                        {|#0:switch|} (status)
                        {
                            {{labels}}
                                break;
                        }
                    }

                    bool Expression({{kind.TypeName}} status) => status {|#1:switch|}
                    {
                        {{arms}} => true,
                        _ => false,
                    };
                }
                """;
            var missingTransient = Describe(transient.Take(1).ToList());
            var missingPermanent = Describe(permanent.Skip(permanent.Count - 1).ToList());
            return Verify.VerifyAnalyzerAsync(
                source,
                LanguageVersion.Latest,
                kind,
                Transient(0, kind.TypeName, missingTransient),
                Permanent(0, kind.TypeName, missingPermanent),
                Transient(1, kind.TypeName, missingTransient),
                Permanent(1, kind.TypeName, missingPermanent));
        }

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_enum_a_retry_handler_that_gives_up_on_missing_transient_codes_is_reported(string enumName)
        {
            // `false` from ShouldRetry gives up: right for the missing 5yz codes (no SMTP003), wrong for the 4yz ones.
            var kind = StatusEnumKind.Named(enumName);
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool ShouldRetry({{kind.TypeName}} status)
                    {
                        {|SMTP002:switch|} (status)
                        {
                            case {{kind.TypeName}}.{{kind.ServiceNotAvailable}}:
                                return true;
                            case {{kind.TypeName}}.{{kind.MailboxUnavailable}}:
                                return true;
                            default:
                                return false;
                        }
                    }

                    bool ShouldRetry2({{kind.TypeName}}? status) => status {|SMTP002:switch|}
                    {
                        {{kind.TypeName}}.{{kind.ServiceNotAvailable}} => true,
                        {{kind.TypeName}}.{{kind.MailboxUnavailable}} => true,
                        _ => false,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task The_message_names_every_missing_member_by_value_and_name_authentication_codes_aside()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    void Handle(SmtpException ex)
                    {
                        {|#0:switch|} (ex.StatusCode)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Transient(0, "SmtpStatusCode", "421 ServiceNotAvailable, 451 LocalErrorInProcessing, 452 InsufficientStorage"),
                Permanent(0, "SmtpStatusCode", "500 CommandUnrecognized, 501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented, 550 MailboxUnavailable, 551 UserNotLocalTryAlternatePath, 552 ExceededStorageAllocation, 553 MailboxNameNotAllowed, 554 TransactionFailed"));
        }

        [Fact]
        public Task Statement_and_expression_on_a_nullable_status_are_reported()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    void Statement(SmtpStatusCode? status)
                    {
                        {|#0:switch|} (status)
                        {
                            case null:
                                break;
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                                return;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                break;
                        }
                    }

                    int Expression(SmtpStatusCode? status) => status {|#1:switch|}
                    {
                        null => 0,
                        >= SmtpStatusCode.ServiceNotAvailable and < SmtpStatusCode.CommandUnrecognized => 1,
                        SmtpStatusCode.CommandUnrecognized or SmtpStatusCode.MailboxUnavailable => 2,
                        _ => 3,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                // The statement leaves out only 454 ClientNotPermitted, an authentication code: complete.
                Permanent(1, "SmtpStatusCode", "501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented, 551 UserNotLocalTryAlternatePath, 552 ExceededStorageAllocation, 553 MailboxNameNotAllowed, 554 TransactionFailed"));
        }

        [Fact]
        public Task A_complete_switch_reports_nothing()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    string Statement(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                            case SmtpStatusCode.ClientNotPermitted:
                                return "retry";
                            case SmtpStatusCode.CommandUnrecognized:
                            case SmtpStatusCode.SyntaxError:
                            case SmtpStatusCode.CommandNotImplemented:
                            case SmtpStatusCode.BadCommandSequence:
                            case SmtpStatusCode.CommandParameterNotImplemented:
                            case SmtpStatusCode.MustIssueStartTlsFirst:
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.UserNotLocalTryAlternatePath:
                            case SmtpStatusCode.ExceededStorageAllocation:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                            case SmtpStatusCode.TransactionFailed:
                                return "bounce";
                            default:
                                return "other";
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_default_section_or_discard_does_not_count_as_handling()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    void Statement(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return;
                            default:
                                break;
                        }
                    }

                    int Discard(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        _ => 0,
                    };

                    int Var(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        var other => (int)other,
                    };

                    int Typed(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        SmtpStatusCode other => (int)other,
                    };

                    int NotNull(SmtpStatusCode? status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        not null => 2,
                        null => 0,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task With_the_option_a_default_counts_and_only_switches_without_one_are_reported()
        {
            var test = Verify.Create("""
                using System.Net.Mail;

                class Handler
                {
                    void WithDefault(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                break;
                            default:
                                break;
                        }
                    }

                    int WithDiscard(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        _ => 0,
                    };

                    int WithVar(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        var other => (int)other,
                    };

                    int WithNotNull(SmtpStatusCode? status) => status switch
                    {
                        null => 0,
                        not null => 1,
                    };

                    int OnlyNull(SmtpStatusCode? status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        null => 0,
                        SmtpStatusCode.MailboxBusy => 1,
                    };

                    void WithoutDefault(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return;
                        }
                    }

                    int GuardedCatchAll(SmtpStatusCode status, bool log) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        var other when log => (int)other,
                    };
                }
                """);
            test.AddEditorConfig(DefaultCountsOption);
            test.CompilerDiagnostics = CompilerDiagnostics.Errors;
            return test.RunAsync();
        }

        [Fact]
        public Task The_option_is_read_per_file()
        {
            var test = Verify.Create("""
                using System.Net.Mail;

                class Reported
                {
                    int Retry(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        _ => 0,
                    };
                }
                """);
            test.TestState.Sources.Add(("/Lenient/Quiet.cs", """
                using System.Net.Mail;

                class Quiet
                {
                    int Retry(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy => 1,
                        _ => 0,
                    };
                }
                """));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/Lenient/*.cs]\n" + DefaultCountsOption + "\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_label_or_arm_with_a_when_clause_handles_nothing()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    void Statement(SmtpStatusCode status, bool busy)
                    {
                        {|#0:switch|} (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable when busy:
                            case >= SmtpStatusCode.ServiceNotAvailable and < SmtpStatusCode.CommandUnrecognized when !busy:
                                break;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                break;
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                                return;
                        }
                    }

                    int Expression(SmtpStatusCode status, bool busy) => status {|#1:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing => 1,
                        SmtpStatusCode.InsufficientStorage when busy => 2,
                        >= SmtpStatusCode.CommandUnrecognized => 3,
                        _ => 0,
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Transient(0, "SmtpStatusCode", "421 ServiceNotAvailable, 452 InsufficientStorage"),
                Transient(1, "SmtpStatusCode", "452 InsufficientStorage"));
        }

        [Fact]
        public Task Relational_ranges_that_cover_a_class_handle_it()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    string Statement(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case >= (SmtpStatusCode)400 and < (SmtpStatusCode)500:
                                return "retry";
                            case >= (SmtpStatusCode)500 and <= (SmtpStatusCode)599:
                                return "bounce";
                            default:
                                return "ok";
                        }
                    }

                    string Expression(SmtpStatusCode status) => status switch
                    {
                        < SmtpStatusCode.ServiceNotAvailable => "ok",
                        < SmtpStatusCode.CommandUnrecognized => "retry",
                        >= SmtpStatusCode.CommandUnrecognized => "bounce",
                    };

                    string NotRange(SmtpStatusCode status) => status switch
                    {
                        not (< SmtpStatusCode.ServiceNotAvailable or >= SmtpStatusCode.CommandUnrecognized) => "retry",
                        > SmtpStatusCode.ClientNotPermitted => "bounce",
                        _ => "ok",
                    };

                    string PartialRange(SmtpStatusCode status) => status {|#0:switch|}
                    {
                        > SmtpStatusCode.ServiceNotAvailable and < (SmtpStatusCode)500 => "retry",
                        >= SmtpStatusCode.CommandUnrecognized and not SmtpStatusCode.TransactionFailed => "bounce",
                        _ => "ok",
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Transient(0, "SmtpStatusCode", "421 ServiceNotAvailable"),
                Permanent(0, "SmtpStatusCode", "554 TransactionFailed"));
        }

        [Fact]
        public Task Or_patterns_handle_each_alternative()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    void Statement(SmtpStatusCode status)
                    {
                        {|#0:switch|} (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy:
                            case (SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage):
                                return;
                            case SmtpStatusCode.MailboxUnavailable or >= SmtpStatusCode.UserNotLocalTryAlternatePath:
                                return;
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Permanent(0, "SmtpStatusCode", "500 CommandUnrecognized, 501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented"));
        }

        [Fact]
        public Task An_alias_name_handles_its_value_and_obsolete_members_need_no_case()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Complete(Codes code) => code switch
                    {
                        Codes.Busy or Codes.Full => true,
                        Codes.Gone => false,
                        _ => false,
                    };

                    bool Incomplete(Codes code) => code {|#0:switch|}
                    {
                        Codes.Busy => true,
                        Codes.Gone => false,
                        _ => false,
                    };
                }
                """);
            test.AddSource("Codes.cs", """
                namespace Contoso.Mail
                {
                    public enum Codes
                    {
                        MailboxBusy = 450,
                        Busy = 450,
                        [System.Obsolete] LocalError = 451,
                        Full = 452,
                        Gone = 550,
                    }
                }
                """);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.Codes");
            test.ExpectedDiagnostics.Add(Transient(0, "Codes", "452 Full"));
            return test.RunAsync();
        }

        [Fact]
        public Task A_configured_enum_with_aliases_and_a_long_underlying_type_is_checked()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Retry(ReplyCode code)
                    {
                        {|#0:switch|} (code)
                        {
                            case ReplyCode.Accepted:
                                return false;
                            case ReplyCode.Greylisted:
                                return true;
                            case ReplyCode.NoSuchUser:
                            default:
                                return false;
                        }
                    }

                    bool Complete(ReplyCode code) => code switch
                    {
                        ReplyCode.Ok => false,
                        >= ReplyCode.Greylisted and <= ReplyCode.TryLater => true,
                        ReplyCode.NoSuchUser or ReplyCode.Rejected => false,
                        _ => false,
                    };
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            // `false` from Retry gives up: 554 is where it belongs, 452 is not.
            test.ExpectedDiagnostics.Add(Transient(0, "ReplyCode", "452 TryLater", "they reach 'case ReplyCode.NoSuchUser: default: return false;', which gives up on them; a 4yz reply means try again later"));
            return test.RunAsync();
        }

        [Fact]
        public Task With_both_options_a_configured_enum_with_a_default_is_not_reported()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Retry(ReplyCode code)
                    {
                        switch (code)
                        {
                            case ReplyCode.Greylisted:
                                return true;
                            default:
                                return false;
                        }
                    }

                    bool NoDefault(ReplyCode code) => code {|#0:switch|}
                    {
                        ReplyCode.Accepted => false,
                        ReplyCode.Greylisted or ReplyCode.TryLater => true,
                        ReplyCode.NoSuchUser => false,
                    };
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions, DefaultCountsOption);
            test.ExpectedDiagnostics.Add(Permanent(0, "ReplyCode", "554 Rejected"));
            test.CompilerDiagnostics = CompilerDiagnostics.Errors;
            return test.RunAsync();
        }

        [Fact]
        public Task Without_the_option_a_users_enum_is_not_checked()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Retry(ReplyCode code) => code switch
                    {
                        ReplyCode.Greylisted => true,
                        _ => false,
                    };
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            return test.RunAsync();
        }

        [Fact]
        public Task A_switch_that_names_only_success_codes_still_misses_every_failure()
        {
            var source = """
                using MailKit.Net.Smtp;

                class Handler
                {
                    string Describe(SmtpStatusCode status) => status {|#0:switch|}
                    {
                        SmtpStatusCode.Ok => "sent",
                        SmtpStatusCode.StartMailInput => "go on",
                        _ => "failed",
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                LanguageVersion.Latest,
                null,
                Transient(0, "SmtpStatusCode", "421 ServiceNotAvailable, 450 MailboxBusy, 451 ErrorInProcessing, 452 InsufficientStorage"),
                Permanent(0, "SmtpStatusCode", "500 CommandUnrecognized, 501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented, 550 MailboxUnavailable, 551 UserNotLocalTryAlternatePath, 552 ExceededStorageAllocation, 553 MailboxNameNotAllowed, 554 TransactionFailed, 555 MailFromOrRcptToParametersNotRecognizedOrNotImplemented"));
        }

        [Fact]
        public Task A_switch_on_a_converted_status_is_judged_like_the_status_and_other_numbers_are_not()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Retry(SmtpException ex)
                    {
                        {|#0:switch|} ((int)ex.StatusCode)
                        {
                            case 450:
                                return true;
                            default:
                                return false;
                        }
                    }

                    bool Retry2(SmtpException ex) => (int)ex.StatusCode {|#1:switch|}
                    {
                        450 => true,
                        _ => false,
                    };

                    bool Plain(int code) => code switch
                    {
                        450 => true,
                        _ => false,
                    };

                    bool Other(System.DayOfWeek day) => day switch
                    {
                        System.DayOfWeek.Monday => true,
                        _ => false,
                    };
                }
                """;
            const string missing = "421 ServiceNotAvailable, 451 LocalErrorInProcessing, 452 InsufficientStorage";
            return Verify.VerifyAnalyzerAsync(
                source,
                Transient(0, "SmtpStatusCode", missing, "they reach 'default: return false;', which gives up on them; a 4yz reply means try again later"),
                Transient(1, "SmtpStatusCode", missing, "they reach '_ => false', which gives up on them; a 4yz reply means try again later"));
        }

        [Fact]
        public Task A_half_typed_switch_neither_crashes_nor_reports()
        {
            var test = Verify.Create("""
                using System.Net.Mail;

                class Handler
                {
                    void Typing(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                break;
                            case SmtpStatusCode.
                        }
                    }

                    void UnknownMember(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusyy:
                                break;
                        }
                    }

                    int Arm(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or => 1,
                        _ => 0,
                    };

                    void NoBraces(SmtpStatusCode status)
                    {
                        switch (status)
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync();
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.CSharp8)]
        [InlineData(LanguageVersion.Latest)]
        public Task Every_language_version_is_analyzed(LanguageVersion version)
        {
            var expression = version >= LanguageVersion.CSharp8
                ? """
                    bool Expression(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => true,
                        _ => false,
                    };
                """
                : string.Empty;
            var source = $$"""
                using System.Net.Mail;

                class Handler
                {
                    bool Statement(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode s when s == SmtpStatusCode.MailboxUnavailable:
                                return false;
                        }

                        return false;
                    }

                {{expression}}
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, version, null);
        }
    }
}
