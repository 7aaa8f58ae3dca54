using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SmtpCodes.Analyzers.Benchmarks.Corpus;
using SmtpCodes.Analyzers.Benchmarks.Editor;
using SmtpCodes.Analyzers.Benchmarks.Measurement;
using SmtpCodes.Analyzers.Benchmarks.Report;

namespace SmtpCodes.Analyzers.Benchmarks
{
    /// <summary>
    /// Times the compiler, each SmtpCodes analyzer and the peers (IDE0010, IDE0072, S109) on generated corpora, and
    /// writes the table to the console, <c>benchmark.json</c> and <c>benchmark.md</c>. Usage: see <see cref="Usage"/>.
    /// </summary>
    public static class Program
    {
        internal const int ExitCorpusDoesNotCompile = 2;
        internal const int ExitAnalyzerThrew = 3;

        private const string Usage = """
            SmtpCodes.Analyzers.Benchmarks [options]
            What a user feels, first (each with and without the package, in one run, alternating):
              --measure build,dense,editor,telemetry
                                          which measures (default: all four, about 20 minutes on 2 cores):
                                          build: `dotnet build --no-incremental` of an ordinary application with MailKit
                                          dense: the same of dense mail code, beside IDE0010+IDE0072 and the binding floor
                                          editor: edit to diagnostics in csharp-ls 0.28.0, key by key, then where a
                                          keystroke's time goes (in-process; alone: keystroke)
                                          telemetry: where the time goes (in-process, per analyzer; see --sizes), then
                                          the analyzers' compilation-start work after a one-file edit
              --build-lines 200000        lines of the ordinary application (build)
              --pairs 3                   rounds of the build measure (each: with and without, the order alternating)
              --dense-lines 20000         lines of dense mail code (dense)
              --dense-rounds 5            rounds of the dense measure (each: without, with, IDE0010+IDE0072, floor)
              --editor-rounds 3           rounds of the editor measure (each: the statement typed key by key)
            Telemetry (where the time goes):
              --sizes 20000               corpus sizes in lines (each corpus stops at the first file that reaches the size)
              --corpora smtp,plain,mail   which corpora: smtp (SMTP-heavy), plain (no SMTP, no mail library),
                                          mail (no SMTP code, MailKit/MimeKit/SmtpServer referenced)
              --repetitions 3             measured repetitions per corpus and size (the median is reported)
              --warmup 1                  discarded rounds per corpus before the first (smallest) size is measured
              --seed 20261128             corpus seed
              --analyzers A,B             time only these analyzers and peers (type names, peer rule IDs); default: all
              --probes                    also time analyzers that register one kind of action and do nothing (the driver's
                                          floor), and the binding floor
              --replay ANALYZER           profiling aid, not a measure: call one analyzer's syntax-node callbacks directly,
                                          --repetitions rounds, on the first of --sizes and --corpora, bound once
              --compilation-start         only the analyzers' compilation-start work (catalog and gate) on an editor's new
                                          compilation after a one-file edit (200 references, 1,000 files)
              --real-build                the same as --measure build
              --output DIR                where benchmark.json and benchmark.md go (default: results/ beside this program)
            """;

        public static async Task<int> Main(string[] args)
        {
            Options options;
            try
            {
                options = Options.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(Usage);
                return 1;
            }

            if (options.Help)
            {
                Console.WriteLine(Usage);
                return 0;
            }

            var references = CorpusReferences.Load();
            var analyzers = AnalyzerSet.ProjectAnalyzers();
            var missing = new List<MissingPeer>();
            var peers = AnalyzerSet.Peers(missing);
            var all = new List<MeasuredAnalyzer>(analyzers);
            all.AddRange(AnalyzerSet.RulesAlone());
            all.AddRange(peers);
            if (options.Probes)
            {
                all.AddRange(Probes.All());
            }

            if (options.Only is { } only)
            {
                all.RemoveAll(analyzer => !only.Contains(analyzer.Name));
                missing.RemoveAll(peer => !only.Contains(peer.Name));
            }

            var report = new BenchmarkReport
            {
                GeneratedAtUtc = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}",
                Roslyn = typeof(Compilation).Assembly.GetName().Version?.ToString() ?? "?",
                FrameworkReferences = references.FrameworkSource,
                Seed = options.Seed,
                Repetitions = options.Repetitions,
                Warmups = options.Warmups,
            };
            foreach (var analyzer in all)
            {
                (analyzer.IsPeer ? report.Peers : analyzer.IsProbe ? report.Probes : report.ProjectAnalyzers).Add(analyzer.Name);
            }

            foreach (var peer in missing)
            {
                report.MissingPeers.Add(new PeerFailure { Name = peer.Name, Reason = peer.Reason });
                Console.WriteLine($"Peer {peer.Name} could not load: {peer.Reason}");
            }

            // The headline: what a user feels.
            var headline = new Headline { Log = Console.WriteLine };
            report.Headline = headline;
            // Dense code and the editor first: the longest, the ordinary 200k-line build, comes last.
            if (options.Measures.Contains(Measure.Dense) && !RealBuild.Dense(options.DenseLines, options.DenseRounds, options.Seed, headline, Console.WriteLine))
            {
                return 1;
            }

