using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The value check lets a repeated value go only for SMTP006's removal of a text test: any other fix that drops one
    /// (a number that another operand repeats) is reported.
    /// </summary>
    public class FixWorkbenchCheckTests
    {
        private const string Source = """
            using System.Net.Mail;

            class Handler
            {
                bool Gone(SmtpException ex) => (int)ex.StatusCode == 550 || ex.Message.Contains("550");
            }
            """;

        [Fact]
        public async Task A_dropped_repeat_passes_only_where_text_tests_may_go()
        {
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("drops-repeat", ("Handler.cs", Source)));
            var dropped = Source.Replace(" || ex.Message.Contains(\"550\")", string.Empty, StringComparison.Ordinal);
            var after = bench.Original.WithDocumentText(bench.UserDocuments[0], SourceText.From(dropped));

            Assert.Contains(await bench.CheckAsync(bench.Original, after), p => p.Contains("the constants changed value", StringComparison.Ordinal));
            Assert.Empty(await bench.CheckAsync(bench.Original, after, textTestsMayGo: true));
        }

        private const string MoveSource = """
            using System.Net.Mail;

            class Policy
            {
                bool IsTransient(SmtpStatusCode s) => s switch
                {
                    SmtpStatusCode.MailboxUnavailable => true,
                    _ => false,
                };
            }
            """;

        [Fact]
        public async Task A_moved_member_may_change_its_result_but_never_a_code()
        {
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("move", ("Policy.cs", MoveSource)));
            var (_, run) = await bench.AnalyzeAsync(bench.Original);
            var diagnostic = Assert.Single(bench.Fixable(bench.Original, run), d => d.Id == DiagnosticIds.PermanentFailureRetried);
            var move = Assert.Single(await bench.ActionsAsync(bench.Original, diagnostic), a => FixWorkbench.MovesMember(a.Action));
            var moved = await FixWorkbench.ApplyAsync(move.Action);

            // The arm's `true` became the discard's `false`: only a move may change a result so.
            Assert.Contains(await bench.CheckAsync(bench.Original, moved), p => p.Contains("the constants changed value", StringComparison.Ordinal));
            Assert.Empty(await bench.CheckAsync(bench.Original, moved, memberMoves: true));

            // A code that goes is never a move.
            var lost = MoveSource.Replace("SmtpStatusCode.MailboxUnavailable => true,", string.Empty, StringComparison.Ordinal)
                .Replace("_ => false", "_ => true", StringComparison.Ordinal);
            var after = bench.Original.WithDocumentText(bench.UserDocuments[0], SourceText.From(lost));
            Assert.Contains(await bench.CheckAsync(bench.Original, after, memberMoves: true), p => p.Contains("the constants changed value", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Only_the_SMTP006_removal_counts_as_removing_a_text_test()
        {
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("removal", ("Handler.cs", Source)));
            var (_, run) = await bench.AnalyzeAsync(bench.Original);
            var actions = (await Task.WhenAll(bench.Fixable(bench.Original, run).Select(d => bench.ActionsAsync(bench.Original, d))))
                .SelectMany(a => a)
                .ToList();

            var removal = Assert.Single(actions, a => a.Fixer is StatusFromMessageFixer);
            Assert.True(FixWorkbench.RemovesTextTest(removal.Action));
            Assert.All(actions.Where(a => a.Fixer is not StatusFromMessageFixer), a => Assert.False(FixWorkbench.RemovesTextTest(a.Action)));
            Assert.Contains(actions, a => a.Fixer is MagicSmtpCodeFixer);
        }
    }
}
