using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The NuGet package the way users consume it: packed once (<see cref="PackageFixture"/>), installed into small
    /// consumer projects from a temporary feed, and built with <c>dotnet build</c>, <c>-warnaserror</c>,
    /// <c>.editorconfig</c> settings, SARIF error logs and <c>dotnet format</c>. Each test states one thing a user relies on.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageEndToEndTests
    {
        private const string AnalyzerFolder = "analyzers/dotnet/cs/";

        private readonly PackageFixture _fixture;
        private readonly ITestOutputHelper _output;

        public PackageEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public void Package_holds_both_assemblies_under_analyzers_dotnet_cs_and_nothing_under_lib()
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            var entries = package.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            var listing = string.Join(Environment.NewLine, entries);

            Assert.True(entries.Contains(AnalyzerFolder + "SmtpCodes.Analyzers.dll"), "No analyzer assembly in " + AnalyzerFolder + ":" + Environment.NewLine + listing);
            Assert.True(entries.Contains(AnalyzerFolder + "SmtpCodes.Analyzers.CodeFixes.dll"), "No code-fix assembly in " + AnalyzerFolder + ":" + Environment.NewLine + listing);
            Assert.True(entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).All(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal)),
                "An assembly outside " + AnalyzerFolder + ":" + Environment.NewLine + listing);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
        }

        [Fact]
        public void Package_metadata_says_what_it_is_and_that_it_is_a_development_dependency()
        {
            var metadata = ReadNuspecMetadata();
            string Value(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? string.Empty;

            Assert.Equal(PackageFixture.PackageId, Value("id"));
            Assert.Equal(_fixture.PackageVersion, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Contains("SMTP", Value("description"), StringComparison.Ordinal);
            Assert.Equal("https://github.com/smtpcodes/SmtpCodes.Analyzers", Value("projectUrl"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Equal("MIT", Value("license"));
            var tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("smtp", tags);
            Assert.Contains("analyzers", tags);
            Assert.Contains("roslyn", tags);

            // The package must not drag the projects it was packed from (SmtpCodes.Analyzers.Core) in as dependencies.
            Assert.Null(metadata.Element(metadata.Name.Namespace + "dependencies"));

            // Release notes come from AnalyzerReleases.*.md: every implemented rule is named, the ';' comments are not.
            var notes = Value("releaseNotes");
            foreach (var id in PackageFixture.ImplementedIds)
            {
                Assert.Contains(id, notes, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(notes.Split('\n'), line => line.TrimStart().StartsWith(';'));
        }

        [Fact]
        public void Packaged_assemblies_are_deterministic_and_built_against_a_Roslyn_the_dotnet8_compiler_loads()
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            foreach (var name in new[] { "SmtpCodes.Analyzers.dll", "SmtpCodes.Analyzers.CodeFixes.dll" })
            {
                using var stream = new MemoryStream();
                using (var entry = package.GetEntry(AnalyzerFolder + name)!.Open())
                {
                    entry.CopyTo(stream);
                }

                stream.Position = 0;
                using var pe = new PEReader(stream);
                Assert.True(pe.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.Reproducible), $"{name} was not built deterministically (no Reproducible debug directory entry).");

                // Roslyn 4.8 is the newest that the .NET 8 SDK's compiler and Visual Studio 2022 17.8 load (else CS8032).
                var reader = pe.GetMetadataReader();
                var roslyn = reader.AssemblyReferences
                    .Select(h => reader.GetAssemblyReference(h))
                    .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                    .ToList();
                if (name == "SmtpCodes.Analyzers.dll")
                {
                    Assert.Contains(roslyn, r => reader.GetString(r.Name) == "Microsoft.CodeAnalysis");
                }

                Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{name} references {reader.GetString(r.Name)} {r.Version}, newer than 4.8."));

                // A netstandard2.0 assembly: it references netstandard 2.0.0.0 and nothing of a .NET runtime.
                var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).ToList();
                Assert.Contains(references, r => reader.GetString(r.Name) == "netstandard" && r.Version == new Version(2, 0, 0, 0));
                Assert.DoesNotContain(references, r => reader.GetString(r.Name) is "System.Runtime" or "mscorlib");
            }
        }

        [Fact]
        public void Dotnet_add_package_installs_it_with_PrivateAssets_all()
        {
            var project = XDocument.Load(_fixture.Basic.ProjectFile);
            var reference = project.Descendants("PackageReference").SingleOrDefault(e => (string?)e.Attribute("Include") == PackageFixture.PackageId);
            Assert.True(reference is not null, "dotnet add package wrote no PackageReference:" + Environment.NewLine + project + Environment.NewLine + _fixture.AddPackage.Describe());
            var privateAssets = (string?)reference!.Attribute("PrivateAssets") ?? reference.Element("PrivateAssets")?.Value;
            Assert.True(string.Equals(privateAssets, "all", StringComparison.OrdinalIgnoreCase), "The development dependency was installed without PrivateAssets=\"all\":" + Environment.NewLine + project);
        }

        [Fact]
        public void Build_reports_the_rules_at_their_file_and_line_with_help_links()
        {
            var project = _fixture.Basic;
            foreach (var line in _fixture.Build.Output.Split('\n').Where(l => l.Contains(": warning SMTP", StringComparison.Ordinal) && l.Contains("Basic.csproj]", StringComparison.Ordinal)))
            {
                _output.WriteLine(line.TrimEnd('\r'));
            }

            AssertDiagnostics(project, project.ExpectedKeys(PackageFixture.ImplementedIds), _fixture.ActualKeys(project), _fixture.Build);
            Assert.Contains(_fixture.Diagnostics, d => d.ProjectName == project.Name && d.Id == DiagnosticIds.MagicStatusCode);
            Assert.Contains(_fixture.Diagnostics, d => d.ProjectName == project.Name && d.Id == DiagnosticIds.UnknownStatusCode);

            foreach (var diagnostic in _fixture.Diagnostics.Where(d => d.Id.StartsWith("SMTP", StringComparison.Ordinal)))
            {
                var rule = PackageFixture.ImplementedRules[diagnostic.Id];
                Assert.True(rule.HelpLinkUri == diagnostic.HelpLink, $"{diagnostic} has help link '{diagnostic.HelpLink}', expected '{rule.HelpLinkUri}'.");
                Assert.Equal($"https://github.com/smtpcodes/SmtpCodes.Analyzers/blob/main/docs/rules/{diagnostic.Id}.md", diagnostic.HelpLink);
            }
        }

        [Fact]
        public void Help_links_name_rule_pages_that_exist_in_docs_rules()
        {
            const string Prefix = "https://github.com/smtpcodes/SmtpCodes.Analyzers/blob/main/";
            var missing = new List<string>();
            foreach (var rule in PackageFixture.ImplementedRules.Values)
            {
                Assert.StartsWith(Prefix, rule.HelpLinkUri, StringComparison.Ordinal);
                var page = Path.Combine(_fixture.RepositoryRoot, rule.HelpLinkUri.Substring(Prefix.Length).Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(page))
                {
                    missing.Add($"{rule.Id}: {rule.HelpLinkUri} -> {page}");
                }
            }

            Assert.True(missing.Count == 0, "Help links that go nowhere (no such page in this repository):" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        }

        [Fact]
        public void Pragma_and_SuppressMessage_suppress_SMTP001()
        {
            var project = _fixture.Basic;
            var expected = project.ExpectedKeys(PackageFixture.ImplementedIds).Where(k => k.StartsWith("Suppressions.cs(", StringComparison.Ordinal)).ToList();
            var actual = _fixture.ActualKeys(project).Where(k => k.StartsWith("Suppressions.cs(", StringComparison.Ordinal)).ToList();

            // One line after `#pragma warning restore` still reports: the suppressions are scoped, not a blanket off switch.
            Assert.Single(expected);
            AssertDiagnostics(project, expected, actual, _fixture.Build);
        }

        [Fact]
        public async Task Warnaserror_fails_the_build_on_the_rules_and_passes_once_they_are_fixed()
        {
            var (ci, ciFixed) = await _fixture.WarnAsErrorBuilds;
            Log(ci);
            Log(ciFixed);

            Assert.False(ci.Succeeded, "dotnet build -warnaserror succeeded on magic codes." + Environment.NewLine + ci.Describe());
            var errors = _fixture.Ci.ExpectedKeys(PackageFixture.ImplementedIds, _ => "error");
            Assert.Contains(errors, k => k.EndsWith("error SMTP001", StringComparison.Ordinal));
            Assert.Contains(errors, k => k.EndsWith("error SMTP004", StringComparison.Ordinal));
            AssertDiagnostics(_fixture.Ci, errors, PackageFixture.KeysOf(BuildDiagnostic.Parse(ci.Output), _fixture.Ci), ci);

            Assert.True(ciFixed.Succeeded, "dotnet build -warnaserror failed on the fixed code." + Environment.NewLine + ciFixed.Describe());
            AssertDiagnostics(_fixture.CiFixed, new List<string>(), PackageFixture.KeysOf(BuildDiagnostic.Parse(ciFixed.Output), _fixture.CiFixed), ciFixed);
        }

        [Fact]
        public void TreatWarningsAsErrors_in_the_project_fails_the_build_on_the_rules()
        {
            var project = _fixture.CiStrict;
            var errors = project.ExpectedKeys(PackageFixture.ImplementedIds, _ => "error");
            Assert.Contains(errors, k => k.EndsWith("error SMTP001", StringComparison.Ordinal));
            AssertDiagnostics(project, errors, _fixture.ActualKeys(project), _fixture.Build);
            Assert.DoesNotContain($"{project.Name} -> ", _fixture.Build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Editorconfig_severity_error_makes_SMTP001_an_error_that_fails_the_build()
        {
            var project = _fixture.Settings;
            var expected = SettingsKeys("Error/", id => id == DiagnosticIds.MagicStatusCode ? "error" : "warning");
            Assert.Contains(expected, k => k.EndsWith("error SMTP001", StringComparison.Ordinal));
            Assert.Contains(expected, k => k.EndsWith("warning SMTP004", StringComparison.Ordinal));
            AssertDiagnostics(project, expected, ActualUnder(project, "Error/"), _fixture.Build);
            Assert.DoesNotContain($"{project.Name} -> ", _fixture.Build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Editorconfig_severity_none_silences_SMTP001_only()
        {
            var project = _fixture.Settings;
            var expected = SettingsKeys("None/", id => id == DiagnosticIds.MagicStatusCode ? null : "warning");
            Assert.Contains(expected, k => k.EndsWith("warning SMTP004", StringComparison.Ordinal));
            Assert.DoesNotContain(expected, k => k.EndsWith("SMTP001", StringComparison.Ordinal));
            AssertDiagnostics(project, expected, ActualUnder(project, "None/"), _fixture.Build);
        }

        [Fact]
        public void Editorconfig_status_enum_types_makes_a_users_own_enum_a_status_enum()
        {
            var configured = _fixture.UserEnum;
            var expected = configured.ExpectedKeys(PackageFixture.ImplementedIds);
            Assert.Contains(expected, k => k.EndsWith("SMTP001", StringComparison.Ordinal));
            AssertDiagnostics(configured, expected, _fixture.ActualKeys(configured), _fixture.Build);
            AssertBuilt(configured);

            // The same enum and comparison where nobody configured it (Basic/ReplyCode.cs): nothing.
            Assert.DoesNotContain(_fixture.ActualKeys(_fixture.Basic), k => k.StartsWith("ReplyCode.cs(", StringComparison.Ordinal));
        }

        [Fact]
        public void Editorconfig_default_counts_as_handled_is_read_and_honoured()
        {
            // With SMTP002/SMTP003 implemented, the switch with a default is quiet and the one without is reported; until
            // then the option must at least be accepted (no SMTP000 anywhere in Settings) and change nothing else.
            var project = _fixture.Settings;
            AssertDiagnostics(project, SettingsKeys("DefaultHandled/", _ => "warning"), ActualUnder(project, "DefaultHandled/"), _fixture.Build);
            Assert.DoesNotContain(_fixture.ActualKeys(project), k => k.EndsWith("SMTP000", StringComparison.Ordinal));

            // The same switch with a default and no option (Basic, BadOptions) is reported, when the rules exist.
            foreach (var other in new[] { _fixture.Basic, _fixture.BadOptions })
            {
                var switchRules = other.ExpectedKeys(PackageFixture.ImplementedIds).Where(IsSwitchRule).ToList();
                Assert.Equal(switchRules, _fixture.ActualKeys(other).Where(IsSwitchRule).ToList());
            }

            static bool IsSwitchRule(string key) => key.EndsWith("SMTP002", StringComparison.Ordinal) || key.EndsWith("SMTP003", StringComparison.Ordinal);
        }

        [Fact]
        public void Bad_option_values_in_editorconfig_and_globalconfig_give_SMTP000_and_the_analysis_goes_on()
        {
            var project = _fixture.BadOptions;
            var expected = project.ExpectedKeys(PackageFixture.ImplementedIds);
            expected.Add("warning SMTP000");
            expected.Add("warning SMTP000");
            expected.Add("warning SMTP000");
            expected.Sort(StringComparer.Ordinal);
            AssertDiagnostics(project, expected, _fixture.ActualKeys(project), _fixture.Build);

            var messages = _fixture.Diagnostics.Where(d => d.ProjectName == project.Name && d.Id == DiagnosticIds.InvalidOption).Select(d => d.Message).ToList();
            Assert.Contains(messages, m => m.Contains("smtp_codes.status_enum_types", StringComparison.Ordinal) && m.Contains("Contoso.Mail.NoSuchEnum", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("smtp_codes.default_counts_as_handled", StringComparison.Ordinal) && m.Contains("maybe", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("'smtp_codes.additional_reply_code'", StringComparison.Ordinal) && m.Contains("did you mean 'smtp_codes.additional_reply_codes'?", StringComparison.Ordinal));
            AssertBuilt(project);
        }

        [Fact]
        public async Task ErrorLog_writes_SARIF_2_1_with_the_rules_their_help_links_and_the_results()
        {
            var project = _fixture.Ci;
            var (build, _) = await _fixture.WarnAsErrorBuilds;
            Log(build);
            var sarifPath = _fixture.CiSarifPath;
            Assert.True(File.Exists(sarifPath), $"No SARIF log at {sarifPath}." + Environment.NewLine + build.Describe());

            using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var run = sarif.RootElement.GetProperty("runs")[0];

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString()!.StartsWith("SMTP", StringComparison.Ordinal))
                .ToDictionary(r => r.GetProperty("id").GetString()!, StringComparer.Ordinal);
            var all = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SMTP", StringComparison.Ordinal))
                .ToList();

            // A suppressed result stays in the log, marked as suppressed in source (Ci/Suppressed.cs has a #pragma).
            var suppressed = all.Where(r => r.TryGetProperty("suppressions", out var s) && s.GetArrayLength() > 0).ToList();
            Assert.Single(suppressed);
            Assert.All(suppressed, r => Assert.Equal("inSource", r.GetProperty("suppressions")[0].GetProperty("kind").GetString()));
            var results = all.Except(suppressed).ToList();

            foreach (var id in results.Select(r => r.GetProperty("ruleId").GetString()!).Distinct())
            {
                Assert.True(rules.ContainsKey(id), $"SARIF has results of {id} but no rule for it.");
            }

            Assert.Equal(PackageFixture.ImplementedIds.OrderBy(i => i, StringComparer.Ordinal), rules.Keys.OrderBy(i => i, StringComparer.Ordinal));

            // Every SMTP rule in the log carries the descriptor's metadata: what a CI system shows beside a result.
            foreach (var (id, rule) in rules)
            {
                Assert.True(PackageFixture.ImplementedRules.TryGetValue(id, out var descriptor), $"SARIF names {id}, which no analyzer implements.");
                Assert.Equal(descriptor!.HelpLinkUri, rule.GetProperty("helpUri").GetString());
                Assert.Equal(descriptor.Title.ToString(), rule.GetProperty("shortDescription").GetProperty("text").GetString());
                Assert.Equal(descriptor.Category, rule.GetProperty("properties").GetProperty("category").GetString());
            }

            // The results are the console's diagnostics: same files, lines and rules.
            var fromSarif = results.Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var file = project.RelativePath(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
                return $"{file}({line}): {r.GetProperty("level").GetString()} {r.GetProperty("ruleId").GetString()}";
            }).OrderBy(k => k, StringComparer.Ordinal).ToList();
            // -warnaserror is MSBuild's switch: it turns the logged warnings into errors, so the build fails, while the
            // compiler's SARIF log keeps each result's own level (warning).
            Assert.Equal(project.ExpectedKeys(PackageFixture.ImplementedIds), fromSarif);
            Assert.Contains(DiagnosticIds.MagicStatusCode, rules.Keys);
            Assert.Contains(DiagnosticIds.UnknownStatusCode, rules.Keys);
        }

        [Fact]
        public async Task Dotnet_format_applies_the_SMTP001_fix_from_the_package_and_the_program_prints_the_same()
        {
            var project = _fixture.Format;
            var expected = project.ExpectedKeys(PackageFixture.ImplementedIds);
            AssertDiagnostics(project, expected, _fixture.ActualKeys(project), _fixture.Build);
            Assert.Contains(expected, k => k.EndsWith("SMTP001", StringComparison.Ordinal));
            AssertBuilt(project);

            var before = await _fixture.RunInWorkspaceAsync(project.OutputAssembly);
            Log(before);
            Assert.True(before.Succeeded, before.Describe());

            var programPath = Path.Combine(project.Directory, "Program.cs");
            var sourceBefore = File.ReadAllText(programPath);

            var format = await _fixture.RunInWorkspaceAsync("format", "analyzers", project.ProjectFile, "--diagnostics", DiagnosticIds.MagicStatusCode, "--severity", "info", "--no-restore", "--verbosity", "detailed");
            Log(format);
            Assert.True(format.Succeeded, "dotnet format failed." + Environment.NewLine + format.Describe());

            var sourceAfter = File.ReadAllText(programPath);
            _output.WriteLine("Program.cs after dotnet format:" + Environment.NewLine + sourceAfter);
            Assert.True(sourceAfter != sourceBefore, "dotnet format changed nothing: is the SMTP001 code fix (SmtpCodes.Analyzers.CodeFixes) in the package?" + Environment.NewLine + format.Describe());
            Assert.DoesNotContain("#pragma", sourceAfter, StringComparison.Ordinal);

            var rebuild = await _fixture.RunInWorkspaceAsync(PackageFixture.BuildArguments(project.ProjectFile, "--no-incremental"));
            Log(rebuild);
            Assert.True(rebuild.Succeeded, "The formatted project does not build." + Environment.NewLine + rebuild.Describe() + Environment.NewLine + sourceAfter);
            var remaining = BuildDiagnostic.Parse(rebuild.Output).Where(d => d.ProjectName == project.Name && (d.Id == DiagnosticIds.MagicStatusCode || d.Severity == "error" || PackageFixture.IsAnalyzerFailure(d))).ToList();
            Assert.True(remaining.Count == 0, "After dotnet format:" + Environment.NewLine + string.Join(Environment.NewLine, remaining) + Environment.NewLine + sourceAfter);

            var after = await _fixture.RunInWorkspaceAsync(project.OutputAssembly);
            Log(after);
            Assert.True(after.Succeeded, after.Describe());
            Assert.Equal(before.Output, after.Output);
        }

        [Fact]
        public void Oldest_supported_consumer_netstandard20_with_CSharp_7_3_loads_and_runs_the_analyzers()
        {
            var project = _fixture.Legacy;
            var expected = project.ExpectedKeys(PackageFixture.ImplementedIds);
            Assert.Contains(expected, k => k.EndsWith("SMTP001", StringComparison.Ordinal));
            AssertDiagnostics(project, expected, _fixture.ActualKeys(project), _fixture.Build);
            AssertBuilt(project);
        }

        [Fact]
        public void No_consumer_build_reports_an_analyzer_that_failed_to_load_or_threw()
        {
            var failures = _fixture.Diagnostics.Where(PackageFixture.IsAnalyzerFailure).ToList();
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + _fixture.Build.Describe());
            Assert.DoesNotContain("CS8032", _fixture.Build.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("AD0001", _fixture.Build.Output, StringComparison.Ordinal);

            // Each consumer but Settings and CiStrict (errors by design) built.
            foreach (var project in _fixture.SharedBuildProjects.Where(p => p != _fixture.Settings && p != _fixture.CiStrict))
            {
                AssertBuilt(project);
            }

            foreach (var command in _fixture.Commands)
            {
                Log(command);
            }
        }

        /// <summary>The expectations of the Settings files under <paramref name="folder"/>, with each rule's severity there.</summary>
        private List<string> SettingsKeys(string folder, Func<string, string?> severityOf) =>
            _fixture.Settings.ExpectedKeys(PackageFixture.ImplementedIds, severityOf).Where(k => k.StartsWith(folder, StringComparison.Ordinal)).ToList();

        private List<string> ActualUnder(ConsumerProject project, string folder) =>
            _fixture.ActualKeys(project).Where(k => k.StartsWith(folder, StringComparison.Ordinal)).ToList();

        private void AssertBuilt(ConsumerProject project) =>
            Assert.True(
                _fixture.Build.Output.Contains($"{project.Name} -> ", StringComparison.Ordinal),
                $"{project.Name} did not build." + Environment.NewLine + _fixture.Build.Describe());

        private static void AssertDiagnostics(ConsumerProject project, List<string> expected, List<string> actual, DotnetResult build)
        {
            if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
            {
                Assert.Fail(
                    $"{project.Name}: the build's diagnostics differ from the // expect: markers (rules implemented: {string.Join(", ", PackageFixture.ImplementedIds)})."
                    + Environment.NewLine + "Expected:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", expected)
                    + Environment.NewLine + "Actual:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", actual)
                    + Environment.NewLine + build.Describe());
            }
        }

        private void Log(DotnetResult result) =>
            _output.WriteLine($"{result.Elapsed.TotalSeconds,6:0.0} s  exit {result.ExitCode}  {result.CommandLine}");

        private XElement ReadNuspecMetadata()
        {
            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
            using var stream = nuspec.Open();
            var document = XDocument.Load(stream);
            return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
        }
    }
}
