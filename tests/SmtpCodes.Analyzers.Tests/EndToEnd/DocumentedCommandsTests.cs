using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// Runs every shell command of README.md and docs/**.md the way a newcomer would (see <see cref="DocumentedCommands"/>
    /// for how they are read, where each runs, the placeholder and the exclusions), once, in order: the repository's
    /// commands in a copy of the repository (a git repository of its own, so <c>git checkout</c> works), the others in
    /// fresh <c>dotnet new console</c> projects that reference MailKit 4.18.2, as a real mail program does, each restoring
    /// into an empty NuGet cache of its own (a cached MailKit would hide a restore that cannot reach its source). The
    /// team install's project is then committed, cloned to another path and built there by a "teammate": another empty
    /// cache, another HOME without <c>~/smtpcodes-feed</c>. Everything lives in one temporary folder, deleted at the end
    /// (SMTPCODES_E2E_KEEP=1 keeps it).
    /// </summary>
    public sealed class DocumentedCommandsFixture : IAsyncLifetime
    {
        public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

        /// <summary>The mail library the fresh projects reference before the package is installed.</summary>
        public const string MailKitVersion = "4.18.2";

        public DocumentedCommandsFixture()
        {
            RepositoryRoot = PackageFixture.FindRepositoryRoot();
            Root = Path.Combine(Path.GetTempPath(), "smtpcodes-docs-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Home = Path.Combine(Root, "home");
            Repository = Path.Combine(Root, "repo");
            Project = Path.Combine(Root, "projects", "MyApp");
            TeamRepository = Path.Combine(Root, "team", "TeamApp");
            TeamClone = Path.Combine(Root, "elsewhere", "TeamApp");
            TeammateHome = Path.Combine(Root, "teammate-home");
            Commands = DocumentedCommands.Read(RepositoryRoot);
        }

        public string RepositoryRoot { get; }

        public string Root { get; }

        /// <summary>HOME for every command: <c>~/smtpcodes-feed</c> is under it.</summary>
        public string Home { get; }

        /// <summary>The copy of the repository the repository's commands run in.</summary>
        public string Repository { get; }

        /// <summary>The fresh consumer project the other commands run in.</summary>
        public string Project { get; }

        /// <summary>The fresh consumer project, root of its own git repository, the team install runs in.</summary>
        public string TeamRepository { get; }

        /// <summary>Where the teammate clones <see cref="TeamRepository"/>.</summary>
        public string TeamClone { get; }

        /// <summary>The teammate's HOME: the machine's NuGet.Config, no <c>~/smtpcodes-feed</c>.</summary>
        public string TeammateHome { get; }

        /// <summary>The empty NuGet cache each place restores into (the repository's commands use the user's).</summary>
        public string PackagesOf(CommandLocation location) => Path.Combine(Root, location switch
        {
            CommandLocation.Project => "project-packages",
            CommandLocation.TeamRepository => "team-packages",
            _ => throw new ArgumentOutOfRangeException(nameof(location)),
        });

        public string ClonePackages => Path.Combine(Root, "clone-packages");

        public IReadOnlyList<DocumentedCommand> Commands { get; }

        /// <summary>What became of each command, in order: its result, or why it was not run.</summary>
        public List<(DocumentedCommand Command, DotnetResult? Result, string? NotRun)> Runs { get; } = new();

        /// <summary>The setup the commands need (the copy, the fresh project), each step's result.</summary>
        public List<DotnetResult> Setup { get; } = new();

        /// <summary><c>dotnet build docs/samples/MailSender</c> once more after all the commands: the warnings must show again.</summary>
        public DotnetResult? SampleRebuild { get; private set; }

        public string? SetupFailure { get; private set; }

        /// <summary>The project built once more after the commands, with a magic code added to it.</summary>
        public DotnetResult? ProjectBuildWithMagicCode { get; private set; }

        /// <summary>The team project, with a magic code added and committed, cloned at another path and built there by the teammate.</summary>
        public DotnetResult? TeamCloneBuild { get; private set; }

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Home);
            CopyUserNuGetConfig(Home);
            CopyUserNuGetConfig(TeammateHome);
            CopyRepository();
            if (!await SetupStepAsync(Repository, "git", "init", "-q") || !await SetupStepAsync(Repository, "git", "add", "-A")
                || !await SetupStepAsync(Repository, "git", "-c", "user.name=docs-test", "-c", "user.email=docs-test@localhost", "commit", "-q", "-m", "copy"))
            {
                return;
            }

            if (!await CreateConsumerAsync(Project, CommandLocation.Project) || !await CreateConsumerAsync(TeamRepository, CommandLocation.TeamRepository))
            {
                return;
            }

            // The team's project is already in a git repository of its own when they install the package.
            var team = CommandLocation.TeamRepository;
            if (!await SetupStepAsync(TeamRepository, team, DotnetCli.HostPath, "new", "gitignore")
                || !await SetupStepAsync(TeamRepository, team, "git", "init", "-q")
                || !await SetupStepAsync(TeamRepository, team, "git", "add", "-A")
                || !await SetupStepAsync(TeamRepository, team, "git", "-c", "user.name=docs-test", "-c", "user.email=docs-test@localhost", "commit", "-q", "-m", "the team's project"))
            {
                return;
            }

            foreach (var command in Commands)
            {
                var reason = DocumentedCommands.ExclusionReason(command);
                if (reason is not null)
                {
                    Runs.Add((command, null, "excluded: " + reason));
                    continue;
                }

                if (Runs.Any(run => run.Result is not null && !Passed(run.Command, run.Result)))
                {
                    Runs.Add((command, null, "not run: an earlier command failed"));
                    continue;
                }

                var directory = command.Location switch
                {
                    CommandLocation.Project => Project,
                    CommandLocation.TeamRepository => TeamRepository,
                    _ => Repository,
                };
                var result = await RunAsync(directory, "bash", new[] { "-c", command.Text }, command.Location).ConfigureAwait(false);
                Runs.Add((command, result, null));
            }

            if (Runs.All(run => run.Result is null || Passed(run.Command, run.Result)))
            {
                SampleRebuild = await RunAsync(Repository, "bash", new[] { "-c", "dotnet build docs/samples/MailSender" }, CommandLocation.Repository).ConfigureAwait(false);

                // The installed package at work in the project: a magic code gives SMTP001.
                File.WriteAllText(Path.Combine(Project, "Handler.cs"), MagicCodeSource);
                ProjectBuildWithMagicCode = await RunAsync(Project, DotnetCli.HostPath, new[] { "build", "--no-incremental" }, CommandLocation.Project).ConfigureAwait(false);

                if (Runs.Any(run => run.Result is not null && run.Command.Location == CommandLocation.TeamRepository))
                {
                    TeamCloneBuild = await BuildTeamCloneAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// The team commits (with a magic code in the project); a teammate clones at another path and builds, with an empty
        /// NuGet cache and a HOME that has no ~/smtpcodes-feed: only the folder inside the repository can give the package.
        /// </summary>
        private async Task<DotnetResult?> BuildTeamCloneAsync()
        {
            var team = CommandLocation.TeamRepository;
            File.WriteAllText(Path.Combine(TeamRepository, "Handler.cs"), MagicCodeSource);
            Directory.CreateDirectory(Path.GetDirectoryName(TeamClone)!);
            PackageFixture.WriteIsolationFiles(Path.GetDirectoryName(TeamClone)!);
            // Only the project file and the new source besides what the documented commands staged: a file they forgot
            // to add (nuget.config, the package) is missing from the clone, as it would be from the team's.
            if (!await SetupStepAsync(TeamRepository, team, "git", "add", "Handler.cs", Path.GetFileName(TeamRepository) + ".csproj")
                || !await SetupStepAsync(TeamRepository, team, "git", "-c", "user.name=docs-test", "-c", "user.email=docs-test@localhost", "commit", "-q", "-m", "SmtpCodes.Analyzers")
                || !await SetupStepAsync(Root, team, "git", "clone", "-q", TeamRepository, TeamClone))
            {
                return null;
            }

            var environment = CommandEnvironment(TeammateHome, ClonePackages);
            return await DotnetCli.RunProcessAsync(DotnetCli.HostPath, TeamClone, new[] { "build", "--no-incremental" }, CommandTimeout, environment).ConfigureAwait(false);
        }

        private const string MagicCodeSource = "using System.Net.Mail;\n\nstatic class Handler\n{\n    static bool IsGone(SmtpException ex) => (int)ex.StatusCode == 550;\n}\n";

        /// <summary>A fresh console project that references MailKit (written, not restored: the cache stays empty).</summary>
        private async Task<bool> CreateConsumerAsync(string project, CommandLocation location)
        {
            var parent = Path.GetDirectoryName(project)!;
            Directory.CreateDirectory(parent);
            PackageFixture.WriteIsolationFiles(parent);
            return await SetupStepAsync(parent, location, DotnetCli.HostPath, "new", "console", "-n", Path.GetFileName(project), "-o", project)
                && await SetupStepAsync(project, location, DotnetCli.HostPath, "add", "package", "MailKit", "--version", MailKitVersion, "--no-restore");
        }

        public Task DisposeAsync()
        {
            if (Environment.GetEnvironmentVariable("SMTPCODES_E2E_KEEP") != "1")
            {
                PackageFixture.DeleteDirectory(Root);
            }

            return Task.CompletedTask;
        }

        public static bool Passed(DocumentedCommand command, DotnetResult result) =>
            result.ExitCode == DocumentedCommands.ExpectedExitCode(command)
            && (!DocumentedCommands.ExpectedOutput.TryGetValue(command.Text, out var expected) || result.Output.Contains(expected, StringComparison.Ordinal));

        private Task<bool> SetupStepAsync(string directory, string program, params string[] arguments) =>
            SetupStepAsync(directory, CommandLocation.Repository, program, arguments);

        private async Task<bool> SetupStepAsync(string directory, CommandLocation location, string program, params string[] arguments)
        {
            var result = await RunAsync(directory, program, arguments, location).ConfigureAwait(false);
            Setup.Add(result);
            if (!result.Succeeded)
            {
                SetupFailure = $"{program} {string.Join(" ", arguments)} failed";
            }

            return result.Succeeded;
        }

        /// <summary>
        /// HOME is the temporary one; the repository's commands restore from the user's package folder (nothing of this
        /// repository is cached there under a version the documents install), the projects' each into an empty folder of
        /// their own, so the package the README installs is the one the README packed, and everything else (MailKit)
        /// comes from the sources the documented nuget.config names.
        /// </summary>
        private Task<DotnetResult> RunAsync(string directory, string program, IEnumerable<string> arguments, CommandLocation location) =>
            DotnetCli.RunProcessAsync(program, directory, arguments, CommandTimeout, CommandEnvironment(Home, location == CommandLocation.Repository ? UserPackagesFolder() : PackagesOf(location)));

        private static Dictionary<string, string> CommandEnvironment(string home, string packages) => new()
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = packages,
            ["GIT_PAGER"] = "cat",
            ["PAGER"] = "cat",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };

        private static string UserPackagesFolder() =>
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        /// <summary>The user's package sources are the machine's: a temporary HOME gets a copy of them.</summary>
        private static void CopyUserNuGetConfig(string home)
        {
            var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            foreach (var name in new[] { "NuGet.Config", "nuget.config", "NuGet.config" })
            {
                var source = Path.Combine(userHome, ".nuget", "NuGet", name);
                if (File.Exists(source))
                {
                    Directory.CreateDirectory(Path.Combine(home, ".nuget", "NuGet"));
                    File.Copy(source, Path.Combine(home, ".nuget", "NuGet", "NuGet.Config"), overwrite: true);
                    return;
                }
            }
        }

        /// <summary>The files git tracks, as they are in the working tree (uncommitted edits included): a clone, without bin/ and obj/.</summary>
        private void CopyRepository()
        {
            var listing = Process.Start(new ProcessStartInfo("git", "ls-files -z")
            {
                WorkingDirectory = RepositoryRoot,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var files = listing.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
            listing.WaitForExit();
            if (listing.ExitCode != 0 || files.Length == 0)
            {
                throw new InvalidOperationException($"`git ls-files` in {RepositoryRoot} listed no files: the documented commands run in a copy of a git checkout.");
            }

            foreach (var file in files)
            {
                var source = Path.Combine(RepositoryRoot, file);
                if (!File.Exists(source))
                {
                    continue; // deleted in the working tree
                }

                var target = Path.Combine(Repository, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }
    }

    public sealed class DocumentedCommandsTests : IClassFixture<DocumentedCommandsFixture>
    {
        private static readonly Regex s_link = new(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant);

        private readonly DocumentedCommandsFixture _fixture;
        private readonly ITestOutputHelper _output;

        public DocumentedCommandsTests(DocumentedCommandsFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public void Every_documented_command_works_as_written()
        {
            Assert.True(_fixture.SetupFailure is null, _fixture.SetupFailure + Environment.NewLine + string.Join(Environment.NewLine, _fixture.Setup.Select(r => r.Describe())));
            var failures = new StringBuilder();
            foreach (var (command, result, notRun) in _fixture.Runs)
            {
                if (result is null)
                {
                    _output.WriteLine($"{command}: {notRun}");
                    continue;
                }

                _output.WriteLine($"{command}: exit {result.ExitCode} after {result.Elapsed.TotalSeconds:0.0} s");
                if (!DocumentedCommandsFixture.Passed(command, result))
                {
                    var expectedOutput = DocumentedCommands.ExpectedOutput.TryGetValue(command.Text, out var text) ? $" and output holding '{text}'" : string.Empty;
                    failures.AppendLine($"{command} was expected to exit {DocumentedCommands.ExpectedExitCode(command)}{expectedOutput}.")
                        .AppendLine(result.Describe());
                }
            }

            Assert.True(failures.Length == 0, failures.ToString());
            Assert.Contains(_fixture.Runs, run => run.Result is not null && run.Command.Location == CommandLocation.Project);
            Assert.Contains(_fixture.Runs, run => run.Result is not null && run.Command.Location == CommandLocation.Repository);
        }

        [Fact]
        public void The_sample_shows_its_warnings_on_the_next_build_too()
        {
            Assert.True(_fixture.SampleRebuild is not null, "The documented commands did not all pass, so the sample was not built again.");
            var first = WarningLines(_fixture.Runs.First(run => run.Command.Text == "dotnet build docs/samples/MailSender").Result!.Output);
            var second = WarningLines(_fixture.SampleRebuild!.Output);
            _output.WriteLine($"SMTP warnings: {first.Count} on the first build, {second.Count} on the last");
            Assert.True(first.Count > 0, "The first build of the sample printed no SMTP warning.");
            Assert.Equal(first, second);
        }

        [Fact]
        public void The_project_uses_the_package_the_readme_packed()
        {
            Assert.True(_fixture.ProjectBuildWithMagicCode is not null, "The documented commands did not all pass, so the project was not checked.");
            var assets = File.ReadAllText(Path.Combine(_fixture.Project, "obj", "project.assets.json"));
            Assert.Contains("\"SmtpCodes.Analyzers/", assets, StringComparison.Ordinal);
            Assert.Contains("analyzers/dotnet/cs/SmtpCodes.Analyzers.dll", assets, StringComparison.Ordinal);
            Assert.Contains("analyzers/dotnet/cs/SmtpCodes.Analyzers.CodeFixes.dll", assets, StringComparison.Ordinal);

            // MailKit, referenced before the install, was restored too, into the cache that was empty when the commands began.
            Assert.Contains($"\"MailKit/{DocumentedCommandsFixture.MailKitVersion}\"", assets, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(_fixture.PackagesOf(CommandLocation.Project), "mailkit", DocumentedCommandsFixture.MailKitVersion)), "MailKit is not in the project's NuGet cache.");

            // The SARIF command wrote its log where it said (the folder did not exist before the command made it).
            var sarif = Path.Combine(_fixture.Project, "artifacts", "smtp-codes.sarif");
            Assert.True(File.Exists(sarif), $"No SARIF log at {sarif}.");
            Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif), StringComparison.Ordinal);

            var build = _fixture.ProjectBuildWithMagicCode!;
            Assert.True(build.Succeeded && build.Output.Contains("warning SMTP001", StringComparison.Ordinal), "The project with a magic code did not get SMTP001." + Environment.NewLine + build.Describe());
        }

        [Fact]
        public void The_team_install_builds_from_a_second_clone_on_an_empty_cache()
        {
            Assert.Contains(_fixture.Runs, run => run.Result is not null && run.Command.Location == CommandLocation.TeamRepository);
            Assert.True(_fixture.TeamCloneBuild is not null, "The documented commands did not all pass, or the team's project could not be committed and cloned."
                + Environment.NewLine + string.Join(Environment.NewLine, _fixture.Setup.Where(r => !r.Succeeded).Select(r => r.Describe())));
            var build = _fixture.TeamCloneBuild!;
            _output.WriteLine($"the teammate's build of the clone at {_fixture.TeamClone}: exit {build.ExitCode} after {build.Elapsed.TotalSeconds:0.0} s");
            Assert.True(build.Succeeded && build.Output.Contains("warning SMTP001", StringComparison.Ordinal), "The clone did not build with SMTP001." + Environment.NewLine + build.Describe());

            // The clone names the feed by a relative path, and restored the package and MailKit into the teammate's empty cache.
            var config = File.ReadAllText(Path.Combine(_fixture.TeamClone, "nuget.config"));
            Assert.DoesNotContain(_fixture.Root, config, StringComparison.Ordinal);
            var inRepository = Path.Combine(_fixture.TeamClone, "nuget-feed");
            Assert.True(Directory.Exists(inRepository) && Directory.GetFiles(inRepository, "SmtpCodes.Analyzers.*.nupkg").Length == 1, "The clone has no nuget-feed/SmtpCodes.Analyzers.*.nupkg.");
            Assert.True(Directory.Exists(Path.Combine(_fixture.ClonePackages, "smtpcodes.analyzers")), "The package was not restored into the teammate's cache.");
            Assert.True(Directory.Exists(Path.Combine(_fixture.ClonePackages, "mailkit", DocumentedCommandsFixture.MailKitVersion)), "MailKit was not restored into the teammate's cache.");
            Assert.False(Directory.Exists(Path.Combine(_fixture.TeammateHome, "smtpcodes-feed")), "The teammate has a ~/smtpcodes-feed: the clone could have used it.");
        }

        [Fact]
        public void The_packed_readme_links_to_the_repository_with_absolute_links_that_exist()
        {
            var feed = Path.Combine(_fixture.Home, "smtpcodes-feed");
            var package = Directory.Exists(feed) ? Directory.GetFiles(feed, "SmtpCodes.Analyzers.*.nupkg").SingleOrDefault() : null;
            Assert.True(package is not null, $"The README's pack command left no package in {feed}.");
            using var archive = ZipFile.OpenRead(package!);
            using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
            var packed = reader.ReadToEnd();

            var baseUrl = Documentation.DocumentationTests.RepositoryFileUrl();
            var links = s_link.Matches(packed).Select(match => match.Groups["target"].Value).ToList();
            var relativeInRepository = s_link.Matches(File.ReadAllText(Path.Combine(_fixture.RepositoryRoot, "README.md")))
                .Count(match => !match.Groups["target"].Value.Contains(':', StringComparison.Ordinal) && !match.Groups["target"].Value.StartsWith("#", StringComparison.Ordinal));
            Assert.True(relativeInRepository > 0, "README.md has no relative link; this test has nothing to check.");
            Assert.All(links, link => Assert.True(link.StartsWith("https://", StringComparison.Ordinal) || link.StartsWith("#", StringComparison.Ordinal), $"The packed README links to '{link}', which is not absolute."));
            var intoRepository = links.Where(link => link.StartsWith(baseUrl, StringComparison.Ordinal)).ToList();
            Assert.Equal(relativeInRepository, intoRepository.Count);
            foreach (var link in intoRepository)
            {
                var path = link.Substring(baseUrl.Length).Split('#')[0];
                Assert.True(File.Exists(Path.Combine(_fixture.RepositoryRoot, path)), $"The packed README links to {link}, but {path} is not in the repository.");
            }
        }

        private static List<string> WarningLines(string output) =>
            output.Split('\n')
                .Select(line => line.Trim())
                .Where(line => Regex.IsMatch(line, @"warning SMTP\d{3}:"))
                .Select(line => Regex.Replace(line, @" \[[^\]]*\]$", string.Empty))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
    }
}
