using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.SwitchCompletenessAnalyzer, SmtpCodes.Analyzers.Rules.SwitchCompletenessFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class SwitchCompletenessFixerTests
    {
        private static Verify.Test Create(string source, string fixedSource, string key, LanguageVersion version = LanguageVersion.Latest, StatusEnumKind? kind = null)
        {
            var test = Verify.Create(source, fixedSource, version, kind);
            test.CodeActionEquivalenceKey = key;

            // The diagnostics of the other class stay after the fix: the fixed code's markup says where.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.BatchFixedState.MarkupHandling = MarkupMode.Allow;
            return test;
        }

        private const string StatementSource = """
            using System;
            using System.Net.Mail;

            class RetryPolicy
            {
                bool ShouldRetry(SmtpException ex)
                {
                    {|SMTP002:{|SMTP003:switch|}|} (ex.StatusCode)
                    {
                        case SmtpStatusCode.ServiceNotAvailable:
                        case SmtpStatusCode.MailboxBusy:
                            return true;
                        case SmtpStatusCode.MailboxUnavailable:
                        case SmtpStatusCode.MailboxNameNotAllowed:
                            return false;
                        default:
                            throw new System.InvalidOperationException();
                    }
                }
            }
            """;

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Statement_transient_codes_join_the_existing_handler(LanguageVersion version)
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpException ex)
                    {
                        {|SMTP003:switch|} (ex.StatusCode)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                                return false;
                            default:
                                throw new System.InvalidOperationException();
                        }
                    }
                }
                """;
            return Create(StatementSource, fixedSource, FixKinds.TransientToHandler, version).RunAsync();
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Statement_permanent_codes_join_the_existing_handler(LanguageVersion version)
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpException ex)
                    {
                        {|SMTP002:switch|} (ex.StatusCode)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                            case SmtpStatusCode.CommandUnrecognized:
                            case SmtpStatusCode.SyntaxError:
                            case SmtpStatusCode.CommandNotImplemented:
                            case SmtpStatusCode.BadCommandSequence:
                            case SmtpStatusCode.CommandParameterNotImplemented:
                            case SmtpStatusCode.UserNotLocalTryAlternatePath:
                            case SmtpStatusCode.ExceededStorageAllocation:
                            case SmtpStatusCode.TransactionFailed:
                                return false;
                            default:
                                throw new System.InvalidOperationException();
                        }
                    }
                }
                """;
            return Create(StatementSource, fixedSource, FixKinds.PermanentToHandler, version).RunAsync();
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Statement_transient_codes_as_a_new_section_before_the_default(LanguageVersion version)
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpException ex)
                    {
                        {|SMTP003:switch|} (ex.StatusCode)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                                return false;
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                                throw new NotImplementedException();
                            default:
                                throw new System.InvalidOperationException();
                        }
                    }
                }
                """;
            return Create(StatementSource, fixedSource, FixKinds.TransientAsNewCase, version).RunAsync();
        }

        [Fact]
        public Task Statement_without_usings_gets_qualified_names()
        {
            var source = """
                class RetryPolicy
                {
                    bool ShouldRetry(System.Net.Mail.SmtpStatusCode? status)
                    {
                        {|SMTP002:switch|} (status)
                        {
                            case null:
                                return false;
                            case System.Net.Mail.SmtpStatusCode.ServiceNotAvailable:
                                return true;
                            case >= System.Net.Mail.SmtpStatusCode.CommandUnrecognized:
                                return false;
                        }

                        return false;
                    }
                }
                """;
            var fixedSource = """
                class RetryPolicy
                {
                    bool ShouldRetry(System.Net.Mail.SmtpStatusCode? status)
                    {
                        switch (status)
                        {
                            case null:
                                return false;
                            case System.Net.Mail.SmtpStatusCode.ServiceNotAvailable:
                                return true;
                            case >= System.Net.Mail.SmtpStatusCode.CommandUnrecognized:
                                return false;
                            case System.Net.Mail.SmtpStatusCode.MailboxBusy:
                            case System.Net.Mail.SmtpStatusCode.LocalErrorInProcessing:
                            case System.Net.Mail.SmtpStatusCode.InsufficientStorage:
                                throw new System.NotImplementedException();
                        }

                        return false;
                    }
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsNewCase).RunAsync();
        }

        [Fact]
        public Task Statement_or_pattern_label_grows()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status)
                    {
                        {|SMTP002:switch|} (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing:
                                return true;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                return false;
                            default:
                                return false;
                        }
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage:
                                return true;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                return false;
                            default:
                                return false;
                        }
                    }
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientToHandler).RunAsync();
        }

        private const string ExpressionSource = """
            using System;
            using System.Net.Mail;

            class RetryPolicy
            {
                bool ShouldRetry(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                {
                    SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy => true,
                    SmtpStatusCode.MailboxUnavailable => false,
                    _ => throw new System.InvalidOperationException(),
                };
            }
            """;

        [Fact]
        public Task Expression_transient_codes_join_the_existing_arm()
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status) => status {|SMTP003:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => true,
                        SmtpStatusCode.MailboxUnavailable => false,
                        _ => throw new System.InvalidOperationException(),
                    };
                }
                """;
            return Create(ExpressionSource, fixedSource, FixKinds.TransientToHandler).RunAsync();
        }

        [Fact]
        public Task Expression_permanent_codes_as_a_new_arm_before_the_discard()
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status) => status {|SMTP002:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy => true,
                        SmtpStatusCode.MailboxUnavailable => false,
                        SmtpStatusCode.CommandUnrecognized or SmtpStatusCode.SyntaxError or SmtpStatusCode.CommandNotImplemented or SmtpStatusCode.BadCommandSequence or SmtpStatusCode.CommandParameterNotImplemented or SmtpStatusCode.UserNotLocalTryAlternatePath or SmtpStatusCode.ExceededStorageAllocation or SmtpStatusCode.MailboxNameNotAllowed or SmtpStatusCode.TransactionFailed => throw new NotImplementedException(),
                        _ => throw new System.InvalidOperationException(),
                    };
                }
                """;
            return Create(ExpressionSource, fixedSource, FixKinds.PermanentAsNewCase).RunAsync();
        }

        [Fact]
        public Task Expression_under_CSharp8_gets_one_arm_per_code_and_no_or_pattern()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.ServiceNotAvailable => true,
                        SmtpStatusCode.MailboxBusy => true,
                        SmtpStatusCode.LocalErrorInProcessing => true,
                        _ => throw new System.InvalidOperationException(),
                    };
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.ServiceNotAvailable => true,
                        SmtpStatusCode.MailboxBusy => true,
                        SmtpStatusCode.LocalErrorInProcessing => true,
                        SmtpStatusCode.InsufficientStorage => throw new NotImplementedException(),
                        _ => throw new System.InvalidOperationException(),
                    };
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsNewCase, LanguageVersion.CSharp8).RunAsync();
        }

        [Fact]
        public Task Expression_under_CSharp8_offers_no_existing_arm_fix()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.ServiceNotAvailable => true,
                        SmtpStatusCode.MailboxUnavailable => false,
                        _ => throw new System.InvalidOperationException(),
                    };
                }
                """;
            return Create(source, source, FixKinds.TransientToHandler, LanguageVersion.CSharp8).RunAsync();
        }

        [Fact]
        public Task Expression_new_arm_goes_after_a_guarded_arm_it_would_make_unreachable()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status, bool greylisting) => status {|SMTP002:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable => 60,
                        SmtpStatusCode.MailboxBusy when greylisting => 300,
                        >= SmtpStatusCode.CommandUnrecognized => -1,
                        _ => 0,
                    };
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status, bool greylisting) => status switch
                    {
                        SmtpStatusCode.ServiceNotAvailable => 60,
                        SmtpStatusCode.MailboxBusy when greylisting => 300,
                        >= SmtpStatusCode.CommandUnrecognized => -1,
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => throw new System.NotImplementedException(),
                        _ => 0,
                    };
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsNewCase).RunAsync();
        }

        [Fact]
        public Task No_existing_handler_fix_when_a_later_guarded_arm_tests_a_missing_code()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status, bool greylisting) => status {|SMTP002:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable => 60,
                        SmtpStatusCode.MailboxBusy when greylisting => 300,
                        >= SmtpStatusCode.CommandUnrecognized => -1,
                        _ => 0,
                    };
                }
                """;
            return Create(source, source, FixKinds.TransientToHandler).RunAsync();
        }

        [Fact]
        public Task No_existing_handler_fix_when_two_sections_handle_the_class()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status)
                    {
                        {|SMTP002:switch|} (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                                return 60;
                            case SmtpStatusCode.MailboxBusy:
                                return 300;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                return -1;
                            default:
                                return 0;
                        }
                    }
                }
                """;
            return Create(source, source, FixKinds.TransientToHandler).RunAsync();
        }

        [Fact]
        public Task A_section_that_mixes_classes_is_no_handler()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool Retry(SmtpStatusCode status)
                    {
                        {|SMTP002:switch|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.MailboxUnavailable:
                                return true;
                            default:
                                return false;
                        }
                    }
                }
                """;
            return Create(source, source, FixKinds.TransientToHandler).RunAsync();
        }

        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_enum_each_class_joins_its_handler(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            // Authentication codes are never asked for, so never added.
            var transient = StatusEnumMembers.Between(kind, 400, 500).Where(m => m.Name != kind.ServiceNotAvailable && !SwitchCompletenessAnalyzerTests.AuthenticationCodes.Contains(m.Value));
            var permanent = StatusEnumMembers.Between(kind, 500, 600).Where(m => m.Name != kind.MailboxUnavailable && !SwitchCompletenessAnalyzerTests.AuthenticationCodes.Contains(m.Value));
            string Labels(System.Collections.Generic.IEnumerable<(string Name, long Value)> members) =>
                string.Concat(members.Select(m => $"\n            case {kind.TypeName}.{m.Name}:"));
            var source = $$"""
                using {{kind.Namespace}};

                class RetryPolicy
                {
                    bool ShouldRetry({{kind.TypeName}} status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case {{kind.TypeName}}.{{kind.ServiceNotAvailable}}:
                                return true;
                            case {{kind.TypeName}}.{{kind.MailboxUnavailable}}:
                                return false;
                        }

                        return false;
                    }
                }
                """;
            var fixedSource = $$"""
                using {{kind.Namespace}};

                class RetryPolicy
                {
                    bool ShouldRetry({{kind.TypeName}} status)
                    {
                        switch (status)
                        {
                            case {{kind.TypeName}}.{{kind.ServiceNotAvailable}}:{{Labels(transient)}}
                                return true;
                            case {{kind.TypeName}}.{{kind.MailboxUnavailable}}:{{Labels(permanent)}}
                                return false;
                        }

                        return false;
                    }
                }
                """;
            var test = Create(source, fixedSource, FixKinds.TransientToHandler, kind: kind);

            // One fix at a time (a decision fix has no Fix All): the transient fix first, then the permanent one.
            test.CodeActionEquivalenceKey = null;
            test.CodeActionIndex = 0;
            test.NumberOfIncrementalIterations = 2;
            return test.RunAsync();
        }

        [Fact]
        public Task Expression_new_arm_keeps_the_comment_above_the_discard_in_place()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status) => status {|SMTP002:switch|}
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy => 60,

                        // Everything else is final.
                        _ => -1,
                    };
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.MailboxBusy => 60,
                        SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => throw new System.NotImplementedException(),

                        // Everything else is final.
                        _ => -1,
                    };
                }
                """;
            var test = Create(source, fixedSource, FixKinds.TransientAsNewCase);

            // Every transient code handled: the discard now takes permanent codes only, and is their handler (no SMTP003).
            test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("SMTP003").WithSpan(5, 48, 5, 54).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "SmtpStatusCode",
                "500 CommandUnrecognized, 501 SyntaxError, 502 CommandNotImplemented, 503 BadCommandSequence, 504 CommandParameterNotImplemented, 550 MailboxUnavailable, 551 UserNotLocalTryAlternatePath, 552 ExceededStorageAllocation, 553 MailboxNameNotAllowed, 554 TransactionFailed",
                SwitchCompletenessAnalyzerTests.DefaultEnding));
            return test.RunAsync();
        }

        [Fact]
        public Task Expression_new_arm_at_the_end_of_arms_without_a_trailing_comma()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode? status) => status {|SMTP002:switch|}
                    {
                        null => 0,
                        SmtpStatusCode.MailboxBusy => 60,
                        < SmtpStatusCode.ServiceNotAvailable or >= SmtpStatusCode.CommandUnrecognized => -1
                    };
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode? status) => status switch
                    {
                        null => 0,
                        SmtpStatusCode.MailboxBusy => 60,
                        < SmtpStatusCode.ServiceNotAvailable or >= SmtpStatusCode.CommandUnrecognized => -1,
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => throw new System.NotImplementedException()
                    };
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsNewCase).RunAsync();
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Statement_new_section_goes_before_a_catch_all_declaration_pattern(LanguageVersion version)
        {
            var source = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool Check(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable when DateTime.Now.Hour > 0:
                                return false;
                            case SmtpStatusCode other:
                                Console.WriteLine(other);
                                return false;
                        }
                    }
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool Check(SmtpStatusCode status)
                    {
                        {|SMTP002:switch|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable when DateTime.Now.Hour > 0:
                                return false;
                            case SmtpStatusCode.CommandUnrecognized:
                            case SmtpStatusCode.SyntaxError:
                            case SmtpStatusCode.CommandNotImplemented:
                            case SmtpStatusCode.BadCommandSequence:
                            case SmtpStatusCode.CommandParameterNotImplemented:
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.UserNotLocalTryAlternatePath:
                            case SmtpStatusCode.ExceededStorageAllocation:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                            case SmtpStatusCode.TransactionFailed:
                                throw new NotImplementedException();
                            case SmtpStatusCode other:
                                Console.WriteLine(other);
                                return false;
                        }
                    }
                }
                """;
            return Create(source, fixedSource, FixKinds.PermanentAsNewCase, version).RunAsync();
        }

        [Fact]
        public Task A_half_typed_switch_gets_no_fix()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.
                        }

                        return status switch
                        {
                            SmtpStatusCode.MailboxBusy or => true,
                            _ => false,
                        };
                    }
                }
                """;
            var test = Create(source, source, FixKinds.TransientAsNewCase);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync();
        }

        private const string SeveralSwitchesSource = """
            using System;
            using System.Net.Mail;

            class RetryPolicy
            {
                bool ShouldRetry(SmtpStatusCode status, SmtpStatusCode? fallback)
                {
                    {|SMTP002:switch|} (status)
                    {
                        case SmtpStatusCode.ServiceNotAvailable:
                            {|SMTP002:switch|} (fallback)
                            {
                                case SmtpStatusCode.MailboxBusy:
                                    return true;
                                case >= SmtpStatusCode.CommandUnrecognized:
                                    return false;
                            }

                            return true;
                        case >= SmtpStatusCode.CommandUnrecognized:
                            return false;
                    }

                    return false;
                }

                int Delay(SmtpStatusCode status) => status {|SMTP002:switch|}
                {
                    SmtpStatusCode.MailboxBusy => 300,
                    >= SmtpStatusCode.CommandUnrecognized => -1,
                    _ => 0,
                };
            }
            """;

        [Fact]
        public Task One_fix_at_a_time_adds_new_cases_to_every_switch_nested_ones_too()
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status, SmtpStatusCode? fallback)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                                switch (fallback)
                                {
                                    case SmtpStatusCode.MailboxBusy:
                                        return true;
                                    case >= SmtpStatusCode.CommandUnrecognized:
                                        return false;
                                    case SmtpStatusCode.ServiceNotAvailable:
                                    case SmtpStatusCode.LocalErrorInProcessing:
                                    case SmtpStatusCode.InsufficientStorage:
                                        throw new NotImplementedException();
                                }

                                return true;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                return false;
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                                throw new NotImplementedException();
                        }

                        return false;
                    }

                    int Delay(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy => 300,
                        >= SmtpStatusCode.CommandUnrecognized => -1,
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => throw new NotImplementedException(),
                        _ => 0,
                    };
                }
                """;
            var test = Create(SeveralSwitchesSource, fixedSource, FixKinds.TransientAsNewCase);
            return test.RunAsync();
        }

        [Fact]
        public Task One_fix_at_a_time_grows_every_handler()
        {
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status, SmtpStatusCode? fallback)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                                switch (fallback)
                                {
                                    case SmtpStatusCode.MailboxBusy:
                                    case SmtpStatusCode.ServiceNotAvailable:
                                    case SmtpStatusCode.LocalErrorInProcessing:
                                    case SmtpStatusCode.InsufficientStorage:
                                        return true;
                                    case >= SmtpStatusCode.CommandUnrecognized:
                                        return false;
                                }

                                return true;
                            case >= SmtpStatusCode.CommandUnrecognized:
                                return false;
                        }

                        return false;
                    }

                    int Delay(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => 300,
                        >= SmtpStatusCode.CommandUnrecognized => -1,
                        _ => 0,
                    };
                }
                """;
            var test = Create(SeveralSwitchesSource, fixedSource, FixKinds.TransientToHandler);
            return test.RunAsync();
        }
    
        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Listing_as_today_puts_the_codes_before_default(LanguageVersion version)
        {
            var source = """
                using System.Net.Mail;

                class Describer
                {
                    string Describe(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return "retry";
                            case SmtpStatusCode.MailboxUnavailable:
                                return "bounce";
                            // Everything else.
                            default:
                                return "failed";
                        }
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Describer
                {
                    string Describe(SmtpStatusCode status)
                    {
                        {|SMTP003:switch|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return "retry";
                            case SmtpStatusCode.MailboxUnavailable:
                                return "bounce";
                            // Everything else.
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                            default:
                                return "failed";
                        }
                    }
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsToday, version).RunAsync();
        }

        [Fact]
        public Task Listing_as_today_without_default_adds_a_case_that_breaks()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class Logger
                {
                    void Log(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                                Console.WriteLine("later");
                                break;
                            case SmtpStatusCode.TransactionFailed:
                                Console.WriteLine("never");
                                break;
                        }

                        Console.WriteLine("logged");
                    }
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class Logger
                {
                    void Log(SmtpStatusCode status)
                    {
                        {|SMTP003:switch|} (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                                Console.WriteLine("later");
                                break;
                            case SmtpStatusCode.TransactionFailed:
                                Console.WriteLine("never");
                                break;
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                            case SmtpStatusCode.InsufficientStorage:
                                break;
                        }

                        Console.WriteLine("logged");
                    }
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsToday).RunAsync();
        }

        [Fact]
        public Task Listing_as_today_in_a_switch_expression_copies_the_discard_arm()
        {
            var source = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 60,
                        SmtpStatusCode.MailboxUnavailable => -1,
                        _ => Fallback(status),
                    };

                    static int Fallback(SmtpStatusCode status) => 0;
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class RetryPolicy
                {
                    int Delay(SmtpStatusCode status) => status {|SMTP003:switch|}
                    {
                        SmtpStatusCode.MailboxBusy => 60,
                        SmtpStatusCode.MailboxUnavailable => -1,
                        SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.LocalErrorInProcessing or SmtpStatusCode.InsufficientStorage => Fallback(status),
                        _ => Fallback(status),
                    };

                    static int Fallback(SmtpStatusCode status) => 0;
                }
                """;
            return Create(source, fixedSource, FixKinds.TransientAsToday).RunAsync();
        }

        [Fact]
        public Task Listing_as_today_is_not_offered_where_a_catch_all_pattern_or_an_exception_receives_the_codes()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool Check(SmtpStatusCode status)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return true;
                            case SmtpStatusCode.MailboxUnavailable:
                                return false;
                            case SmtpStatusCode other:
                                Console.WriteLine(other);
                                return false;
                        }
                    }

                    int Delay(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.MailboxBusy => 60,
                        SmtpStatusCode.MailboxUnavailable => -1,
                    };
                }
                """;
            var test = Create(source, source, FixKinds.TransientAsToday);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync();
        }
    }
}
