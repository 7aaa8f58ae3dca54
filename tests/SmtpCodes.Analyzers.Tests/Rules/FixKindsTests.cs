using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Robustness;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// The two kinds of code fix (value-preserving, offered in bulk; decisions, one at a time): the titles a user reads in the lightbulb
    /// with their equivalence keys, for every action of every fixer; Fix All for the value-preserving fixes only; and a
    /// bulk run the way <c>dotnet format analyzers</c> makes it (each rule's Fix All in turn, re-analysing in between, with
    /// the key of the first action offered) that converges whatever the order of the rules.
    /// </summary>
    public class FixKindsTests
    {
        private const string SenderSource = """
            using System.Net.Mail;
            using System.Threading;

            class Sender
            {
                void Send(SmtpClient client, MailMessage message, SmtpStatusCode status)
                {
                    switch (status)
                    {
                        case SmtpStatusCode.MailboxBusy:
                        case SmtpStatusCode.MailboxUnavailable:
                            Thread.Sleep(10);
                            client.Send(message);
                            break;
                    }
                }

                bool Retry(SmtpStatusCode status) => status switch
                {
                    SmtpStatusCode.ServiceNotAvailable or SmtpStatusCode.TransactionFailed => true,
                    _ => false,
                };
            }
            """;

        private const string DescribeSource = """
            using System.Net.Mail;

            class Describer
            {
                string Describe(SmtpStatusCode status)
                {
                    switch (status)
                    {
                        case SmtpStatusCode.MailboxBusy:
                            return "retry";
                        case SmtpStatusCode.MailboxUnavailable:
                            return "bounce";
                        default:
                            return "failed";
                    }
                }

                int Delay(SmtpStatusCode status) => status switch
                {
                    SmtpStatusCode.MailboxBusy => 60,
                    SmtpStatusCode.MailboxUnavailable => -1,
                    _ => 0,
                };

                int Strict(SmtpStatusCode status) => status switch
                {
                    SmtpStatusCode.ServiceNotAvailable => 60,
                    SmtpStatusCode.TransactionFailed => -1,
                };

                void Log(SmtpStatusCode status)
                {
                    switch (status)
                    {
                        case SmtpStatusCode.ServiceNotAvailable:
                            System.Console.WriteLine("later");
                            break;
                        case SmtpStatusCode.TransactionFailed:
                            System.Console.WriteLine("never");
                            break;
                    }
                }
            }
            """;

        private const string Transient = "421, 451, 452";
        private const string Permanent = "500, 501, 502, 503, 504, 551 and 3 more";

        [Fact]
        public async Task Switch_completeness_titles_say_what_the_missing_codes_will_do_and_do_today()
        {
            var actions = await ActionsAsync(DescribeSource, "SMTP002", "SMTP003");

            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP002", $"Handle {Transient} like MailboxBusy, in its case, instead of in default", FixKinds.TransientToHandler),
                    ("SMTP002", $"Throw NotImplementedException for {Transient}, in a new case, instead of in default", FixKinds.TransientAsNewCase),
                    ("SMTP002", $"List {Transient} in the default case, which handles them today (no change in behaviour)", FixKinds.TransientAsToday),
                    ("SMTP003", $"Handle {Permanent} like MailboxUnavailable, in its case, instead of in default", FixKinds.PermanentToHandler),
                    ("SMTP003", $"Throw NotImplementedException for {Permanent}, in a new case, instead of in default", FixKinds.PermanentAsNewCase),
                    ("SMTP003", $"List {Permanent} in the default case, which handles them today (no change in behaviour)", FixKinds.PermanentAsToday),
                    ("SMTP002", $"Handle {Transient} like MailboxBusy, in its arm, instead of in the _ arm", FixKinds.TransientToHandler),
                    ("SMTP002", $"Throw NotImplementedException for {Transient}, in a new arm, instead of in the _ arm", FixKinds.TransientAsNewCase),
                    ("SMTP002", $"List {Transient} in a new arm that gives what the _ arm gives them today (no change in behaviour)", FixKinds.TransientAsToday),
                    ("SMTP003", $"Handle {Permanent} like MailboxUnavailable, in its arm, instead of in the _ arm", FixKinds.PermanentToHandler),
                    ("SMTP003", $"Throw NotImplementedException for {Permanent}, in a new arm, instead of in the _ arm", FixKinds.PermanentAsNewCase),
                    ("SMTP003", $"List {Permanent} in a new arm that gives what the _ arm gives them today (no change in behaviour)", FixKinds.PermanentAsToday),
                    ("SMTP002", "Handle 450, 451, 452 like ServiceNotAvailable, in its arm, instead of throwing SwitchExpressionException", FixKinds.TransientToHandler),
                    ("SMTP002", "Throw NotImplementedException for 450, 451, 452, in a new arm, instead of throwing SwitchExpressionException", FixKinds.TransientAsNewCase),
                    ("SMTP003", "Handle 500, 501, 502, 503, 504, 550 and 3 more like TransactionFailed, in its arm, instead of throwing SwitchExpressionException", FixKinds.PermanentToHandler),
                    ("SMTP003", "Throw NotImplementedException for 500, 501, 502, 503, 504, 550 and 3 more, in a new arm, instead of throwing SwitchExpressionException", FixKinds.PermanentAsNewCase),
                    ("SMTP002", "Handle 450, 451, 452 like ServiceNotAvailable, in its case, instead of skipping the switch", FixKinds.TransientToHandler),
                    ("SMTP002", "Throw NotImplementedException for 450, 451, 452, in a new case, instead of skipping the switch", FixKinds.TransientAsNewCase),
                    ("SMTP002", "List 450, 451, 452 in a new case that leaves the switch, as they do today (no change in behaviour)", FixKinds.TransientAsToday),
                    ("SMTP003", "Handle 500, 501, 502, 503, 504, 550 and 3 more like TransactionFailed, in its case, instead of skipping the switch", FixKinds.PermanentToHandler),
                    ("SMTP003", "Throw NotImplementedException for 500, 501, 502, 503, 504, 550 and 3 more, in a new case, instead of skipping the switch", FixKinds.PermanentAsNewCase),
                    ("SMTP003", "List 500, 501, 502, 503, 504, 550 and 3 more in a new case that leaves the switch, as they do today (no change in behaviour)", FixKinds.PermanentAsToday),
                },
                actions);
        }

        [Fact]
        public async Task Where_a_catch_all_pattern_receives_the_codes_the_titles_say_so_and_nothing_is_listed_as_today()
        {
            var source = """
                using System;
                using System.Net.Mail;

                class RetryPolicy
                {
                    bool ShouldRetry(SmtpStatusCode status)
                    {
                        switch (status)
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

                    int Delay(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy => 60,
                        SmtpStatusCode.MailboxUnavailable => -1,
                        var other => Log(other),
                    };

                    static int Log(SmtpStatusCode status) => 0;
                }
                """;

            var actions = await ActionsAsync(source, "SMTP002", "SMTP003");

            Assert.Equal(
                new (string, string, string?)[]
                {
                    // ShouldRetry's `true` retries and its catch-all's `false` gives up: the titles say so, in the message's words.
                    // The 5yz codes that reach that `false` are given up on, as they should be: no SMTP003 there.
                    ("SMTP002", $"Retry {Transient} like MailboxBusy, in its case, instead of giving up on them in the catch-all case", FixKinds.TransientToHandler),
                    ("SMTP002", $"Throw NotImplementedException for {Transient}, in a new case, instead of giving up on them in the catch-all case", FixKinds.TransientAsNewCase),
                    ("SMTP002", $"Handle {Transient} like MailboxBusy, in its arm, instead of in the catch-all arm", FixKinds.TransientToHandler),
                    ("SMTP002", $"Throw NotImplementedException for {Transient}, in a new arm, instead of in the catch-all arm", FixKinds.TransientAsNewCase),
                    ("SMTP003", $"Handle {Permanent} like MailboxUnavailable, in its arm, instead of in the catch-all arm", FixKinds.PermanentToHandler),
                    ("SMTP003", $"Throw NotImplementedException for {Permanent}, in a new arm, instead of in the catch-all arm", FixKinds.PermanentAsNewCase),
                },
                actions);
        }

        [Fact]
        public async Task Split_titles_name_the_codes_of_each_new_branch()
        {
            var actions = await ActionsAsync(SenderSource, "SMTP005");

            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP005", "Split into a case for 450 (transient) and one for 550 (permanent), both still retried", FixKinds.SplitByReplyClass),
                    ("SMTP005", "Split into an arm for 421 (transient) and one for 554 (permanent), both still retried", FixKinds.SplitByReplyClass),
                },
                actions);

            // Where what the branch does is not known (a text, a log line), the title says only that today's code stays;
            // where it gives up, it says so in the message's words.
            var other = await ActionsAsync("""
                using System;
                using System.Net.Mail;

                enum SendResult { Sent, Bounce }

                class Describer
                {
                    string Describe(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.MailboxUnavailable => "mailbox",
                        _ => "other",
                    };

                    void Log(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.TransactionFailed:
                                Console.WriteLine("failed");
                                break;
                        }
                    }

                    SendResult Classify(SmtpStatusCode status) => status switch
                    {
                        SmtpStatusCode.InsufficientStorage or SmtpStatusCode.MailboxNameNotAllowed => SendResult.Bounce,
                        _ => SendResult.Sent,
                    };
                }
                """, "SMTP005");
            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP005", "Split into an arm for 450 (transient) and one for 550 (permanent), both giving today's result", FixKinds.SplitByReplyClass),
                    ("SMTP005", "Split into a case for 421 (transient) and one for 554 (permanent), both running today's code", FixKinds.SplitByReplyClass),
                    ("SMTP005", "Split into an arm for 452 (transient) and one for 553 (permanent), both still given up on", FixKinds.SplitByReplyClass),
                },
                other);
        }

        [Fact]
        public async Task Value_preserving_titles_name_the_member_they_write()
        {
            var source = """
                using System.Net.Mail;
                using Contoso.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex) => (int)ex.StatusCode == 550;
                    bool Accepted(ReplyCode code) => (long)code == 250;
                }
                """;

            var actions = await ActionsAsync(source, "SMTP001");

            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP001", "Use 'SmtpStatusCode.MailboxUnavailable'", FixKinds.MagicCodeToMember),
                    ("SMTP001", "Use 'ReplyCode.Accepted'", FixKinds.MagicCodeToMember),
                    ("SMTP001", "Use 'ReplyCode.Ok'", "SMTP001.Ok"),
                },
                actions);
        }

        /// <summary>
        /// SMTP006's fix is a decision: real replies' messages do not hold the code, so the program acts differently after
        /// it, and its titles say so; text after the code stays as a message test, and a test that only repeats a status
        /// comparison of its chain goes.
        /// </summary>
        [Fact]
        public async Task Status_from_message_titles_say_the_program_will_act_on_the_status()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable || ex.Message.Contains("550");
                    bool Unknown(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable && ex.Message.Contains("550 5.1.1");
                    bool Busy(SmtpException ex) => ex.Message.StartsWith("450 ");
                    bool Greylisted(SmtpException ex) => ex.Message.Contains("451 4.7.1");
                    bool Login(SmtpException ex) => ex.Message.Contains("535");
                }
                """;

            var actions = await ActionsAsync(source, "SMTP006");

            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP006", "Remove the text test: the program will act on the comparison with 'SmtpStatusCode.MailboxUnavailable' alone", FixKinds.CompareStatus),
                    ("SMTP006", "Decide by the status: keep the comparison with 'SmtpStatusCode.MailboxUnavailable' and test the message for \"5.1.1\"", FixKinds.CompareStatus),
                    ("SMTP006", "Decide by the status: test 'SmtpStatusCode.MailboxBusy' (the program will now act on a 450 reply)", FixKinds.CompareStatus),
                    ("SMTP006", "Decide by the status: test 'SmtpStatusCode.LocalErrorInProcessing' and the message for \"4.7.1\" (the program will now act on a 451 reply)", FixKinds.CompareStatus),
                },
                actions);
        }

        [Fact]
        public void Value_preserving_fixers_have_Fix_All_in_every_scope_and_decision_fixers_have_none()
        {
            var valuePreserving = new[] { DiagnosticIds.MagicStatusCode };
            var decisions = new[] { DiagnosticIds.MissingTransientCodes, DiagnosticIds.MissingPermanentCodes, DiagnosticIds.MixedReplyClasses, DiagnosticIds.StatusReadFromMessage, DiagnosticIds.PermanentFailureRetried, DiagnosticIds.TransientFailureGivenUp };
            foreach (var fixer in SmtpCodesComponents.Fixers)
            {
                var provider = fixer.GetFixAllProvider();
                if (fixer.FixableDiagnosticIds.All(valuePreserving.Contains))
                {
                    Assert.NotNull(provider);
                    Assert.Equal(
                        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution },
                        provider!.GetSupportedFixAllScopes().Where(s => s is FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution).OrderBy(s => s));
                }
                else
                {
                    Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, decisions));
                    Assert.True(provider is null, $"{fixer.GetType().Name} makes decisions and must not offer Fix All.");
                }
            }

            Assert.Equal(6, SmtpCodesComponents.Fixers.Length);
        }

        /// <summary>
        /// The order in which <c>dotnet format</c> takes the rules is a hash set's: whatever it is, only SMTP001 changes the
        /// code; a second run changes nothing, and the decisions (SMTP002/003/005/006) are still reported.
        /// </summary>
        [Theory]
        [InlineData("SMTP001", "SMTP002", "SMTP003", "SMTP005", "SMTP006")]
        [InlineData("SMTP006", "SMTP005", "SMTP003", "SMTP002", "SMTP001")]
        public async Task A_bulk_run_converges_in_one_run_whatever_the_order_of_the_rules(params string[] order)
        {
            var source = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpException ex) when ((int)ex.StatusCode == 550 || ex.Message.Contains("550"))
                        {
                            System.Console.WriteLine("bounced");
                        }
                        catch (SmtpException ex) when (ex.Message.Contains("535") || ex.Message.Contains("450") || 450 == (int)ex.StatusCode)
                        {
                            switch (ex.StatusCode)
                            {
                                case SmtpStatusCode.MailboxBusy:
                                case SmtpStatusCode.MailboxUnavailable:
                                    Thread.Sleep(10);
                                    client.Send(message);
                                    break;
                                default:
                                    System.Console.WriteLine("failed");
                                    break;
                            }
                        }
                    }
                }
                """;
            // Only SMTP001 runs in bulk: the text tests (SMTP006) are decisions now, left for a person.
            var expected = source
                .Replace("(int)ex.StatusCode == 550 || ex.Message.Contains(\"550\")", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable || ex.Message.Contains(\"550\")", System.StringComparison.Ordinal)
                .Replace("450 == (int)ex.StatusCode", "SmtpStatusCode.MailboxBusy == ex.StatusCode", System.StringComparison.Ordinal);
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("bulk-" + order[0], ("Sender.cs", source)));

            var once = await BulkRunAsync(bench, bench.Original, order);
            Assert.Equal(expected, await TextAsync(bench, once));
            Assert.Empty(await bench.CheckAsync(bench.Original, once, textTestsMayGo: false));

            var twice = await BulkRunAsync(bench, once, order);
            Assert.Equal(expected, await TextAsync(bench, twice));

            var (_, run) = await bench.AnalyzeAsync(twice);
            var left = run.Diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id).ToList();
            Assert.Equal(new[] { "SMTP002", "SMTP003", "SMTP005", "SMTP006" }, left);
        }

        /// <summary>What <c>dotnet format analyzers</c> does, rule by rule: analyse, take the first action's key, run Fix All in the solution.</summary>
        private static async Task<Solution> BulkRunAsync(FixWorkbench bench, Solution solution, string[] order)
        {
            foreach (var id in order)
            {
                var (_, run) = await bench.AnalyzeAsync(solution);
                var diagnostics = bench.Fixable(solution, run).Where(d => d.Id == id).ToImmutableArray();
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                foreach (var fixer in SmtpCodesComponents.FixersOf(id))
                {
                    var first = await bench.ActionsAsync(solution, diagnostics[0]);
                    var key = first.IsEmpty ? null : first[0].Action.EquivalenceKey;
                    if (await bench.FixAllAsync(solution, fixer, id, key, diagnostics, scope: FixAllScope.Solution) is { } changed)
                    {
                        solution = changed;
                    }
                }
            }

            return solution;
        }

        private static async Task<List<(string Id, string Title, string? Key)>> ActionsAsync(string source, params string[] ids)
        {
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("titles", ("Handler.cs", source)));
            var (_, run) = await bench.AnalyzeAsync(bench.Original);
            var actions = new List<(string, string, string?)>();
            foreach (var diagnostic in bench.Fixable(bench.Original, run).Where(d => ids.Contains(d.Id)))
            {
                foreach (var (_, action) in await bench.ActionsAsync(bench.Original, diagnostic))
                {
                    actions.Add((diagnostic.Id, action.Title, action.EquivalenceKey));
                }
            }

            return actions;
        }

        private static async Task<string> TextAsync(FixWorkbench bench, Solution solution) =>
            (await solution.GetDocument(bench.UserDocuments[0])!.GetTextAsync()).ToString();
    }
}
