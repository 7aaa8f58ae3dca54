using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// A bulk run the way users make one in a pre-commit hook or CI: <c>dotnet format analyzers</c> with every SMTP rule,
    /// through the packed package, on retry handlers over all four status enums (the BulkFix consumer). The program prints
    /// what every handler does for every status before and after, with exceptions whose messages are worded as real
    /// clients word them (no reply code in the text); the package's promise for bulk runs says the output is the same, the
    /// value-preserving fix (SMTP001) is applied, the decisions (SMTP002, SMTP003, SMTP005, SMTP006) are left to a person,
    /// and a second run changes nothing. SMTP006's fix ran in bulk once: it made `IsServerClosing` true on a 421 reply
    /// where the text test had been false, and this test fails on that fixer.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class BulkFixEndToEndTests
    {
        private static readonly string[] s_everyRule =
        {
            DiagnosticIds.MagicStatusCode, DiagnosticIds.MissingTransientCodes, DiagnosticIds.MissingPermanentCodes,
            DiagnosticIds.UnknownStatusCode, DiagnosticIds.MixedReplyClasses, DiagnosticIds.StatusReadFromMessage,
        };

        private static readonly string[] s_decisions =
        {
            DiagnosticIds.MissingTransientCodes, DiagnosticIds.MissingPermanentCodes, DiagnosticIds.MixedReplyClasses,
            DiagnosticIds.StatusReadFromMessage,
        };

        private readonly PackageFixture _fixture;
        private readonly ITestOutputHelper _output;

        public BulkFixEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public async Task Dotnet_format_with_every_rule_fixes_what_keeps_values_leaves_the_decisions_and_the_program_prints_the_same()
        {
            var project = _fixture.BulkFix;
            Assert.True(_fixture.Build.Output.Contains($"{project.Name} -> ", StringComparison.Ordinal), $"{project.Name} did not build." + Environment.NewLine + _fixture.Build.Describe());
            var before = Ours(_fixture.Diagnostics, project);
            Assert.DoesNotContain(before, d => d.Severity == "error" || PackageFixture.IsAnalyzerFailure(d));
            foreach (var id in new[] { DiagnosticIds.MagicStatusCode }.Concat(s_decisions))
            {
                Assert.True(before.Any(d => d.Id == id), $"The consumer has no {id} to begin with: the test would prove nothing about it.{Environment.NewLine}{string.Join(Environment.NewLine, before)}");
            }

            var outputBefore = await RunProgramAsync(project);
            var sourcesBefore = Sources(project);

            // One bulk run.
            var format = await FormatAsync(project);
            var sourcesOnce = Sources(project);
            LogSources("after one run of dotnet format", sourcesBefore, sourcesOnce);
            Assert.DoesNotContain("Unable to fix SMTP001", format.Output, StringComparison.Ordinal);

            var rebuild = await _fixture.RunInWorkspaceAsync(PackageFixture.BuildArguments(project.ProjectFile, "--no-incremental"));
            Log(rebuild);
            Assert.True(rebuild.Succeeded, "The formatted consumer does not build." + Environment.NewLine + rebuild.Describe());
            var after = Ours(BuildDiagnostic.Parse(rebuild.Output), project);
            Assert.DoesNotContain(after, d => d.Severity == "error" || PackageFixture.IsAnalyzerFailure(d));

            var outputAfter = await RunProgramAsync(project);
            Assert.Equal(outputBefore, outputAfter);

            // The value-preserving fix ran: no magic number is left; every text test is still there, for a person to decide.
            Assert.True(after.All(d => d.Id != DiagnosticIds.MagicStatusCode), "SMTP001 left after dotnet format:" + Environment.NewLine + string.Join(Environment.NewLine, after));
            var netMail = sourcesOnce["NetMailSender.cs"];
            Assert.Contains("public static bool IsBounce(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxUnavailable || ex.Message.Contains(\"550\");", netMail, StringComparison.Ordinal);
            Assert.Contains("public static bool IsServerClosing(SmtpException ex) => ex.Message.StartsWith(\"421\");", netMail, StringComparison.Ordinal);
            Assert.Contains("ex.Message.Contains(\"535\")", netMail, StringComparison.Ordinal);

            // The decisions stay where they were, as many as before, and nothing throws NotImplementedException.
            foreach (var id in s_decisions)
            {
                Assert.Equal(before.Count(d => d.Id == id), after.Count(d => d.Id == id));
            }

            Assert.Contains("case SmtpStatusCode.MailboxBusy:\n            case SmtpStatusCode.MailboxUnavailable:\n                Thread.Sleep(_retryDelay);", sourcesOnce["MailKitSender.cs"].Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.All(sourcesOnce.Values, text => Assert.DoesNotContain("NotImplementedException", text, StringComparison.Ordinal));
            Assert.Equal(
                sourcesBefore.Where(s => s.Key is not "NetMailSender.cs" and not "MailKitSender.cs" and not "RelayPolicy.cs" and not "AsposeNotifier.cs"),
                sourcesOnce.Where(s => s.Key is not "NetMailSender.cs" and not "MailKitSender.cs" and not "RelayPolicy.cs" and not "AsposeNotifier.cs"));
            Assert.All(new[] { "NetMailSender.cs", "MailKitSender.cs", "RelayPolicy.cs", "AsposeNotifier.cs" }, file => Assert.NotEqual(sourcesBefore[file], sourcesOnce[file]));

            // A second run finds nothing more to do.
            await FormatAsync(project);
            var sourcesTwice = Sources(project);
            LogSources("after a second run", sourcesOnce, sourcesTwice);
            Assert.Equal(sourcesOnce, sourcesTwice);
        }

        private async Task<string> RunProgramAsync(ConsumerProject project)
        {
            var run = await _fixture.RunInWorkspaceAsync(project.OutputAssembly);
            Log(run);
            Assert.True(run.Succeeded, run.Describe());
            Assert.Contains("MailKit 550 MailboxUnavailable: ", run.Output, StringComparison.Ordinal);
            return run.Output;
        }

        private async Task<DotnetResult> FormatAsync(ConsumerProject project)
        {
            var arguments = new List<string> { "format", "analyzers", project.ProjectFile, "--diagnostics" };
            arguments.AddRange(s_everyRule);
            arguments.AddRange(new[] { "--severity", "info", "--no-restore", "--verbosity", "detailed" });
            var format = await _fixture.RunInWorkspaceAsync(arguments.ToArray());
            Log(format);
            _output.WriteLine(string.Join(Environment.NewLine, format.Output.Split('\n').Where(l => l.Contains("SMTP", StringComparison.Ordinal)).Select(l => "    " + l.TrimEnd('\r'))));
            Assert.True(format.Succeeded, "dotnet format failed." + Environment.NewLine + format.Describe());
            return format;
        }

        /// <summary>The consumer's C# files by name, as they are on disk now.</summary>
        private static SortedDictionary<string, string> Sources(ConsumerProject project)
        {
            var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(project.Directory, "*.cs", SearchOption.TopDirectoryOnly))
            {
                sources.Add(Path.GetFileName(file), File.ReadAllText(file));
            }

            return sources;
        }

        private static List<BuildDiagnostic> Ours(IEnumerable<BuildDiagnostic> diagnostics, ConsumerProject project) =>
            diagnostics.Where(d => d.ProjectName == project.Name && (PackageFixture.IsOurs(d) || d.Severity == "error")).Distinct().ToList();

        private void LogSources(string when, IDictionary<string, string> before, IDictionary<string, string> after)
        {
            foreach (var (name, text) in after)
            {
                _output.WriteLine(before[name] == text ? $"{name} {when}: unchanged" : $"{name} {when}:{Environment.NewLine}{text}");
            }
        }

        private void Log(DotnetResult result) =>
            _output.WriteLine($"{result.Elapsed.TotalSeconds,6:0.0} s  exit {result.ExitCode}  {result.CommandLine}");
    }
}
