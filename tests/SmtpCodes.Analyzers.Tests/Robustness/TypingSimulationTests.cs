using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The IDE analyses every half-typed state of a file. For each source: prefixes cut at token boundaries (every one
    /// up to <see cref="MaxTokenPrefixes"/>, else that many, seeded), prefixes cut inside a token, and the source with
    /// one token deleted; every analyzer runs on each and nothing may throw.
    /// </summary>
    public class TypingSimulationTests
    {
        /// <summary>
        /// Caps per document, chosen so the suite stays within its time budget on a 2-core machine. Set the environment
        /// variable SMTPCODES_ROBUSTNESS_EXHAUSTIVE=1 to take every prefix, every token's mid-point and every deletion.
        /// </summary>
        internal static readonly bool Exhaustive = Environment.GetEnvironmentVariable("SMTPCODES_ROBUSTNESS_EXHAUSTIVE") == "1";
        internal static readonly int MaxTokenPrefixes = Exhaustive ? int.MaxValue : 10;
        internal static readonly int MidTokenPrefixes = Exhaustive ? int.MaxValue : 2;
        internal static readonly int TokenDeletions = Exhaustive ? int.MaxValue : 4;

        private readonly ITestOutputHelper _output;

        public TypingSimulationTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string> SourceSetNames
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var set in SourceSets.All)
                {
                    data.Add(set.Name);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(SourceSetNames))]
        public async Task Every_half_typed_state_is_analysed_without_exception(string sourceSet)
        {
            var set = SourceSets.All.Single(s => s.Name == sourceSet);
            var cases = set.GetCases();
            Assert.NotEmpty(cases);

            var stopwatch = Stopwatch.StartNew();
            var variants = new List<Variant>();
            foreach (var source in cases)
            {
                var compilation = await RobustnessHarness.CreateCompilationAsync(source);
                for (var i = 0; i < source.Documents.Length; i++)
                {
                    if (source.Documents[i].IsUserCode)
                    {
                        variants.AddRange(Variants(source, compilation, i));
                    }
                }
            }

            var failures = new ConcurrentQueue<(Variant Variant, string Exception)>();
            var analysed = 0;
            await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (variant, cancellationToken) =>
            {
                var run = await AnalyzeAsync(variant, cancellationToken);
                Interlocked.Increment(ref analysed);
                foreach (var exception in run.Exceptions)
                {
                    failures.Enqueue((variant, exception));
                }
            });

            _output.WriteLine(
                $"{set.Name}: {cases.Count} sources, {variants.Count(v => v.Kind == "prefix")} token-boundary prefixes, " +
                $"{variants.Count(v => v.Kind == "mid-token prefix")} mid-token prefixes, {variants.Count(v => v.Kind == "deletion")} token deletions; " +
                $"{analysed} analyses in {stopwatch.Elapsed.TotalSeconds:F1} s");

            if (!failures.IsEmpty)
            {
                var (first, exception) = failures.First();
                Assert.Fail(
                    $"{failures.Count} analyses threw. First: {first.Source.Name}, {first.Kind} {first.Detail}:\n{exception}\n\nSource:\n{RobustnessHarness.Show(first.Text)}");
            }
        }

        /// <summary>Prefixes and deletions of one document, sampled with a seed taken from the source's name.</summary>
        internal static IEnumerable<Variant> Variants(SourceCase source, Compilation compilation, int documentIndex)
        {
            var tree = compilation.SyntaxTrees.ElementAt(documentIndex);
            var text = source.Documents[documentIndex].Text;
            var tokens = tree.GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            var random = new Random(RobustnessHarness.Seed(source.Name + "#" + documentIndex));

            foreach (var index in Sample(tokens.Count, MaxTokenPrefixes, random))
            {
                yield return new Variant(source, compilation, documentIndex, "prefix", "after token " + index, text.Substring(0, tokens[index].Span.End));
            }

            var longTokens = tokens.Where(t => t.Span.Length > 1).ToList();
            foreach (var index in Sample(longTokens.Count, MidTokenPrefixes, random))
            {
                var token = longTokens[index];
                var cut = token.SpanStart + random.Next(1, token.Span.Length);
                yield return new Variant(source, compilation, documentIndex, "mid-token prefix", "cut at " + cut, text.Substring(0, cut));
            }

            foreach (var index in Sample(tokens.Count, TokenDeletions, random))
            {
                var token = tokens[index];
                yield return new Variant(source, compilation, documentIndex, "deletion", $"of '{token.Text}' at {token.SpanStart}", text.Remove(token.SpanStart, token.Span.Length));
            }
        }

        /// <summary>Every index below <paramref name="count"/> when there are at most <paramref name="max"/>, else <paramref name="max"/> distinct ones, ascending.</summary>
        internal static IEnumerable<int> Sample(int count, int max, Random random)
        {
            if (count <= max)
            {
                return Enumerable.Range(0, count);
            }

            var chosen = new SortedSet<int>();
            while (chosen.Count < max)
            {
                chosen.Add(random.Next(count));
            }

            return chosen;
        }

        internal static Task<AnalysisRun> AnalyzeAsync(Variant variant, CancellationToken cancellationToken)
        {
            var oldTree = variant.Compilation.SyntaxTrees.ElementAt(variant.DocumentIndex);
            var newTree = CSharpSyntaxTree.ParseText(variant.Text, (CSharpParseOptions)oldTree.Options, oldTree.FilePath, oldTree.Encoding, cancellationToken);
            var compilation = variant.Compilation.ReplaceSyntaxTree(oldTree, newTree);
            return RobustnessHarness.AnalyzeAsync(compilation, RobustnessHarness.AnalyzerOptions(variant.Source), cancellationToken: cancellationToken);
        }

        internal sealed record Variant(SourceCase Source, Compilation Compilation, int DocumentIndex, string Kind, string Detail, string Text);
    }
}
