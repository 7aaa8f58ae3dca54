using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.SwitchCompletenessAnalyzer, SmtpCodes.Analyzers.Rules.SwitchCompletenessFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// The three shapes SMTP002/SMTP003 leave alone because no missing code is treated unlike its class there, and their
    /// look-alikes that stay reported: each for a statement and an expression, over the four status enums and a
    /// configured one. The shapes come from public mail code (retry policies, protocol code, logging), rewritten.
    /// </summary>
    public class SwitchCompletenessShapesTests
    {
        /// <summary>A status enum as the code under test sees it: the four of the contract, and one named in .editorconfig.</summary>
        public sealed class EnumCase
        {
            internal const string ConfiguredName = "Configured";

            private EnumCase(string name, string @namespace, string typeName, string? declaration, string? option, IReadOnlyList<(string Name, long Value)> members)
            {
                Name = name;
                Namespace = @namespace;
                TypeName = typeName;
                Declaration = declaration;
                Option = option;
                // Authentication codes (432, 454, 530, 534, 535, 538) belong to neither class: the rules never ask for them.
                Transient = members.Where(m => m.Value >= 400 && m.Value < 500 && !IsAuthentication(m.Value)).OrderBy(m => m.Value).ToList();
                Permanent = members.Where(m => m.Value >= 500 && m.Value < 600 && !IsAuthentication(m.Value)).OrderBy(m => m.Value).ToList();
            }

            public string Name { get; }

            public string Namespace { get; }

            public string TypeName { get; }

            public string? Declaration { get; }

            public string? Option { get; }

            public List<(string Name, long Value)> Transient { get; }

            public List<(string Name, long Value)> Permanent { get; }

            public static bool IsAuthentication(long value) => value is 432 or 454 or 530 or 534 or 535 or 538;

            public string T(int index) => TypeName + "." + Transient[index].Name;

            public string P(int index) => TypeName + "." + Permanent[index].Name;

            public static EnumCase Named(string name)
            {
                if (name == ConfiguredName)
                {
                    const string declaration = """
                        namespace Contoso.Mail
                        {
                            public enum ReplyCode { Ok = 250, Busy = 450, LocalError = 451, NoRoom = 452, Unknown = 550, NotAllowed = 553, Rejected = 554 }
                        }
                        """;
                    return new EnumCase(name, "Contoso.Mail", "ReplyCode", declaration, "smtp_codes.status_enum_types = Contoso.Mail.ReplyCode",
                        new[] { ("Ok", 250L), ("Busy", 450L), ("LocalError", 451L), ("NoRoom", 452L), ("Unknown", 550L), ("NotAllowed", 553L), ("Rejected", 554L) });
                }

                var kind = StatusEnumKind.Named(name);
                return new EnumCase(name, kind.Namespace, kind.TypeName, kind.Declaration, null, StatusEnumMembers.Of(kind)
                    .GroupBy(m => m.Value).Select(g => g.First()).ToList());
            }

            public override string ToString() => Name;
        }

        public static TheoryData<string> Enums
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var kind in StatusEnumKind.All)
                {
                    data.Add(kind.Name);
                }

                data.Add(EnumCase.ConfiguredName);
                return data;
            }
        }

        private static Task RunAsync(EnumCase e, string members, params DiagnosticResult[] expected)
        {
            var source = $$"""
                using System;
                using {{e.Namespace}};

                class StatusFailure : Exception
                {
                    public StatusFailure(string message, {{e.TypeName}} status) : base(message) => Status = status;

                    public {{e.TypeName}} Status { get; }
                }

                class Handler
                {
                    static void Retry() { }

                    {{members}}
                }
                """;
            var test = Verify.Create(source);
            if (e.Declaration is { } declaration)
            {
                test.AddSource("StatusEnum.cs", declaration);
            }

            if (e.Option is { } option)
            {
                test.AddEditorConfig(option);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        // Where, not what: the messages are the subject of SwitchCompletenessAnalyzerTests.
        private static DiagnosticResult Transient(int location) =>
            DiagnosticResult.CompilerWarning("SMTP002").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Permanent(int location) =>
            DiagnosticResult.CompilerWarning("SMTP003").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static string Or(IEnumerable<string> names) => string.Join(" or ", names);

        private static string Labels(IEnumerable<string> names) => string.Concat(names.Select(n => $"case {n}: "));

        [Theory]
        [MemberData(nameof(Enums))]
        public Task Missing_codes_reaching_a_fallback_that_does_what_their_class_does_are_not_reported(string enumName)
        {
            var e = EnumCase.Named(enumName);

            // 550 and the fallback both bounce: the other permanent codes are handled as 550 is. The transient ones are not.
            return RunAsync(e, $$"""
                bool Statement({{e.TypeName}} status)
                {
                    {|#0:switch|} (status)
                    {
                        case {{e.P(0)}}:
                            return  false; // the mailbox is gone
                        default:
                            /* anything else */ return false;
                    }
                }

                bool Expression({{e.TypeName}} status) => status {|#1:switch|}
                {
                    {{e.P(0)}} => false,
                    _ => false,
                };

                void FallsOut({{e.TypeName}} status)
                {
                    {|#2:switch|} (status)
                    {
                        case {{e.P(0)}}:
                            break;
                        case {{e.T(0)}}:
                            Retry();
                            break;
                    }
                }
                """,
                Transient(0), Transient(1), Transient(2));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_does_something_else_than_the_class_branch_is_reported(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                string Statement({{e.TypeName}} status)
                {
                    {|#0:switch|} (status)
                    {
                        case {{e.T(0)}}:
                            return "retry";
                        default:
                            return "other";
                    }
                }

                string Expression({{e.TypeName}} status) => status {|#1:switch|}
                {
                    {{e.T(0)}} => "retry",
                    _ => "other",
                };

                bool OneDiffers({{e.TypeName}} status) => status {|#2:switch|}
                {
                    {{e.P(0)}} => false,
                    {{e.P(1)}} => true,
                    _ => false,
                };
                """,
                Transient(0), Permanent(0), Transient(1), Permanent(1), Transient(2), Permanent(2));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_receives_one_class_only_is_its_handler(string enumName)
        {
            var e = EnumCase.Named(enumName);
            var transient = e.Transient.Select(m => e.TypeName + "." + m.Name).ToList();
            var permanent = e.Permanent.Select(m => e.TypeName + "." + m.Name).ToList();
            return RunAsync(e, $$"""
                bool ShouldRetry({{e.TypeName}} status)
                {
                    switch (status)
                    {
                        {{Labels(transient)}}
                            return true;
                        default:
                            return false;
                    }
                }

                bool ShouldRetryExpression({{e.TypeName}} status) => status switch
                {
                    {{Or(transient)}} => true,
                    _ => false,
                };

                bool IsFinal({{e.TypeName}} status) => status switch
                {
                    {{Or(permanent)}} => true,
                    _ => false,
                };

                bool MissesOne({{e.TypeName}} status) => status {|#0:switch|}
                {
                    {{Or(transient.Skip(1))}} => true,
                    _ => false,
                };
                """,
                Transient(0), Permanent(0));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_retry_switch_that_bounces_the_other_transient_codes_stays_reported(string enumName)
        {
            var e = EnumCase.Named(enumName);

            // One transient and one permanent code retried, every other code reported as a failed delivery.
            return RunAsync(e, $$"""
                string Deliver({{e.TypeName}} status)
                {
                    {|#0:switch|} (status)
                    {
                        case {{e.T(0)}}:
                        case {{e.P(0)}}:
                            Retry();
                            return "retried";
                        default:
                            return "Failed to deliver";
                    }
                }

                string DeliverExpression({{e.TypeName}} status) => status {|#1:switch|}
                {
                    {{e.T(0)}} or {{e.P(0)}} => "retried",
                    _ => "Failed to deliver",
                };
                """,
                Transient(0), Permanent(0), Transient(1), Permanent(1));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_hands_the_status_on_is_not_reported(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                string Throws({{e.TypeName}} status)
                {
                    switch (status)
                    {
                        case {{e.T(0)}}:
                            return "retry";
                        default:
                            Console.WriteLine("unexpected");
                            throw new StatusFailure("unexpected reply", status);
                    }
                }

                string ThrowsFromExpression({{e.TypeName}} status) => status switch
                {
                    {{e.T(0)}} => "retry",
                    _ => throw new StatusFailure("unexpected reply", status),
                };

                void Rethrows(Action send)
                {
                    try
                    {
                        send();
                    }
                    catch (StatusFailure failure)
                    {
                        switch (failure.Status)
                        {
                            case {{e.T(0)}}:
                                Retry();
                                break;
                            default:
                                throw;
                        }
                    }
                }

                int Returns({{e.TypeName}} status)
                {
                    switch (status)
                    {
                        case {{e.T(0)}}:
                            return 0;
                        default:
                            return (int)status;
                    }
                }

                {{e.TypeName}} ReturnsFromExpression({{e.TypeName}} status) => status switch
                {
                    {{e.P(0)}} => {{e.P(0)}},
                    _ => status,
                };
                """);
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_fallback_that_throws_without_the_status_is_reported(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                string Throws({{e.TypeName}} status)
                {
                    {|#0:switch|} (status)
                    {
                        case {{e.T(0)}}:
                            return "retry";
                        default:
                            throw new InvalidOperationException("unexpected reply " + status);
                    }
                }

                string OtherValue({{e.TypeName}} status, {{e.TypeName}} last) => status {|#1:switch|}
                {
                    {{e.T(0)}} => "retry",
                    _ => throw new StatusFailure("unexpected reply", last),
                };

                void RethrowsAnother({{e.TypeName}} status, Action send)
                {
                    try
                    {
                        send();
                    }
                    catch (Exception)
                    {
                        {|#2:switch|} (status)
                        {
                            case {{e.T(0)}}:
                                Retry();
                                break;
                            default:
                                throw;
                        }
                    }
                }
                """,
                Transient(0), Permanent(0), Transient(1), Permanent(1), Transient(2), Permanent(2));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_switch_under_a_guard_needs_only_the_members_the_guard_lets_in(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                string Chain({{e.TypeName}} status)
                {
                    var label = "failed";
                    if (status == {{e.T(0)}} || {{e.P(0)}} == status || status == {{e.P(1)}})
                    {
                        switch (status)
                        {
                            case {{e.T(0)}}:
                                label += " (busy)";
                                break;
                            case {{e.P(0)}}:
                                label += " (gone)";
                                break;
                            case {{e.P(1)}}:
                                label += " (refused)";
                                break;
                        }
                    }

                    return label;
                }

                string Pattern(StatusFailure failure)
                {
                    if (failure.Status is {{e.T(0)}} or {{e.P(0)}})
                        return failure.Status switch
                        {
                            {{e.T(0)}} => "busy",
                            {{e.P(0)}} => "gone",
                        };

                    return "other";
                }
                """);
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_guard_that_does_not_hold_at_the_switch_limits_nothing(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                string Reassigned({{e.TypeName}} status, {{e.TypeName}} next)
                {
                    if (status == {{e.T(0)}} || status == {{e.P(0)}})
                    {
                        status = next;
                        {|#0:switch|} (status)
                        {
                            case {{e.T(0)}}:
                                return "busy";
                            case {{e.P(0)}}:
                                return "gone";
                        }
                    }

                    return "other";
                }

                string OtherValue({{e.TypeName}} status, {{e.TypeName}} other)
                {
                    if (other == {{e.T(0)}} || other == {{e.P(0)}})
                    {
                        {|#1:switch|} (status)
                        {
                            case {{e.T(0)}}:
                                return "busy";
                            case {{e.P(0)}}:
                                return "gone";
                        }
                    }

                    return "other";
                }

                string ElseBranch({{e.TypeName}} status)
                {
                    if (status == {{e.T(0)}} || status == {{e.P(0)}})
                    {
                        return "known";
                    }
                    else
                    {
                        return status {|#2:switch|}
                        {
                            {{e.T(0)}} => "busy",
                            _ => "other",
                        };
                    }
                }

                string NotAChainOfTests({{e.TypeName}} status, bool urgent)
                {
                    if (status == {{e.T(0)}} || urgent)
                    {
                        return status {|#3:switch|}
                        {
                            {{e.T(0)}} => "busy",
                            _ => "urgent",
                        };
                    }

                    return "other";
                }

                string WrittenLaterInALoop({{e.TypeName}} status, System.Func<{{e.TypeName}}> next)
                {
                    var seen = "";
                    if (status == {{e.T(0)}} || status == {{e.P(0)}})
                    {
                        for (var i = 0; i < 3; i++)
                        {
                            {|#4:switch|} (status)
                            {
                                case {{e.T(0)}}:
                                    seen += "busy";
                                    break;
                                case {{e.P(0)}}:
                                    seen += "gone";
                                    break;
                            }

                            // The next round's switch sees this value, not the one the guard tested.
                            status = next();
                        }
                    }

                    return seen;
                }
                """,
                Transient(0), Permanent(0), Transient(1), Permanent(1), Transient(2), Permanent(2), Transient(3), Permanent(3), Transient(4), Permanent(4));
        }

        [Theory]
        [MemberData(nameof(Enums))]
        public Task A_guard_that_lets_in_a_member_the_switch_leaves_out_names_only_that_one(string enumName)
        {
            var e = EnumCase.Named(enumName);
            return RunAsync(e, $$"""
                string Describe({{e.TypeName}} status)
                {
                    if (status == {{e.T(0)}} || status == {{e.T(1)}} || status == {{e.P(0)}})
                    {
                        {|#0:switch|} (status)
                        {
                            case {{e.T(0)}}:
                                return "busy";
                            case {{e.P(0)}}:
                                return "gone";
                        }
                    }

                    return "other";
                }
                """,
                Verify.Diagnostic("SMTP002").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments(e.TypeName, e.Transient[1].Value + " " + e.Transient[1].Name, SwitchCompletenessAnalyzerTests.DefaultEnding));
        }
    }
}
