using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SmtpCodes.Analyzers.Tests.Robustness;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// SMTP002/SMTP003's fixer reads a catch-all as the analyzer does, from the pattern's meaning rather than its syntax:
    /// <c>case { }:</c>, <c>case not null:</c> on a nullable status, <c>{ } =&gt;</c>, parenthesized forms. Where one
    /// receives the missing codes, no action lists them "as today" in a new case that breaks (they would stop reaching the
    /// catch-all), and the titles say the codes go to the catch-all today, not past the switch or to an exception.
    /// </summary>
    public class SwitchCompletenessCatchAllTests
    {
        [Theory]
        [InlineData("SmtpStatusCode", "switch (status) { case SmtpStatusCode.MailboxBusy: Retry(); break; case SmtpStatusCode.MailboxUnavailable: Bounce(); break; case { }: Other(); break; }", "case")]
        [InlineData("SmtpStatusCode?", "switch (status) { case SmtpStatusCode.MailboxBusy: Retry(); break; case SmtpStatusCode.MailboxUnavailable: Bounce(); break; case not null: Other(); break; }", "case")]
        [InlineData("SmtpStatusCode", "switch (status) { case SmtpStatusCode.MailboxBusy: Retry(); break; case SmtpStatusCode.MailboxUnavailable: Bounce(); break; case ({ }): Other(); break; default: Retry(); break; }", "case")]
        [InlineData("SmtpStatusCode", "_ = status switch { SmtpStatusCode.MailboxBusy => 60, SmtpStatusCode.MailboxUnavailable => -1, { } => 0 };", "arm")]
        [InlineData("SmtpStatusCode?", "_ = status switch { SmtpStatusCode.MailboxBusy => 60, SmtpStatusCode.MailboxUnavailable => -1, null => 1, not null => 0 };", "arm")]
        public async Task A_catch_all_pattern_receives_the_codes_in_the_titles_and_nothing_is_listed_as_today(string type, string body, string branch)
        {
            // A statement's handlers call Retry() and Bounce(): the titles say so; an arm's numbers say nothing.
            var (retry, giveUp) = branch == "case" ? ("Retry", "Give up on") : ("Handle", "Handle");
            var source = $$"""
                using System.Net.Mail;

                class Policy
                {
                    void Handle({{type}} status)
                    {
                        {{body}}
                    }

                    static void Retry() { }

                    static void Bounce() { }

                    static void Other() { }
                }
                """;

            var actions = await ActionsAsync(source);

            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP002", $"{retry} 421, 451, 452 like MailboxBusy, in its {branch}, instead of in the catch-all {branch}", FixKinds.TransientToHandler),
                    ("SMTP002", $"Throw NotImplementedException for 421, 451, 452, in a new {branch}, instead of in the catch-all {branch}", FixKinds.TransientAsNewCase),
                    ("SMTP003", $"{giveUp} 500, 501, 502, 503, 504, 551 and 3 more like MailboxUnavailable, in its {branch}, instead of in the catch-all {branch}", FixKinds.PermanentToHandler),
                    ("SMTP003", $"Throw NotImplementedException for 500, 501, 502, 503, 504, 551 and 3 more, in a new {branch}, instead of in the catch-all {branch}", FixKinds.PermanentAsNewCase),
                },
                actions);
        }

        /// <summary>The titles use the message's words where the handler and the fallback are known to retry or give up.</summary>
        [Fact]
        public async Task Titles_say_what_the_handler_and_the_fallback_do()
        {
            var source = """
                using System.Net.Mail;

                enum Outcome { RetryLater, Bounced }

                class DeliveryPolicy
                {
                    Outcome Decide(SmtpException ex)
                    {
                        switch (ex.StatusCode)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                                return Retry();
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                                return Bounce();
                            default:
                                return Retry();
                        }
                    }

                    Outcome Other(SmtpException ex)
                    {
                        switch (ex.StatusCode)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                return Retry();
                            case SmtpStatusCode.MailboxUnavailable:
                                return Bounce();
                            default:
                                return Bounce();
                        }
                    }

                    static Outcome Retry() => Outcome.RetryLater;

                    static Outcome Bounce() => Outcome.Bounced;
                }
                """;

            var actions = await ActionsAsync(source);

            Assert.Equal(
                new (string, string, string?)[]
                {
                    ("SMTP002", "Retry 421, 451, 452 like MailboxBusy, in its case, instead of giving up on them in default", FixKinds.TransientToHandler),
                    ("SMTP002", "Throw NotImplementedException for 421, 451, 452, in a new case, instead of giving up on them in default", FixKinds.TransientAsNewCase),
                    ("SMTP002", "List 421, 451, 452 in the default case, which gives up on them today (no change in behaviour)", FixKinds.TransientAsToday),
                    ("SMTP003", "Give up on 500, 501, 502, 503, 504, 551 and 2 more like MailboxUnavailable, in its case, instead of retrying them in default", FixKinds.PermanentToHandler),
                    ("SMTP003", "Throw NotImplementedException for 500, 501, 502, 503, 504, 551 and 2 more, in a new case, instead of retrying them in default", FixKinds.PermanentAsNewCase),
                    ("SMTP003", "List 500, 501, 502, 503, 504, 551 and 2 more in the default case, which retries them today (no change in behaviour)", FixKinds.PermanentAsToday),
                },
                actions);
        }

        /// <summary>A guarded <c>{ }</c> is no catch-all: the codes still leave the switch, and listing them there keeps that.</summary>
        [Fact]
        public async Task A_guarded_property_pattern_is_no_catch_all()
        {
            var source = """
                using System.Net.Mail;

                class Policy
                {
                    void Handle(SmtpStatusCode status, bool quiet)
                    {
                        switch (status) { case SmtpStatusCode.MailboxBusy: break; case { } when quiet: System.Console.WriteLine(); break; }
                    }
                }
                """;

            var actions = await ActionsAsync(source);

            Assert.Contains(actions, a => a.Key == FixKinds.PermanentAsToday && a.Title.EndsWith("in a new case that leaves the switch, as they do today (no change in behaviour)", System.StringComparison.Ordinal));
            Assert.Contains(actions, a => a.Key == FixKinds.PermanentAsNewCase && a.Title.EndsWith("instead of skipping the switch", System.StringComparison.Ordinal));
        }

        private static async Task<List<(string Id, string Title, string? Key)>> ActionsAsync(string source)
        {
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("catch-all", ("Policy.cs", source)));
            var (_, run) = await bench.AnalyzeAsync(bench.Original);
            var actions = new List<(string, string, string?)>();
            foreach (var diagnostic in bench.Fixable(bench.Original, run).Where(d => d.Id is "SMTP002" or "SMTP003").OrderBy(d => d.Id))
            {
                foreach (var (_, action) in await bench.ActionsAsync(bench.Original, diagnostic))
                {
                    actions.Add((diagnostic.Id, action.Title, action.EquivalenceKey));
                }
            }

            return actions;
        }
    }
}