            if (options.Measures.Contains(Measure.Editor) && !await EditorLatency.MeasureAsync(options.EditorRounds, headline, Console.WriteLine).ConfigureAwait(false))
            {
                return 1;
            }

            if (options.Measures.Contains(Measure.Editor) || options.Measures.Contains(Measure.Keystroke))
            {
                headline.Sections.Add("### Where a keystroke's time goes\n\n" + await KeystrokeProfile.MeasureAsync(analyzers, references, options.EditorRounds).ConfigureAwait(false));
                Console.WriteLine(headline.Sections[headline.Sections.Count - 1]);
            }

            if (options.Measures.Contains(Measure.Build) && !RealBuild.MailReferenced(options.BuildLines, options.Pairs, options.Seed, headline, Console.WriteLine))
            {
                return 1;
            }

            if (headline.Sections.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine(headline.ToMarkdown());
            }

            if (!options.Measures.Contains(Measure.Telemetry) && !options.CompilationStart && options.Replay is null)
            {
                await WriteAsync(options.Output, report, headline.ToMarkdown()).ConfigureAwait(false);
                return 0;
            }

            if (options.Replay is { } replayed)
            {
                var target = all.Find(analyzer => analyzer.Name == replayed);
                if (target is null)
                {
                    Console.Error.WriteLine($"--replay: no analyzer named {replayed}");
                    return 1;
                }

                var kind = options.Corpora[0];
                return Replay.Run(target, new CorpusGenerator(options.Seed).Generate(kind, options.Sizes[0]), references.For(kind), options.Repetitions, Console.WriteLine);
            }

            Console.WriteLine($"Analyzers: {string.Join(", ", report.ProjectAnalyzers)}; peers: {string.Join(", ", report.Peers)}; Roslyn {report.Roslyn}");
            var generator = new CorpusGenerator(options.Seed);
            var runner = new Runner(references, all);
            foreach (var size in options.CompilationStart ? new List<int>() : options.Sizes)
            {
                foreach (var kind in options.Corpora)
                {
                    var files = generator.Generate(kind, size);
                    var lines = 0;
                    foreach (var file in files)
                    {
                        lines += file.LineCount;
                    }

                    Console.WriteLine($"{ReportBuilder.Name(kind)}: {lines:N0} lines in {files.Count} files");
                    var measurement = new CorpusMeasurement(kind, files.Count, lines);
                    // Warm-up rounds before the first size only: after them the JIT has compiled (and tiered up) what the larger sizes run.
                    var warmups = size == options.Sizes[0] ? options.Warmups : 0;
                    await runner.MeasureAsync(measurement, files, options.Repetitions, warmups, Console.WriteLine).ConfigureAwait(false);
                    if (measurement.CompilerErrors > 0)
                    {
                        Console.Error.WriteLine($"The {ReportBuilder.Name(kind)} corpus does not compile ({measurement.CompilerErrors} errors), first: {measurement.FirstCompilerError}");
                        return ExitCorpusDoesNotCompile;
                    }

                    ReportBuilder.Add(report, measurement, all);
                }
            }

            ReportBuilder.JudgeTargets(report);
            if (!CompilationStart.Measure(report, analyzers, references, options.Seed, Console.WriteLine))
            {
                return 1;
            }

            var markdown = "## Where the time goes (in-process telemetry)\n\n" + MarkdownWriter.Write(report);
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (headline.Targets.Count > 0)
            {
                // Once more, so that the verdicts end the output.
                Console.WriteLine(headline.ToMarkdown());
            }

            await WriteAsync(options.Output, report, (headline.Targets.Count > 0 ? headline.ToMarkdown() : "") + markdown).ConfigureAwait(false);

            foreach (var exception in report.AnalyzerExceptions)
            {
                foreach (var name in report.ProjectAnalyzers)
                {
                    if (exception.Contains(" " + name + " threw ", StringComparison.Ordinal))
                    {
                        return ExitAnalyzerThrew;
                    }
                }
            }

            return 0;
        }

