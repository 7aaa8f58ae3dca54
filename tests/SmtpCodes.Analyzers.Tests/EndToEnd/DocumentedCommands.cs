using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>Where a documented command runs.</summary>
    public enum CommandLocation
    {
        /// <summary>A clone of this repository (the default of a code block).</summary>
        Repository,

        /// <summary>The user's own project folder: a block whose first line is <c># In your project's folder</c>.</summary>
        Project,

        /// <summary>
        /// The root of the user's own git repository, which holds their project: a block whose first line is
        /// <c># In your repository's folder</c> (the team install, which a second clone must be able to build).
        /// </summary>
        TeamRepository,
    }

    /// <summary>One shell command of a <c>```sh</c> block in <c>README.md</c> or <c>docs/**.md</c>.</summary>
    public sealed class DocumentedCommand
    {
        public DocumentedCommand(string file, int line, CommandLocation location, string text)
        {
            File = file;
            Line = line;
            Location = location;
            Text = text;
        }

        /// <summary>The document, relative to the repository, with '/' separators.</summary>
        public string File { get; }

        public int Line { get; }

        public CommandLocation Location { get; }

        public string Text { get; }

        public override string ToString() => $"{File}:{Line} ({Location}): {Text}";
    }

    /// <summary>
    /// The shell commands the documentation tells a reader to run, and what the end-to-end test makes of each.
    /// <para>
    /// How the test reads them: every <c>```sh</c> (or <c>bash</c>, <c>shell</c>) block of <c>README.md</c> and of
    /// the Markdown files under <c>docs/</c>, in that order; each line that is not empty and not a <c># comment</c> is
    /// one command. A block runs in a copy of the repository, unless its first line is
    /// <c># In your project's folder</c>: then it runs in a fresh <c>dotnet new console</c> project that references
    /// MailKit 4.18.2 (written, not restored), on an empty NuGet cache; or <c># In your repository's folder</c>: then it
    /// runs in another such project, the root of a git repository of its own, which the test then commits, clones to
    /// another path and builds there, with another empty cache and without <c>~/smtpcodes-feed</c>.
    /// </para>
    /// <para>
    /// Placeholders: the documents write the local package folder as <c>~/smtpcodes-feed</c>; the test runs every
    /// command with <c>HOME</c> set to a temporary folder (holding a copy of the user's NuGet.Config), so <c>~</c> is
    /// that folder and nothing is written to the real home. No other text is substituted.
    /// </para>
    /// </summary>
    public static class DocumentedCommands
    {
        public const string ProjectMarker = "# In your project's folder";

        public const string TeamRepositoryMarker = "# In your repository's folder";

        /// <summary>Commands the test does not run, each with the reason: matched by the start of the command.</summary>
        public static IReadOnlyDictionary<string, string> Excluded { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dotnet test SmtpCodes.Analyzers.sln"] =
                "runs every test, this one included (it would run itself); .ci/run runs exactly this command",
            ["dotnet run -c Release --project tests/SmtpCodes.Analyzers.Benchmarks"] =
                "the benchmark takes about 20 minutes on 2 cores; BenchmarkSmokeTests run it on a small corpus",
        };

        /// <summary>Commands whose documented exit code is not 0, with the reason the documents give.</summary>
        public static IReadOnlyDictionary<string, (int ExitCode, string Reason)> ExpectedExitCodes { get; } = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
        {
            ["dotnet format analyzers docs/samples/MailSender --diagnostics SMTP001 --severity info --verify-no-changes"] =
                (2, "the README says it exits with 2: the sample has places the SMTP001 fix would change"),
        };

        /// <summary>Text a command's output must hold, where the documents promise it.</summary>
        public static IReadOnlyDictionary<string, string> ExpectedOutput { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dotnet build docs/samples/MailSender"] = "warning SMTP001",
            ["dotnet format analyzers docs/samples/MailSender --diagnostics SMTP001 --severity info --verify-no-changes"] = "SMTP001",
        };

        /// <summary>README.md, then every Markdown file under docs/ in ordinal order of its path.</summary>
        public static IReadOnlyList<string> Documents(string repositoryRoot) =>
            new[] { "README.md" }
                .Concat(Directory.GetFiles(Path.Combine(repositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
                    .Select(path => Path.GetRelativePath(repositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
                    .OrderBy(path => path, StringComparer.Ordinal))
                .ToArray();

        public static IReadOnlyList<DocumentedCommand> Read(string repositoryRoot) =>
            Documents(repositoryRoot).SelectMany(document => Parse(document, File.ReadAllLines(Path.Combine(repositoryRoot, document)))).ToArray();

        public static IEnumerable<DocumentedCommand> Parse(string document, IReadOnlyList<string> lines)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var fence = lines[i].Trim();
                if (!fence.StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                var language = fence.Substring(3).Trim();
                var isShell = language is "sh" or "bash" or "shell";
                var location = CommandLocation.Repository;
                var first = true;
                var pending = string.Empty;
                var pendingLine = 0;
                for (i++; i < lines.Count && !lines[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    var line = lines[i].Trim();
                    if (!isShell)
                    {
                        continue;
                    }

                    if (first && line.StartsWith(ProjectMarker, StringComparison.Ordinal))
                    {
                        location = CommandLocation.Project;
                    }
                    else if (first && line.StartsWith(TeamRepositoryMarker, StringComparison.Ordinal))
                    {
                        location = CommandLocation.TeamRepository;
                    }

                    first = false;
                    if (pending.Length == 0 && (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    if (pending.Length == 0)
                    {
                        pendingLine = i + 1;
                    }

                    if (line.EndsWith("\\", StringComparison.Ordinal))
                    {
                        pending += line.Substring(0, line.Length - 1).TrimEnd() + " ";
                        continue;
                    }

                    yield return new DocumentedCommand(document, pendingLine, location, pending + line);
                    pending = string.Empty;
                }
            }
        }

        public static string? ExclusionReason(DocumentedCommand command) =>
            Excluded.FirstOrDefault(pair => command.Text.StartsWith(pair.Key, StringComparison.Ordinal)).Value;

        public static int ExpectedExitCode(DocumentedCommand command) =>
            ExpectedExitCodes.TryGetValue(command.Text, out var expected) ? expected.ExitCode : 0;
    }
}
