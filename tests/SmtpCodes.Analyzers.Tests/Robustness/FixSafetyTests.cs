using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// For every diagnostic the analyzers report on the complete sources: each offered fix alone, and Fix All per rule
    /// and equivalence key, must give code that parses, has no new compiler error and keeps every constant's value
    /// (a number replaced by a member has the member's value). Fix All must give the same text as applying the same
    /// fix one diagnostic at a time until none is left.
    /// </summary>
    public class FixSafetyTests
    {
        private readonly ITestOutputHelper _output;

        public FixSafetyTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> SourceSetNames => TypingSimulationTests.SourceSetNames;

        [Theory]
        [MemberData(nameof(SourceSetNames))]
        public async Task Every_fix_and_Fix_All_compiles_and_keeps_every_value(string sourceSet)
        {
            var cases = SourceSets.All.Single(s => s.Name == sourceSet).GetCases();
            var failures = new ConcurrentQueue<string>();
            int diagnostics = 0, fixes = 0, fixAlls = 0;
            var stopwatch = Stopwatch.StartNew();
            await ForEachCaseAsync(cases, async (source, cancellationToken) =>
            {
                using var bench = await FixWorkbench.CreateAsync(source);
                var (_, run) = await bench.AnalyzeAsync(bench.Original, cancellationToken);
                Report(failures, source, "analysis", run.Exceptions);
                var fixable = bench.Fixable(bench.Original, run);
                Interlocked.Add(ref diagnostics, fixable.Length);
                var fixAllKeys = new HashSet<(CodeFixProvider Fixer, string Id, string? Key)>();
                foreach (var diagnostic in fixable)
                {
                    ImmutableArray<(CodeFixProvider Fixer, Microsoft.CodeAnalysis.CodeActions.CodeAction Action)> actions;
                    try
                    {
                        actions = await bench.ActionsAsync(bench.Original, diagnostic, cancellationToken);
                    }
                    catch (Exception exception)
                    {
                        failures.Enqueue($"{source.Name}: registering fixes for {diagnostic} threw {exception}\n{RobustnessHarness.Show(await bench.TextOfUserDocumentsAsync(bench.Original))}");
                        continue;
                    }

                    foreach (var (fixer, action) in actions)
                    {
                        fixAllKeys.Add((fixer, diagnostic.Id, action.EquivalenceKey));
                        Interlocked.Increment(ref fixes);
                        await CheckFixAsync(bench, failures, $"fix '{action.Title}' for {diagnostic}", () => FixWorkbench.ApplyAsync(action, cancellationToken), cancellationToken, FixWorkbench.RemovesTextTest(action), FixWorkbench.MovesMember(action));
                    }
                }

                // Decision fixes (SMTP002/003, SMTP005) have no Fix All by contract (FixKindsTests checks which fixers have one).
                foreach (var (fixer, id, key) in fixAllKeys.Where(k => k.Fixer.GetFixAllProvider() is not null))
                {
                    Interlocked.Increment(ref fixAlls);
                    await CheckFixAsync(bench, failures, $"Fix All {id} '{key}' ({fixer.GetType().Name})", async () =>
                        await bench.FixAllAsync(bench.Original, fixer, id, key, fixable, cancellationToken) ?? throw new InvalidOperationException("no Fix All action"), cancellationToken, id == DiagnosticIds.StatusReadFromMessage);
                }
            });

            _output.WriteLine($"{sourceSet}: {cases.Count} sources, {diagnostics} fixable diagnostics, {fixes} fixes and {fixAlls} Fix Alls applied and recompiled in {stopwatch.Elapsed.TotalSeconds:F1} s");
            AssertNoFailures(failures);
        }

        [Theory]
        [MemberData(nameof(SourceSetNames))]
        public async Task Fix_All_equals_fixing_one_at_a_time(string sourceSet)
        {
            var cases = SourceSets.All.Single(s => s.Name == sourceSet).GetCases();
            var failures = new ConcurrentQueue<string>();
            int compared = 0, steps = 0;
            var stopwatch = Stopwatch.StartNew();
            await ForEachCaseAsync(cases, async (source, cancellationToken) =>
            {
                using var bench = await FixWorkbench.CreateAsync(source);
                var (_, run) = await bench.AnalyzeAsync(bench.Original, cancellationToken);
                var fixable = bench.Fixable(bench.Original, run);
                var keys = new HashSet<(CodeFixProvider Fixer, string Id, string? Key)>();
                foreach (var diagnostic in fixable)
                {
                    foreach (var (fixer, action) in await bench.ActionsAsync(bench.Original, diagnostic, cancellationToken))
                    {
                        keys.Add((fixer, diagnostic.Id, action.EquivalenceKey));
                    }
                }

                foreach (var (fixer, id, key) in keys)
                {
                    var fixAll = await bench.FixAllAsync(bench.Original, fixer, id, key, fixable, cancellationToken);
                    if (fixAll is null)
                    {
                        continue;
                    }

                    var (oneByOne, count) = await FixOneAtATimeAsync(bench, fixer, id, key, cancellationToken);
                    Interlocked.Increment(ref compared);
                    Interlocked.Add(ref steps, count);
                    var expected = await bench.TextOfUserDocumentsAsync(oneByOne);
                    var actual = await bench.TextOfUserDocumentsAsync(fixAll);
                    if (expected != actual)
                    {
                        failures.Enqueue($"{source.Name}: Fix All {id} '{key}' differs from {count} fixes one at a time.\nOne at a time:\n{RobustnessHarness.Show(expected)}\nFix All:\n{RobustnessHarness.Show(actual)}\nSource:\n{RobustnessHarness.Show(await bench.TextOfUserDocumentsAsync(bench.Original))}");
                    }
                }
            });

            _output.WriteLine($"{sourceSet}: {cases.Count} sources, {compared} Fix Alls compared with {steps} single fixes applied one after another, in {stopwatch.Elapsed.TotalSeconds:F1} s");
            AssertNoFailures(failures);
        }

        /// <summary>
        /// SMTP006's fix replaces a whole text test (the <c>IndexOf</c> bound, the <c>StringComparison</c>, the regex's
        /// <c>^</c> go with it) by a status comparison: the value check reads the test as its reply code, and still sees a
        /// fix that names another code.
        /// </summary>
        [Theory]
        [InlineData("ex.StatusCode == SmtpStatusCode.ServiceNotAvailable", "ex.StatusCode == SmtpStatusCode.TransactionFailed", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable", true)]
        [InlineData("ex.StatusCode == SmtpStatusCode.MailboxBusy", "ex.StatusCode == SmtpStatusCode.TransactionFailed", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable", false)]
        [InlineData("ex.StatusCode == SmtpStatusCode.ServiceNotAvailable", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable", "ex.StatusCode == SmtpStatusCode.MailboxUnavailable", false)]
        [InlineData("ex.StatusCode == SmtpStatusCode.ServiceNotAvailable", "ex.StatusCode == SmtpStatusCode.TransactionFailed", "ex.StatusCode == SmtpStatusCode.SyntaxError", false)]
        public async Task The_value_check_reads_a_replaced_text_test_as_its_reply_code(string indexOf, string regex, string startsWith, bool keepsValues)
        {
            const string Source = """
                using System;
                using System.Net.Mail;
                using System.Text.RegularExpressions;

                class Handler
                {
                    int Classify(SmtpException ex)
                    {
                        var text = ex.Message;
                        if (text.IndexOf("421") >= 0) return 1;
                        if (Regex.IsMatch(ex.Message, "^554", RegexOptions.CultureInvariant)) return 2;
                        return ex.Message.StartsWith("550 ", StringComparison.Ordinal) ? 3 : 4;
                    }
                }
                """;
            using var bench = await FixWorkbench.CreateAsync(SourceCase.ForUserCode("value-check", ("Handler.cs", Source)));
            var fixedText = Source
                .Replace("text.IndexOf(\"421\") >= 0", indexOf, StringComparison.Ordinal)
                .Replace("Regex.IsMatch(ex.Message, \"^554\", RegexOptions.CultureInvariant)", regex, StringComparison.Ordinal)
                .Replace("ex.Message.StartsWith(\"550 \", StringComparison.Ordinal)", startsWith, StringComparison.Ordinal);
            var after = bench.Original.WithDocumentText(bench.UserDocuments[0], Microsoft.CodeAnalysis.Text.SourceText.From(fixedText));

            var problems = await bench.CheckAsync(bench.Original, after);

            Assert.Equal(keepsValues, problems.Count == 0);
            Assert.All(problems, p => Assert.Contains("the constants changed value", p));
        }

        /// <summary>Applies the first diagnostic's fix with the key, re-analyses, and goes on until no diagnostic offers it.</summary>
        internal static async Task<(Solution Solution, int Steps)> FixOneAtATimeAsync(FixWorkbench bench, CodeFixProvider fixer, string id, string? key, CancellationToken cancellationToken)
        {
            var current = bench.Original;
            for (var step = 0; step < 500; step++)
            {
                var (_, run) = await bench.AnalyzeAsync(current, cancellationToken);
                Microsoft.CodeAnalysis.CodeActions.CodeAction? next = null;
                foreach (var diagnostic in bench.Fixable(current, run).Where(d => d.Id == id))
                {
                    next = (await bench.ActionsAsync(current, diagnostic, cancellationToken))
                        .Where(a => a.Fixer == fixer && a.Action.EquivalenceKey == key)
                        .Select(a => a.Action)
                        .FirstOrDefault();
                    if (next is not null)
                    {
                        break;
                    }
                }

                if (next is null)
                {
                    return (current, step);
                }

                current = await FixWorkbench.ApplyAsync(next, cancellationToken);
            }

            throw new InvalidOperationException($"{bench.Source.Name}: {id} '{key}' was still offered after 500 fixes.");
        }

        internal static async Task CheckFixAsync(FixWorkbench bench, ConcurrentQueue<string> failures, string what, Func<Task<Solution>> apply, CancellationToken cancellationToken, bool textTestsMayGo = false, bool memberMoves = false)
        {
            Solution after;
            try
            {
                after = await apply();
            }
            catch (Exception exception)
            {
                failures.Enqueue($"{bench.Source.Name}: {what} threw {exception}\nSource:\n{RobustnessHarness.Show(await bench.TextOfUserDocumentsAsync(bench.Original))}");
                return;
            }

            var problems = await bench.CheckAsync(bench.Original, after, cancellationToken, textTestsMayGo, memberMoves);
            var (_, rerun) = await bench.AnalyzeAsync(after, cancellationToken);
            problems.AddRange(rerun.Exceptions.Select(e => "analysing the fixed code threw " + e));
            if (problems.Count > 0)
            {
                failures.Enqueue($"{bench.Source.Name}: {what}:\n  {string.Join("\n  ", problems)}\nSource:\n{RobustnessHarness.Show(await bench.TextOfUserDocumentsAsync(bench.Original))}\nFixed:\n{RobustnessHarness.Show(await bench.TextOfUserDocumentsAsync(after))}");
            }
        }

        internal static Task ForEachCaseAsync(IEnumerable<SourceCase> cases, Func<SourceCase, CancellationToken, Task> body) =>
            Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (source, cancellationToken) => await body(source, cancellationToken));

        internal static void Report(ConcurrentQueue<string> failures, SourceCase source, string what, IEnumerable<string> exceptions)
        {
            foreach (var exception in exceptions)
            {
                failures.Enqueue($"{source.Name}: {what} threw {exception}");
            }
        }

        internal static void AssertNoFailures(ConcurrentQueue<string> failures)
        {
            if (!failures.IsEmpty)
            {
                Assert.Fail($"{failures.Count} failure(s). The first three:\n\n" + string.Join("\n\n----\n\n", failures.Take(3)));
            }
        }
    }
}
