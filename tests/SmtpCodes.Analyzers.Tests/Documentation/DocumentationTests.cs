using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SmtpCodes.Analyzers.Tests.Infrastructure;

namespace SmtpCodes.Analyzers.Tests.Documentation
{
    /// <summary>The README's rule table, the rule pages and the help links are kept true to the descriptors.</summary>
    public class DocumentationTests
    {
        private static readonly Regex s_readmeRow = new(@"^\| \[(?<id>SMTP\d{3})\]\((?<link>[^)]+)\) \| (?<title>[^|]+) \| (?<severity>[^|]+) \| (?<fix>[^|]+) \|$", RegexOptions.Multiline);

        public static TheoryData<string> RuleIds
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var descriptor in PackageContents.Descriptors)
                {
                    data.Add(descriptor.Id);
                }

                return data;
            }
        }

        [Fact]
        public void Every_shipped_rule_has_a_descriptor_of_the_contract()
        {
            var ids = PackageContents.Descriptors.Select(descriptor => descriptor.Id).ToArray();
            Assert.Contains("SMTP000", ids);
            Assert.Contains("SMTP001", ids);
            Assert.Contains("SMTP004", ids);
            Assert.All(PackageContents.Descriptors, descriptor => Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Help_link_points_at_the_rule_page(string id)
        {
            var descriptor = PackageContents.Descriptors.Single(d => d.Id == id);
            Assert.Equal($"https://github.com/smtpcodes/SmtpCodes.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(RepositoryPaths.Combine("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_page_starts_with_id_and_title(string id)
        {
            var descriptor = PackageContents.Descriptors.Single(d => d.Id == id);
            var firstLine = File.ReadLines(RepositoryPaths.Combine("docs", "rules", id + ".md")).First();
            Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
        }

        [Fact]
        public void Readme_rule_table_matches_the_descriptors()
        {
            var readme = File.ReadAllText(RepositoryPaths.Combine("README.md")).Replace("\r\n", "\n");
            var rows = s_readmeRow.Matches(readme).Cast<Match>().ToDictionary(m => m.Groups["id"].Value);

            var expected = PackageContents.Descriptors.Select(d => d.Id).ToArray();
            Assert.Equal(expected, rows.Keys.OrderBy(id => id, StringComparer.Ordinal).ToArray());
            foreach (var descriptor in PackageContents.Descriptors)
            {
                var row = rows[descriptor.Id];
                Assert.Equal($"docs/rules/{descriptor.Id}.md", row.Groups["link"].Value);
                Assert.Equal(descriptor.Title.ToString(), row.Groups["title"].Value.Trim());
                Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups["severity"].Value.Trim());
                Assert.Equal(PackageContents.HasCodeFix(descriptor.Id) ? "yes" : "no", row.Groups["fix"].Value.Trim());
            }
        }

        [Fact]
        public void Release_tracking_lists_every_rule_with_its_category_and_severity()
        {
            var lines = File.ReadAllLines(RepositoryPaths.Combine("AnalyzerReleases.Shipped.md"))
                .Concat(File.ReadAllLines(RepositoryPaths.Combine("AnalyzerReleases.Unshipped.md")))
                .Where(line => line.StartsWith("SMTP", StringComparison.Ordinal))
                .Select(line => line.Split('|').Select(part => part.Trim()).ToArray())
                .ToDictionary(parts => parts[0]);
            foreach (var descriptor in PackageContents.Descriptors)
            {
                Assert.True(lines.TryGetValue(descriptor.Id, out var parts), $"{descriptor.Id} is not in AnalyzerReleases.*.md");
                Assert.Equal(descriptor.Category, parts![1]);
                Assert.Equal(descriptor.DefaultSeverity.ToString(), parts[2]);
            }
        }

        [Fact]
        public void Readme_shows_the_two_commands_a_newcomer_runs()
        {
            var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
            Assert.Contains("dotnet build docs/samples/MailSender", readme);
            Assert.Contains("dotnet test SmtpCodes.Analyzers.sln", readme);
            Assert.True(File.Exists(RepositoryPaths.Combine("docs", "samples", "MailSender", "MailSender.csproj")));
        }
    }
}