        private static async Task WriteAsync(string output, BenchmarkReport report, string markdown)
        {
            Directory.CreateDirectory(output);
            var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
            await File.WriteAllTextAsync(Path.Combine(output, "benchmark.json"), json).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(output, "benchmark.md"), markdown).ConfigureAwait(false);
            Console.WriteLine("Written: " + Path.Combine(output, "benchmark.json") + " and benchmark.md");
        }

        internal enum Measure
        {
            Build,
            Dense,
            Editor,
            Keystroke,
            Telemetry,
        }

        private sealed class Options
        {
            internal List<int> Sizes { get; } = new() { 20_000 };

            internal HashSet<Measure> Measures { get; } = new() { Measure.Build, Measure.Dense, Measure.Editor, Measure.Telemetry };

            internal int BuildLines { get; private set; } = 200_000;

            internal int Pairs { get; private set; } = 3;

            internal int DenseLines { get; private set; } = 20_000;

            internal int DenseRounds { get; private set; } = 5;

            internal int EditorRounds { get; private set; } = 3;

            internal List<CorpusKind> Corpora { get; } = new() { CorpusKind.SmtpHeavy, CorpusKind.NoSmtp, CorpusKind.MailReferenced };

            internal int Repetitions { get; private set; } = 3;

            internal int Warmups { get; private set; } = 1;

            internal int Seed { get; private set; } = CorpusGenerator.DefaultSeed;

            internal string Output { get; private set; } = Path.Combine(AppContext.BaseDirectory, "results");

            internal bool Help { get; private set; }

            /// <summary>The analyzer whose callbacks <see cref="Measurement.Replay"/> calls, or null for the benchmark.</summary>
            internal string? Replay { get; private set; }

            /// <summary>Run <see cref="Measurement.CompilationStart"/> alone, no corpus.</summary>
            internal bool CompilationStart { get; private set; }

            /// <summary>Also time the do-nothing probes of <see cref="Probes"/>.</summary>
            internal bool Probes { get; private set; }

            /// <summary>Analyzer type names and peer IDs to keep; null keeps all.</summary>
            internal HashSet<string>? Only { get; private set; }

            internal static Options Parse(string[] args)
            {
                var options = new Options();
                for (var i = 0; i < args.Length; i++)
                {
                    switch (args[i])
                    {
                        case "--sizes":
                            options.Sizes.Clear();
                            foreach (var part in Value(args, ref i).Split(','))
                            {
                                options.Sizes.Add(Positive(part, "--sizes"));
                            }

                            break;
                        case "--corpora":
                            options.Corpora.Clear();
                            foreach (var part in Value(args, ref i).Split(','))
                            {
                                options.Corpora.Add(part.Trim() switch
                                {
                                    "smtp" => CorpusKind.SmtpHeavy,
                                    "plain" => CorpusKind.NoSmtp,
                                    "mail" => CorpusKind.MailReferenced,
                                    _ => throw new ArgumentException($"--corpora: '{part}' is none of smtp, plain, mail"),
                                });
                            }

                            break;
                        case "--repetitions":
                            options.Repetitions = Positive(Value(args, ref i), "--repetitions");
                            break;
                        case "--warmup":
                            options.Warmups = int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var warmups)
                                ? warmups
                                : throw new ArgumentException("--warmup takes a count");
                            break;
                        case "--seed":
                            options.Seed = int.TryParse(Value(args, ref i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                                ? seed
                                : throw new ArgumentException("--seed takes an integer");
                            break;
                        case "--output":
                            options.Output = Path.GetFullPath(Value(args, ref i));
                            break;
                        case "--analyzers":
                            options.Only = new HashSet<string>(StringComparer.Ordinal);
                            foreach (var part in Value(args, ref i).Split(','))
                            {
                                options.Only.Add(part.Trim());
                            }

                            break;
                        case "--replay":
                            options.Replay = Value(args, ref i);
                            options.Measures.Clear();
                            break;
                        case "--measure":
                            options.Measures.Clear();
                            foreach (var part in Value(args, ref i).Split(','))
                            {
                                options.Measures.Add(part.Trim() switch
                                {
                                    "build" => Measure.Build,
                                    "dense" => Measure.Dense,
                                    "editor" => Measure.Editor,
                                    "keystroke" => Measure.Keystroke,
                                    "telemetry" => Measure.Telemetry,
                                    _ => throw new ArgumentException($"--measure: '{part}' is none of build, dense, editor, keystroke, telemetry"),
                                });
                            }

                            break;
                        case "--build-lines":
                            options.BuildLines = Positive(Value(args, ref i), "--build-lines");
                            break;
                        case "--pairs":
                            options.Pairs = Positive(Value(args, ref i), "--pairs");
                            break;
                        case "--dense-lines":
                            options.DenseLines = Positive(Value(args, ref i), "--dense-lines");
                            break;
                        case "--dense-rounds":
                            options.DenseRounds = Positive(Value(args, ref i), "--dense-rounds");
                            break;
                        case "--editor-rounds":
                            options.EditorRounds = Positive(Value(args, ref i), "--editor-rounds");
                            break;
                        case "--real-build":
                            options.Measures.Clear();
                            options.Measures.Add(Measure.Build);
                            break;
                        case "--compilation-start":
                            options.CompilationStart = true;
                            options.Measures.Clear();
                            break;
                        case "--probes":
                            options.Probes = true;
                            break;
                        case "--help":
                        case "-h":
                            options.Help = true;
                            break;
                        default:
                            throw new ArgumentException("Unknown option: " + args[i]);
                    }
                }

                options.Sizes.Sort();
                return options;
            }

            private static string Value(string[] args, ref int i) =>
                ++i < args.Length ? args[i] : throw new ArgumentException(args[i - 1] + " needs a value");

            private static int Positive(string text, string option) =>
                int.TryParse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
                    ? value
                    : throw new ArgumentException($"{option}: '{text}' is not a positive number");
        }
    }
}
