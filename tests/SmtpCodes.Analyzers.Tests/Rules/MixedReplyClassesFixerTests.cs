using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MixedReplyClassesAnalyzer, SmtpCodes.Analyzers.Rules.MixedReplyClassesFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class MixedReplyClassesFixerTests
    {
        public static TheoryData<string, LanguageVersion> EnumsAndVersions
        {
            get
            {
                var data = new TheoryData<string, LanguageVersion>();
                foreach (var kind in StatusEnumKind.All)
                {
                    data.Add(kind.Name, LanguageVersion.CSharp7_3);
                    data.Add(kind.Name, LanguageVersion.Latest);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(EnumsAndVersions))]
        public Task A_section_is_split_into_a_transient_and_a_permanent_section(string enumName, LanguageVersion version)
        {
            var kind = StatusEnumKind.Named(enumName);
            var t = kind.TypeName;
            var source = $$"""
                using System;
                using {{kind.Namespace}};

                class Sender
                {
                    bool ShouldRetry({{t}} status, int attempt)
                    {
                        switch (status)
                        {
                            case {{t}}.Ok:
                                return false;
                            // Busy or gone: try again.
                            case {{t}}.{{kind.ServiceNotAvailable}}:
                            case {|SMTP005:{{t}}.MailboxUnavailable|}:
                                Console.WriteLine("retrying");
                                return attempt < 3;
                            default:
                                return false;
                        }
                    }
                }
                """;
            var fixedSource = $$"""
                using System;
                using {{kind.Namespace}};

                class Sender
                {
                    bool ShouldRetry({{t}} status, int attempt)
                    {
                        switch (status)
                        {
                            case {{t}}.Ok:
                                return false;
                            // Busy or gone: try again.
                            case {{t}}.{{kind.ServiceNotAvailable}}:
                                Console.WriteLine("retrying");
                                return attempt < 3;
                            case {{t}}.MailboxUnavailable:
                                Console.WriteLine("retrying");
                                return attempt < 3;
                            default:
                                return false;
                        }
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource, version, kind);
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task An_arm_is_split_into_a_transient_and_a_permanent_arm(LanguageVersion version)
        {
            // Switch expressions came with C# 8 and `or` patterns with C# 9: there is no such arm in C# 7.3.
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    string Next(SmtpException ex) => ex.StatusCode switch
                    {
                        SmtpStatusCode.Ok => "done",
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.Ok or {|SMTP005:SmtpStatusCode.MailboxUnavailable|} or SmtpStatusCode.LocalErrorInProcessing => "retry",
                        _ => "give up",
                    };

                    int Short(SmtpStatusCode s) => s switch { SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.TransactionFailed|} => 1, _ => 0 };
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Sender
                {
                    string Next(SmtpException ex) => ex.StatusCode switch
                    {
                        SmtpStatusCode.Ok => "done",
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.Ok or SmtpStatusCode.LocalErrorInProcessing => "retry",
                        SmtpStatusCode.MailboxUnavailable => "retry",
                        _ => "give up",
                    };

                    int Short(SmtpStatusCode s) => s switch { SmtpStatusCode.MailboxBusy => 1, SmtpStatusCode.TransactionFailed => 1, _ => 0 };
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource, version);
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task An_or_label_is_split_and_other_labels_stay_with_the_transient_section(LanguageVersion version)
        {
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    int Handle(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy or ({|SMTP005:SmtpStatusCode.MailboxUnavailable|} or SmtpStatusCode.LocalErrorInProcessing):
                            case SmtpStatusCode.ExceededStorageAllocation:
                            default:
                                return 1;
                        }
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Sender
                {
                    int Handle(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy or SmtpStatusCode.LocalErrorInProcessing:
                            default:
                                return 1;
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.ExceededStorageAllocation:
                                return 1;
                        }
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource, version);
        }

        [Fact]
        public Task A_section_that_declares_a_local_gets_a_block_per_copy()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class Sender
                {
                    void Handle(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case {|SMTP005:SmtpStatusCode.MailboxUnavailable|}:
                                var text = status.ToString();
                                Console.WriteLine(text);
                                break;
                        }
                    }
                }
                """;
            var fixedSource = """
                using System;
                using System.Net.Mail;

                class Sender
                {
                    void Handle(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                {
                                    var text = status.ToString();
                                    Console.WriteLine(text);
                                    break;
                                }

                            case SmtpStatusCode.MailboxUnavailable:
                                {
                                    var text = status.ToString();
                                    Console.WriteLine(text);
                                    break;
                                }
                        }
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public Task No_fix_where_the_permanent_label_would_be_unreachable()
        {
            // After the split, `>= CommandUnrecognized` would come first and take 550: the compiler calls that unreachable.
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    int Handle(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|} or >= SmtpStatusCode.CommandUnrecognized:
                                return 1;
                        }

                        return 0;
                    }

                    int UsedElsewhere(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case {|SMTP005:SmtpStatusCode.MailboxUnavailable|}:
                                int result = 1;
                                return result;
                            default:
                                result = 2;
                                return result;
                        }
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task No_fix_while_the_switch_does_not_compile()
        {
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    int Handle(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case {|SMTP005:SmtpStatusCode.MailboxUnavailable|}:
                                return {|CS0103:unfinished|};
                        }

                        return 0;
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task No_fix_for_is_patterns_and_chains()
        {
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    bool Pattern(SmtpStatusCode status) => status is SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|};

                    bool Chain(SmtpStatusCode status) => status == SmtpStatusCode.MailboxBusy || status == {|SMTP005:SmtpStatusCode.MailboxUnavailable|};
                }
                """;
            return Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public Task One_fix_at_a_time_splits_every_branch_including_nested_ones()
        {
            var source = """
                using System.Net.Mail;

                class Sender
                {
                    int Handle(SmtpStatusCode status, SmtpStatusCode inner)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case {|SMTP005:SmtpStatusCode.MailboxUnavailable|}:
                                return inner switch
                                {
                                    SmtpStatusCode.InsufficientStorage or {|SMTP005:SmtpStatusCode.ExceededStorageAllocation|} => 1,
                                    _ => 2,
                                };
                            case SmtpStatusCode.ServiceNotAvailable:
                            case {|SMTP005:SmtpStatusCode.TransactionFailed|}:
                                return 3;
                        }

                        return 0;
                    }
                }
                """;
            var fixedSource = """
                using System.Net.Mail;

                class Sender
                {
                    int Handle(SmtpStatusCode status, SmtpStatusCode inner)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return inner switch
                                {
                                    SmtpStatusCode.InsufficientStorage => 1,
                                    SmtpStatusCode.ExceededStorageAllocation => 1,
                                    _ => 2,
                                };
                            case SmtpStatusCode.MailboxUnavailable:
                                return inner switch
                                {
                                    SmtpStatusCode.InsufficientStorage => 1,
                                    SmtpStatusCode.ExceededStorageAllocation => 1,
                                    _ => 2,
                                };
                            case SmtpStatusCode.ServiceNotAvailable:
                                return 3;
                            case SmtpStatusCode.TransactionFailed:
                                return 3;
                        }

                        return 0;
                    }
                }
                """;
            var test = Verify.Create(source, fixedSource);
            test.CodeActionEquivalenceKey = FixKinds.SplitByReplyClass;

            // A decision fix has no Fix All (FixKindsTests): one at a time, the copies made by the first fix bring new
            // diagnostics, so that path takes more iterations.
            test.NumberOfIncrementalIterations = 4;
            return test.RunAsync();
        }
    }
}
