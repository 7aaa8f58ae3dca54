using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Tests.Benchmarks
{
    /// <summary>
    /// Runs the benchmark program (tests/SmtpCodes.Analyzers.Benchmarks) on its smallest corpora, as a process: it runs
    /// on a newer Roslyn than this test project. Checks that it produces its table with every analyzer and peer filled;
    /// no timing is asserted.
    /// </summary>
    public class BenchmarkSmokeTests
    {
        private static readonly string[] Peers = { "IDE0010", "IDE0072", "S109" };

        [Fact]
        public async Task Benchmark_prints_and_writes_its_table_with_every_analyzer_and_peer()
        {
            var output = Path.Combine(Path.GetTempPath(), "smtpcodes-benchmark-" + Guid.NewGuid().ToString("N"));
            try
            {
                var (exitCode, stdout, stderr) = await RunBenchmarkAsync("--measure", "telemetry", "--sizes", "300", "--repetitions", "1", "--warmup", "0", "--output", output);
                Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");

                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "benchmark.json")));
                var root = json.RootElement;
                Assert.Equal(0, root.GetProperty("MissingPeers").GetArrayLength());
                Assert.Equal(0, root.GetProperty("AnalyzerExceptions").GetArrayLength());

                // The analyzers a host loads, and each rule of SmtpCodesAnalyzer alone (the map of where the time goes).
                var expected = new List<string>(ProjectAnalyzerNames());
                Assert.Contains("SmtpCodesAnalyzer", expected);
                expected.AddRange(SmtpCodesAnalyzer.AllRules().Select(rule => rule.GetType().Name));
                Assert.Contains("MagicSmtpCodeRule", expected);
                expected.AddRange(Peers);

                var corpora = new HashSet<string>();
                foreach (var row in root.GetProperty("Summary").EnumerateArray())
                {
                    corpora.Add(row.GetProperty("Corpus").GetString()!);
                    Assert.True(row.GetProperty("CompilerMs").GetDouble() > 0);
                    var times = row.GetProperty("AnalyzerMs");
                    foreach (var name in expected)
                    {
                        Assert.True(times.TryGetProperty(name, out var ms) && ms.GetDouble() >= 0, $"{name} has no time in {row}");
                    }

                    Assert.NotEqual(JsonValueKind.Null, row.GetProperty("ProjectRatioToPopulateSwitch").ValueKind);
                }

                Assert.Equal(new HashSet<string> { "SMTP-heavy", "No-SMTP", "Mail-referenced" }, corpora);

                // At 300 lines no corpus target (meant for 200,000 lines) is judged: each says so. Compilation start is
                // measured on a project of its own size in every run (its verdict depends on the machine: not asserted).
                var verdicts = new List<string>();
                var compilationStart = 0;
                foreach (var target in root.GetProperty("Targets").EnumerateArray())
                {
                    if (target.GetProperty("Target").GetString()!.StartsWith("Compilation start", StringComparison.Ordinal))
                    {
                        compilationStart++;
                    }
                    else
                    {
                        verdicts.Add(target.GetProperty("Verdict").GetString()!);
                    }
                }

                Assert.Equal(8, verdicts.Count);
                Assert.All(verdicts, verdict => Assert.Equal("n/a at this size", verdict));
                Assert.Equal(1, compilationStart);
                Assert.Equal(2, root.GetProperty("CompilationStart").GetArrayLength());

                // Each analyzer ran: the SMTP corpus has magic codes and switches over status enums, the other has no status enum.
                var diagnostics = new Dictionary<string, int>();
                foreach (var row in root.GetProperty("Details").EnumerateArray())
                {
                    diagnostics[row.GetProperty("Corpus").GetString() + "/" + row.GetProperty("Analyzer").GetString()] = row.GetProperty("Diagnostics").GetInt32();
                }

                Assert.True(diagnostics["SMTP-heavy/MagicSmtpCodeRule"] > 0);
                Assert.Equal(0, diagnostics["No-SMTP/MagicSmtpCodeRule"]);
                Assert.Equal(0, diagnostics["No-SMTP/SmtpCodesAnalyzer"]);

                // The whole analyzer reports what its rules report alone, together.
                var rulesAlone = SmtpCodesAnalyzer.AllRules().Sum(rule => diagnostics["SMTP-heavy/" + rule.GetType().Name]);
                Assert.Equal(rulesAlone, diagnostics["SMTP-heavy/SmtpCodesAnalyzer"]);

                // The mail-referenced corpus: its one mail module's magic code, nothing from the business code.
                Assert.Equal(1, diagnostics["Mail-referenced/MagicSmtpCodeRule"]);
                Assert.Equal(1, diagnostics["Mail-referenced/SmtpCodesAnalyzer"]);
                Assert.True(diagnostics["SMTP-heavy/IDE0010"] + diagnostics["SMTP-heavy/IDE0072"] > 0);
                Assert.True(diagnostics["SMTP-heavy/S109"] > 0);

                // The same table on the console and in Markdown, with a column per analyzer and peer.
                var markdown = await File.ReadAllTextAsync(Path.Combine(output, "benchmark.md"));
                foreach (var name in expected)
                {
                    Assert.Contains("| " + name + " ms ", markdown);
                    Assert.Contains("| " + name + " ms ", stdout);
                }

                Assert.Contains("Peers: all loaded", markdown);
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }

        [Fact]
        public async Task Benchmark_rejects_an_unknown_option()
        {
            var (exitCode, _, stderr) = await RunBenchmarkAsync("--size", "300");
            Assert.Equal(1, exitCode);
            Assert.Contains("Unknown option: --size", stderr);
        }

        [Theory]
        [InlineData("--measure", "builds", "--measure: 'builds' is none of build, dense, editor, keystroke, telemetry")]
        [InlineData("--pairs", "0", "--pairs: '0' is not a positive number")]
        [InlineData("--dense-lines", "many", "--dense-lines: 'many' is not a positive number")]
        [InlineData("--editor-rounds", "-1", "--editor-rounds: '-1' is not a positive number")]
        public async Task Benchmark_rejects_a_bad_headline_option_before_measuring(string option, string value, string message)
        {
            var (exitCode, stdout, stderr) = await RunBenchmarkAsync(option, value);
            Assert.Equal(1, exitCode);
            Assert.Contains(message, stderr);
            Assert.DoesNotContain("Build:", stdout);
        }

        [Fact]
        public async Task Benchmark_help_names_every_headline_measure_and_its_flags()
        {
            var (exitCode, stdout, _) = await RunBenchmarkAsync("--help");
            Assert.Equal(0, exitCode);
            foreach (var flag in new[] { "--measure build,dense,editor,telemetry", "--build-lines", "--pairs", "--dense-lines", "--dense-rounds", "--editor-rounds" })
            {
                Assert.Contains(flag, stdout);
            }
        }

        /// <summary>What the benchmark must find by reflection: every C# analyzer of SmtpCodes.Analyzers.</summary>
        private static IEnumerable<string> ProjectAnalyzerNames()
        {
            foreach (var type in typeof(Descriptors).Assembly.GetTypes())
            {
                if (!type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                    && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
                    && Array.IndexOf(attribute.Languages, LanguageNames.CSharp) >= 0)
                {
                    yield return type.Name;
                }
            }
        }

        private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBenchmarkAsync(params string[] arguments)
        {
            var program = BenchmarkProgramPath();
            Assert.True(File.Exists(program), $"{program} is missing: build tests/SmtpCodes.Analyzers.Benchmarks (this project references it, so a build of the tests builds it)");

            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(program);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }

        private static string BenchmarkProgramPath()
        {
            foreach (var metadata in typeof(BenchmarkSmokeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (metadata.Key == "BenchmarkProgram" && metadata.Value is { Length: > 0 } path)
                {
                    return path;
                }
            }

            throw new InvalidOperationException("The test assembly does not name the benchmark program (AssemblyMetadata BenchmarkProgram).");
        }
    }
}
