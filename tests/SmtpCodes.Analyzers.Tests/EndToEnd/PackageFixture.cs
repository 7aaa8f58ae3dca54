using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The shared, expensive part of the end-to-end tests, done once per test class: pack the package into a temporary
    /// feed with a version no earlier run used, lay out the consumer projects, add the package to one of them with
    /// <c>dotnet add package</c>, restore them all into a private package folder, and build them all in one go.
    /// Everything lives under one temporary folder, deleted at the end (set SMTPCODES_E2E_KEEP=1 to keep it).
    /// </summary>
    public sealed class PackageFixture : IAsyncLifetime
    {
        public const string PackageId = "SmtpCodes.Analyzers";

        public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
        public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

        private readonly List<DotnetResult> _commands = new List<DotnetResult>();
        private readonly Lazy<Task<(DotnetResult Ci, DotnetResult CiFixed)>> _warnAsErrorBuilds;

        public PackageFixture()
        {
            RepositoryRoot = FindRepositoryRoot();
            Root = Path.Combine(Path.GetTempPath(), "smtpcodes-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(Root, "feed");
            Workspace = Path.Combine(Root, "consumers");
            PackageFolder = Path.Combine(Root, "nuget-packages");

            PackageVersion = NewPackageVersion();
            PackagePath = Path.Combine(Feed, $"{PackageId}.{PackageVersion}.nupkg");
            ConsumerEnvironment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageFolder };

            Basic = new ConsumerProject("Basic", referencePackage: false);
            Settings = new ConsumerProject("Settings");
            UserEnum = new ConsumerProject("UserEnum");
            BadOptions = new ConsumerProject("BadOptions");
            CiStrict = new ConsumerProject("CiStrict", template: "Ci", extraProperties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
            Format = new ConsumerProject("Format", isExe: true);
            Legacy = new ConsumerProject("Legacy", targetFramework: "netstandard2.0", languageVersion: "7.3");
            Ci = new ConsumerProject("Ci");
            CiFixed = new ConsumerProject("CiFixed");
            BulkFix = new ConsumerProject(
                "BulkFix",
                isExe: true,
                packageReferences: MailLibraries(RepositoryRoot),
                generatedFiles: new Dictionary<string, string> { ["AsposeSmtpStatusCode.cs"] = Infrastructure.StatusEnumSources.Aspose });
            SharedBuildProjects = new[] { Basic, Settings, UserEnum, BadOptions, CiStrict, Format, Legacy, BulkFix };
            Projects = SharedBuildProjects.Concat(new[] { Ci, CiFixed }).ToArray();
            _warnAsErrorBuilds = new Lazy<Task<(DotnetResult Ci, DotnetResult CiFixed)>>(RunWarnAsErrorBuildsAsync);
        }

        public string RepositoryRoot { get; }

        public string Root { get; }

        public string Feed { get; }

        public string Workspace { get; }

        public string PackageFolder { get; }

        public string PackageVersion { get; }

        public string PackagePath { get; }

        /// <summary>The consumers restore into a private package folder: nothing of the user's NuGet cache is read or left behind.</summary>
        public IReadOnlyDictionary<string, string> ConsumerEnvironment { get; }

        public ConsumerProject Basic { get; }

        /// <summary>Folders with their own .editorconfig: Error/ (SMTP001 = error), None/ (SMTP001 = none), DefaultHandled/.</summary>
        public ConsumerProject Settings { get; }

        public ConsumerProject UserEnum { get; }

        public ConsumerProject BadOptions { get; }

        /// <summary>Ci's sources in a project that sets TreatWarningsAsErrors, as users do.</summary>
        public ConsumerProject CiStrict { get; }

        public ConsumerProject Format { get; }

        public ConsumerProject Legacy { get; }

        /// <summary>Built only with <c>-warnaserror</c> (and a SARIF log), not in the shared build.</summary>
        public ConsumerProject Ci { get; }

        /// <summary>Ci with the warnings fixed; built only with <c>-warnaserror</c>.</summary>
        public ConsumerProject CiFixed { get; }

        /// <summary>Retry handlers over all four status enums and a program that prints what they do (BulkFixEndToEndTests).</summary>
        public ConsumerProject BulkFix { get; }

        /// <summary>The projects of the one shared build.</summary>
        public IReadOnlyList<ConsumerProject> SharedBuildProjects { get; }

        public IReadOnlyList<ConsumerProject> Projects { get; }

        public string CiSarifPath => Path.Combine(Root, "Ci.sarif");

        public DotnetResult Pack { get; private set; } = null!;

        public DotnetResult AddPackage { get; private set; } = null!;

        public DotnetResult Restore { get; private set; } = null!;

        /// <summary>The one build of the shared projects (it fails, by design: Settings/Error makes SMTP001 an error, CiStrict treats warnings as errors).</summary>
        public DotnetResult Build { get; private set; } = null!;

        public List<BuildDiagnostic> Diagnostics { get; private set; } = new List<BuildDiagnostic>();

        /// <summary>Every rule the analyzer assembly implements, by ID: read from the analyzers, so a new rule joins the tests by itself.</summary>
        public static IReadOnlyDictionary<string, DiagnosticDescriptor> ImplementedRules { get; } = ReadImplementedRules();

        public static ISet<string> ImplementedIds { get; } = new HashSet<string>(ImplementedRules.Keys, StringComparer.Ordinal);

        /// <summary>The commands run so far and how long each took, for the test output.</summary>
        public IReadOnlyList<DotnetResult> Commands => _commands;

        public async Task InitializeAsync()
        {
            try
            {
                await PrepareAsync().ConfigureAwait(false);
            }
            catch
            {
                // The failure message carries every command's output; leave no temporary folder behind.
                await DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        private async Task PrepareAsync()
        {
            Directory.CreateDirectory(Feed);
            Directory.CreateDirectory(Workspace);
            Directory.CreateDirectory(PackageFolder);

            Pack = await RunAsync(RepositoryRoot, PackArguments(RepositoryRoot, Feed, PackageVersion, Path.Combine(Root, "artifacts")), PackTimeout, environment: null).ConfigureAwait(false);
            if (!Pack.Succeeded || !File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack did not produce {PackagePath}.{Environment.NewLine}{Pack.Describe()}");
            }

            WriteWorkspace();

            // The way a user installs it: dotnet add package writes the PackageReference (and, for a development
            // dependency, PrivateAssets) and restores the project.
            AddPackage = await RunAsync(
                Workspace,
                new[] { "add", Basic.ProjectFile, "package", PackageId, "--version", PackageVersion },
                CommandTimeout,
                ConsumerEnvironment).ConfigureAwait(false);
            if (!AddPackage.Succeeded)
            {
                throw new InvalidOperationException("dotnet add package failed." + Environment.NewLine + AddPackage.Describe());
            }

            Restore = await RunAsync(Workspace, new[] { "restore", "Consumers.slnx", "-nodeReuse:false", "-tl:off" }, CommandTimeout, ConsumerEnvironment).ConfigureAwait(false);
            if (!Restore.Succeeded)
            {
                throw new InvalidOperationException("dotnet restore of the consumers failed." + Environment.NewLine + Restore.Describe());
            }

            Build = await RunAsync(Workspace, BuildArguments("Shared.slnx"), CommandTimeout, ConsumerEnvironment).ConfigureAwait(false);
            Diagnostics = BuildDiagnostic.Parse(Build.Output);
        }

        public Task DisposeAsync()
        {
            if (Environment.GetEnvironmentVariable("SMTPCODES_E2E_KEEP") != "1")
            {
                DeleteDirectory(Root);
            }

            return Task.CompletedTask;
        }

        /// <summary>
        /// The CI story, run once for the tests that need it: <c>dotnet build -warnaserror</c> with a SARIF error log on Ci
        /// (magic codes: fails) and, at the same time, on CiFixed (the same code fixed: passes).
        /// </summary>
        public Task<(DotnetResult Ci, DotnetResult CiFixed)> WarnAsErrorBuilds => _warnAsErrorBuilds.Value;

        private async Task<(DotnetResult Ci, DotnetResult CiFixed)> RunWarnAsErrorBuildsAsync()
        {
            // A comma separates -p properties, so the one in "path,version=2.1" is escaped as MSBuild reads it (%2C).
            var ci = RunInWorkspaceAsync(BuildArguments(Ci.ProjectFile, "-warnaserror", $"-p:ErrorLog={CiSarifPath}%2Cversion=2.1"));
            var ciFixed = RunInWorkspaceAsync(BuildArguments(CiFixed.ProjectFile, "-warnaserror"));
            return (await ci.ConfigureAwait(false), await ciFixed.ConfigureAwait(false));
        }

        /// <summary>SemVer 2 pre-release: unique per run, so neither a NuGet cache nor an earlier feed can serve a stale copy.</summary>
        public static string NewPackageVersion() =>
            string.Create(CultureInfo.InvariantCulture, $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.g{Guid.NewGuid().ToString("N").Substring(0, 8)}");

        /// <summary>
        /// <c>dotnet pack</c> of the package project into <paramref name="feed"/> with <paramref name="version"/>, building
        /// into an artifacts folder of its own: the developer's bin/ and obj/ stay untouched.
        /// </summary>
        public static string[] PackArguments(string repositoryRoot, string feed, string version, string artifactsPath) =>
            new[]
            {
                "pack", Path.Combine(repositoryRoot, "src", "SmtpCodes.Analyzers.Package", "SmtpCodes.Analyzers.Package.csproj"),
                "-c", "Release", "-o", feed, $"-p:Version={version}", $"-p:ArtifactsPath={artifactsPath}{Path.DirectorySeparatorChar}",
            };

        /// <summary>
        /// Stops MSBuild, NuGet and .editorconfig from looking above <paramref name="root"/>: whatever lies above the
        /// temporary folder must not change the builds below it. The .NET SDK's own code-analysis rules are not under
        /// test; turning them off saves seconds per build on 2 cores.
        /// </summary>
        public static void WriteIsolationFiles(string root)
        {
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project>\n  <PropertyGroup>\n    <EnableNETAnalyzers>false</EnableNETAnalyzers>\n  </PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
        }

        /// <summary>
        /// A NuGet.config in <paramref name="folder"/> that adds the temporary feed; the user's own sources (the
        /// machine's NuGet.config) still serve the rest.
        /// </summary>
        public static void WriteFeedConfig(string folder, string key, string feed) =>
            File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="{key}" value="{feed}" />
                  </packageSources>
                </configuration>
                """);

        /// <summary><c>build &lt;target&gt; --no-restore</c> and the isolation switches, then <paramref name="extra"/>.</summary>
        public static string[] BuildArguments(string target, params string[] extra) =>
            new[] { "build", target, "--no-restore" }.Concat(DotnetCli.BuildSwitches).Concat(extra).ToArray();

        public async Task<DotnetResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment)
        {
            var result = await DotnetCli.RunAsync(workingDirectory, arguments, timeout, environment).ConfigureAwait(false);
            lock (_commands)
            {
                _commands.Add(result);
            }

            return result;
        }

        /// <summary>Runs a command in the consumer workspace with the consumers' environment.</summary>
        public Task<DotnetResult> RunInWorkspaceAsync(params string[] arguments) => RunAsync(Workspace, arguments, CommandTimeout, ConsumerEnvironment);

        /// <summary>The SMTP (and analyzer-loading) diagnostics of one project in the shared build, as sorted keys.</summary>
        public List<string> ActualKeys(ConsumerProject project) => KeysOf(Diagnostics, project);

        public static List<string> KeysOf(IEnumerable<BuildDiagnostic> diagnostics, ConsumerProject project)
        {
            var keys = diagnostics
                .Where(d => d.ProjectName == project.Name && IsOurs(d))
                .Select(d => d.Key)
                .ToList();
            keys.Sort(StringComparer.Ordinal);
            return keys;
        }

        /// <summary>The SMTP rules and the diagnostics that say an analyzer failed to load or run.</summary>
        public static bool IsOurs(BuildDiagnostic diagnostic) =>
            diagnostic.Id.StartsWith("SMTP", StringComparison.Ordinal) || IsAnalyzerFailure(diagnostic);

        /// <summary>AD0001 (an analyzer threw), CS8032/CS8033/CS8034 (an analyzer could not be loaded or created), AD0xxx.</summary>
        public static bool IsAnalyzerFailure(BuildDiagnostic diagnostic) =>
            diagnostic.Id.StartsWith("AD", StringComparison.Ordinal)
            || diagnostic.Id is "CS8032" or "CS8033" or "CS8034" or "CS8784" or "CS8785";

        /// <summary>The folder of a consumer template in the repository.</summary>
        public string TemplatesRoot => Path.Combine(RepositoryRoot, "tests", "SmtpCodes.Analyzers.Tests", "EndToEnd", "Consumers");

        private void WriteWorkspace()
        {
            WriteIsolationFiles(Root);

            WriteFeedConfig(Root, "smtpcodes-e2e", Feed);

            foreach (var project in Projects)
            {
                project.WriteTo(TemplatesRoot, Workspace, PackageId, PackageVersion);
            }

            WriteSolution("Consumers.slnx", Projects);
            WriteSolution("Shared.slnx", SharedBuildProjects);
        }

        private void WriteSolution(string name, IEnumerable<ConsumerProject> projects)
        {
            var solution = new System.Text.StringBuilder("<Solution>\n");
            foreach (var project in projects)
            {
                solution.Append($"  <Project Path=\"{project.Name}/{project.Name}.csproj\" />\n");
            }

            solution.Append("</Solution>\n");
            File.WriteAllText(Path.Combine(Workspace, name), solution.ToString());
        }

        /// <summary>MailKit and SmtpServer at the versions the test project itself references (Directory.Packages.props).</summary>
        private static IReadOnlyList<(string Id, string Version)> MailLibraries(string repositoryRoot)
        {
            var versions = System.Xml.Linq.XDocument.Load(Path.Combine(repositoryRoot, "Directory.Packages.props"))
                .Descendants("PackageVersion")
                .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
            return new[] { ("MailKit", versions["MailKit"]), ("SmtpServer", versions["SmtpServer"]) };
        }

        private static IReadOnlyDictionary<string, DiagnosticDescriptor> ReadImplementedRules()
        {
            var rules = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (var type in typeof(DiagnosticIds).Assembly.GetTypes())
            {
                if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is null)
                {
                    continue;
                }

                var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    rules[descriptor.Id] = descriptor;
                }
            }

            return rules;
        }

        public static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SmtpCodes.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No SmtpCodes.Analyzers.sln above {AppContext.BaseDirectory}: the end-to-end tests pack the repository they run from.");
        }

        public static void DeleteDirectory(string path)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    if (Directory.Exists(path))
                    {
                        Directory.Delete(path, recursive: true);
                    }

                    return;
                }
                catch (IOException)
                {
                    System.Threading.Thread.Sleep(500);
                }
                catch (UnauthorizedAccessException)
                {
                    System.Threading.Thread.Sleep(500);
                }
            }
        }
    }
}
