using System;
using System.Linq;
using SmtpCodes.Analyzers.Tests.EndToEnd;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Documentation
{
    /// <summary>
    /// Fast checks of what <see cref="DocumentedCommandsTests"/> will run: the commands are found, the tables of
    /// exclusions and expectations name commands the documents still have, and the project's commands come after the
    /// install that makes their project use the package.
    /// </summary>
    public class DocumentedCommandsTableTests
    {
        private static readonly DocumentedCommand[] s_commands = DocumentedCommands.Read(RepositoryPaths.Root).ToArray();

        [Fact]
        public void The_readme_commands_a_newcomer_runs_are_found()
        {
            var texts = s_commands.Select(command => command.Text).ToArray();
            Assert.Contains("dotnet build docs/samples/MailSender", texts);
            Assert.Contains("dotnet test SmtpCodes.Analyzers.sln", texts);
            Assert.Contains("dotnet pack src/SmtpCodes.Analyzers.Package -c Release -o ~/smtpcodes-feed", texts);
            Assert.Contains(s_commands, command => command.Location == CommandLocation.Project && command.Text.StartsWith("dotnet add package SmtpCodes.Analyzers --version ", StringComparison.Ordinal));
        }

        [Fact]
        public void Both_installs_add_the_package_without_replacing_the_sources()
        {
            foreach (var location in new[] { CommandLocation.Project, CommandLocation.TeamRepository })
            {
                var install = s_commands.Where(command => command.Location == location && command.Text.StartsWith("dotnet add package SmtpCodes.Analyzers", StringComparison.Ordinal)).ToList();
                Assert.True(install.Count == 1, $"Expected one documented install in {location}, found {install.Count}.");
                Assert.DoesNotContain("--source", install[0].Text, StringComparison.Ordinal);
                Assert.DoesNotContain("-s ", install[0].Text, StringComparison.Ordinal);
            }

            // The team's source is a path relative to nuget.config: no ~, no absolute path.
            var teamSource = Assert.Single(s_commands, command => command.Location == CommandLocation.TeamRepository && command.Text.StartsWith("dotnet nuget add source ", StringComparison.Ordinal));
            var path = teamSource.Text.Substring("dotnet nuget add source ".Length).Split(' ')[0];
            Assert.False(path.StartsWith("~", StringComparison.Ordinal) || path.StartsWith("/", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal), $"The team's package source '{path}' is not relative.");
        }

        [Fact]
        public void Every_exclusion_and_expectation_names_a_documented_command()
        {
            foreach (var prefix in DocumentedCommands.Excluded.Keys)
            {
                Assert.True(s_commands.Any(command => command.Text.StartsWith(prefix, StringComparison.Ordinal)), $"No documented command starts with the excluded '{prefix}'.");
            }

            foreach (var text in DocumentedCommands.ExpectedExitCodes.Keys.Concat(DocumentedCommands.ExpectedOutput.Keys))
            {
                Assert.True(s_commands.Any(command => command.Text == text), $"No documented command is '{text}'.");
            }
        }

        [Fact]
        public void The_project_commands_come_after_the_install()
        {
            var projectCommands = s_commands.Where(command => command.Location == CommandLocation.Project).ToList();
            var install = projectCommands.FindIndex(command => command.Text.StartsWith("dotnet add package SmtpCodes.Analyzers", StringComparison.Ordinal));
            Assert.True(install >= 0, "No documented command installs the package in the user's project.");
            Assert.All(projectCommands.Take(install), command => Assert.DoesNotContain("build", command.Text, StringComparison.Ordinal));
            var pack = Array.FindIndex(s_commands, command => command.Text.StartsWith("dotnet pack src/SmtpCodes.Analyzers.Package", StringComparison.Ordinal));
            Assert.True(pack >= 0 && pack < Array.IndexOf(s_commands, projectCommands[install]), "The package must be packed before it is installed.");
        }

        [Fact]
        public void A_block_runs_in_the_project_only_when_its_first_line_says_so()
        {
            var commands = DocumentedCommands.Parse("doc.md", new[]
            {
                "```sh",
                "# In your project's folder.",
                "dotnet build \\",
                "  --no-incremental",
                "```",
                "```sh",
                "dotnet build docs/samples/MailSender",
                "# In your project's folder: too late, not the first line",
                "```",
                "```ini",
                "dotnet_diagnostic.SMTP001.severity = none",
                "```",
                "```sh",
                "# In your repository's folder, where your project file is.",
                "git add nuget.config",
                "```",
            }).ToArray();

            Assert.Equal(3, commands.Length);
            Assert.Equal(("git add nuget.config", CommandLocation.TeamRepository), (commands[2].Text, commands[2].Location));
            Assert.Equal(("dotnet build --no-incremental", CommandLocation.Project, 3), (commands[0].Text, commands[0].Location, commands[0].Line));
            Assert.Equal(("dotnet build docs/samples/MailSender", CommandLocation.Repository, 7), (commands[1].Text, commands[1].Location, commands[1].Line));
        }
    }
}
