using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// The editor's side: the packed package in a consumer project opened by <c>csharp-ls</c> 0.28.0, an LSP server
    /// that loads the analyzers of NuGet packages (it offers no third-party code fixes). The fixture packs the package
    /// with a version of its own, installs the server with <c>dotnet tool install</c> into its temporary folder (CI
    /// machines start without it) and restores the consumer, as an editor expects to find it.
    /// </summary>
    public sealed class EditorFixture : IAsyncLifetime
    {
        public const string ServerPackage = LspClient.CsharpLsPackage;
        public const string ServerVersion = LspClient.CsharpLsVersion;

        public const string HandlerSource = """
            using System.Net.Mail;

            public static class Handler
            {
                public static bool IsGone(SmtpException ex) => (int)ex.StatusCode == 550;

                public static bool IsRejected(SmtpException ex)
                {
                    if ((int)ex.StatusCode == )
                    {
                        return true;
                    }

                    return false;
                }
            }

            """;

        public EditorFixture()
        {
            RepositoryRoot = PackageFixture.FindRepositoryRoot();
            Root = Path.Combine(Path.GetTempPath(), "smtpcodes-editor-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Feed = Path.Combine(Root, "feed");
            Tools = Path.Combine(Root, "tools");
            Project = Path.Combine(Root, "consumers", "App");
            PackageVersion = PackageFixture.NewPackageVersion();
            Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };
        }

        public string RepositoryRoot { get; }

        public string Root { get; }

        public string Feed { get; }

        public string Tools { get; }

        public string Project { get; }

        public string PackageVersion { get; }

        /// <summary>The consumer restores into a private package folder; the server sees the same.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; }

        public string HandlerPath => Path.Combine(Project, "Handler.cs");

        public string ServerPath => Path.Combine(Tools, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");

        public async Task InitializeAsync()
        {
            try
            {
                Directory.CreateDirectory(Feed);
                Directory.CreateDirectory(Project);
                var pack = DotnetCli.RunAsync(RepositoryRoot, PackageFixture.PackArguments(RepositoryRoot, Feed, PackageVersion, Path.Combine(Root, "artifacts")), PackageFixture.PackTimeout);
                var install = DotnetCli.RunAsync(Root, new[] { "tool", "install", ServerPackage, "--version", ServerVersion, "--tool-path", Tools }, PackageFixture.CommandTimeout);
                Require(await install.ConfigureAwait(false), "dotnet tool install " + ServerPackage);
                Require(await pack.ConfigureAwait(false), "dotnet pack");

                var consumers = Path.GetDirectoryName(Project)!;
                PackageFixture.WriteIsolationFiles(consumers);
                PackageFixture.WriteFeedConfig(consumers, "smtpcodes-editor", Feed);
                File.WriteAllText(Path.Combine(Project, "App.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <ImplicitUsings>disable</ImplicitUsings>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="{PackageFixture.PackageId}" Version="{PackageVersion}" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(HandlerPath, HandlerSource);
                Require(await DotnetCli.RunAsync(Project, new[] { "restore", "-nodeReuse:false", "-tl:off" }, PackageFixture.CommandTimeout, Environment).ConfigureAwait(false), "dotnet restore");
            }
            catch
            {
                await DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public Task DisposeAsync()
        {
            if (System.Environment.GetEnvironmentVariable("SMTPCODES_E2E_KEEP") != "1")
            {
                PackageFixture.DeleteDirectory(Root);
            }

            return Task.CompletedTask;
        }

        private static void Require(DotnetResult result, string what)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{what} failed.{System.Environment.NewLine}{result.Describe()}");
            }
        }
    }

    public sealed class EditorEndToEndTests : IClassFixture<EditorFixture>
    {
        private static readonly TimeSpan s_requestTimeout = TimeSpan.FromMinutes(2);

        /// <summary>How long the server may take to load the project and show the first diagnostics (2 busy cores).</summary>
        private static readonly TimeSpan s_loadTimeout = TimeSpan.FromMinutes(5);

        private static readonly TimeSpan s_typingTimeout = TimeSpan.FromMinutes(2);

        private readonly EditorFixture _fixture;
        private readonly ITestOutputHelper _output;

        public EditorEndToEndTests(EditorFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public async Task Csharp_ls_shows_the_diagnostics_with_help_links_and_while_a_code_is_typed()
        {
            var uri = new Uri(_fixture.HandlerPath).AbsoluteUri;
            var lines = EditorFixture.HandlerSource.Split('\n');
            var isGoneLine = Array.FindIndex(lines, line => line.Contains("IsGone", StringComparison.Ordinal));
            var typingLine = Array.FindIndex(lines, line => line.Contains("== )", StringComparison.Ordinal));
            var typingColumn = lines[typingLine].IndexOf("== )", StringComparison.Ordinal) + 3;

            var configurationRequests = 0;
            await using var server = LspClient.Start(_fixture.ServerPath, _fixture.Project, _fixture.Environment, LspClient.AnalyzersEnabled(() => configurationRequests++));

            var stopwatch = Stopwatch.StartNew();
            try
            {
                await server.InitializeAsync(_fixture.Project, s_requestTimeout);
                await server.OpenAsync(uri, EditorFixture.HandlerSource);

                // The opened file: SMTP001 on IsGone's 550, with the rule's page as codeDescription.href.
                var opened = await PullUntilAsync(server, uri, items => items.Any(item => Code(item) == "SMTP001" && Line(item) == isGoneLine), s_loadTimeout);
                _output.WriteLine($"first SMTP diagnostics after {stopwatch.Elapsed.TotalSeconds:0.0} s: {Describe(opened)}");
                var smtp = opened.Where(item => Code(item)?.StartsWith("SMTP", StringComparison.Ordinal) == true).ToList();
                Assert.NotEmpty(smtp);
                foreach (var item in smtp)
                {
                    var href = item["codeDescription"]?["href"]?.GetValue<string>();
                    Assert.Equal($"{Documentation.DocumentationTests.RepositoryFileUrl()}docs/rules/{Code(item)}.md", href);
                }

                Assert.True(configurationRequests > 0, "The server never asked for its configuration, so csharp.analyzersEnabled was never set by this test.");

                // Type 550 key by key where the comparison has no number yet, pulling the diagnostics after each key as an
                // editor does; the last key must bring SMTP001 to that line.
                var version = 1;
                var typed = string.Empty;
                List<JsonNode> afterKey = new();
                foreach (var key in "550")
                {
                    version++;
                    await server.ChangeAsync(uri, version, typingLine, typingColumn + typed.Length, typingLine, typingColumn + typed.Length, key.ToString());
                    typed += key;
                    afterKey = await server.PullDiagnosticsAsync(uri, s_requestTimeout);
                    _output.WriteLine($"after typing '{typed}': {Describe(afterKey)}");
                }

                var typedLine = await PullUntilAsync(server, uri, items => items.Any(item => Code(item) == "SMTP001" && Line(item) == typingLine), s_typingTimeout);
                var reported = typedLine.Single(item => Code(item) == "SMTP001" && Line(item) == typingLine);
                Assert.Equal(typingColumn, reported["range"]!["start"]!["character"]!.GetValue<int>());
                Assert.Contains("550", reported["message"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Contains(typedLine, item => Code(item) == "SMTP001" && Line(item) == isGoneLine);

                Assert.False(server.HasExited, "The server exited." + System.Environment.NewLine + server.Describe());
                Assert.True(server.ServerErrors.Count == 0, "The server reported errors:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, server.ServerErrors) + System.Environment.NewLine + server.Describe());
                _output.WriteLine($"done after {stopwatch.Elapsed.TotalSeconds:0.0} s");
            }
            catch (Exception) when (Dump(server))
            {
                throw;
            }
        }

        private bool Dump(LspClient server)
        {
            _output.WriteLine(server.Describe());
            return false;
        }

        /// <summary>Pulls the file's diagnostics every second until <paramref name="done"/> holds; fails after <paramref name="timeout"/>.</summary>
        private static async Task<List<JsonNode>> PullUntilAsync(LspClient server, string uri, Func<List<JsonNode>, bool> done, TimeSpan timeout)
        {
            var stopwatch = Stopwatch.StartNew();
            var items = new List<JsonNode>();
            while (stopwatch.Elapsed < timeout)
            {
                items = await server.PullDiagnosticsAsync(uri, s_requestTimeout);
                if (done(items))
                {
                    return items;
                }

                Assert.False(server.HasExited, "The server exited." + System.Environment.NewLine + server.Describe());
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            throw new TimeoutException($"The expected diagnostics did not arrive within {timeout.TotalSeconds:0} s; the last pull: {Describe(items)}{System.Environment.NewLine}{server.Describe()}");
        }

        private static string? Code(JsonNode item) => LspClient.Code(item);

        private static int Line(JsonNode item) => LspClient.Line(item);

        private static string Describe(IEnumerable<JsonNode> items) =>
            "[" + string.Join("; ", items.Select(item => $"{Code(item)} at {Line(item) + 1}:{item["range"]!["start"]!["character"]!.GetValue<int>() + 1} {item["message"]}")) + "]";
    }
}
