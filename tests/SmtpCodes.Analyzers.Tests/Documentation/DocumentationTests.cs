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
            var ids = PackageContents.Descriptors.Select(descriptor => descriptor.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "SMTP000", "SMTP001", "SMTP002", "SMTP003", "SMTP004", "SMTP005", "SMTP006", "SMTP007", "SMTP008" }, ids);
            Assert.All(PackageContents.Descriptors, descriptor => Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Help_link_points_at_the_rule_page(string id)
        {
            var descriptor = PackageContents.Descriptors.Single(d => d.Id == id);
            Assert.Equal($"{RepositoryFileUrl()}docs/rules/{id}.md", descriptor.HelpLinkUri);
            Assert.True(File.Exists(RepositoryPaths.Combine("docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        }

        /// <summary>RepositoryFileUrl of Directory.Build.props, the one base of the help links and the packed README's links.</summary>
        internal static string RepositoryFileUrl()
        {
            var properties = System.Xml.Linq.XDocument.Load(RepositoryPaths.Combine("Directory.Build.props")).Descendants().ToArray();
            string Value(string name) => properties.Single(element => element.Name.LocalName == name).Value.Trim();
            var url = Value("RepositoryFileUrl").Replace("$(RepositoryUrl)", Value("RepositoryUrl"));
            Assert.StartsWith("https://", url, StringComparison.Ordinal);
            Assert.EndsWith("/", url, StringComparison.Ordinal);
            return url;
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_page_starts_with_id_and_title(string id)
        {
            var descriptor = PackageContents.Descriptors.Single(d => d.Id == id);
            var firstLine = File.ReadLines(RepositoryPaths.Combine("docs", "rules", id + ".md")).First();
            Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
        }

        /// <summary>
        /// The headings every rule page has, in this order (level and text): "Not flagged" holds the shapes a rule does
        /// not report, "Fix All" whether and how its fix runs in bulk (Fix All, dotnet format).
        /// </summary>
        private static readonly string[] s_ruleSections =
        {
            "## What it flags",
            "### Not flagged",
            "## Why",
            "## Examples",
            "## Code fix",
            "### Fix All",
            "## Options",
            "## Suppression",
            "## See also",
        };

        private static readonly string[] s_ruleHeaderRows = { "ID", "Category", "Severity", "Code fix", "Fix All", "Analyzer" };

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_page_has_the_common_header_table(string id)
        {
            var descriptor = PackageContents.Descriptors.Single(d => d.Id == id);
            var lines = File.ReadAllLines(RepositoryPaths.Combine("docs", "rules", id + ".md"));
            var table = lines.Skip(1).SkipWhile(line => line.Length == 0).TakeWhile(line => line.StartsWith("|", StringComparison.Ordinal)).ToArray();
            Assert.True(table.Length == s_ruleHeaderRows.Length + 2, $"{id}.md: the header table has {table.Length} lines, expected {s_ruleHeaderRows.Length + 2}");
            Assert.Equal("| | |", table[0]);
            Assert.Equal("|---|---|", table[1]);
            var rows = table.Skip(2).Select(line => line.Trim('|').Split(new[] { '|' }, 2).Select(cell => cell.Trim()).ToArray()).ToArray();
            Assert.Equal(s_ruleHeaderRows, rows.Select(row => row[0]).ToArray());
            var values = rows.ToDictionary(row => row[0], row => row[1]);
            Assert.Equal(id, values["ID"]);
            Assert.Equal(descriptor.Category, values["Category"]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), values["Severity"]);
            var hasFix = PackageContents.HasCodeFix(id);
            Assert.Equal(hasFix, !values["Code fix"].StartsWith("No", StringComparison.Ordinal));
            Assert.Equal(PackageContents.HasFixAll(id), !values["Fix All"].StartsWith("No", StringComparison.Ordinal));
            // The analyzers a host loads that support the ID, in name order (`A`, `B`): SmtpCodesAnalyzer for SMTP001-008,
            // OptionsAnalyzer for SMTP000.
            var analyzers = PackageContents.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).Select(a => $"`{a.GetType().Name}`");
            Assert.Equal(string.Join(", ", analyzers.OrderBy(name => name, StringComparer.Ordinal)), values["Analyzer"]);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_page_has_the_common_sections_in_order(string id)
        {
            var headings = File.ReadAllLines(RepositoryPaths.Combine("docs", "rules", id + ".md"))
                .Aggregate((Fenced: false, Headings: new List<string>()), (state, line) =>
                {
                    if (line.StartsWith("```", StringComparison.Ordinal))
                    {
                        return (!state.Fenced, state.Headings);
                    }

                    if (!state.Fenced && (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal)))
                    {
                        state.Headings.Add(line.TrimEnd());
                    }

                    return state;
                }).Headings;

            // The sections (##) are exactly these, in this order; the required sub-sections (###) sit in their section,
            // and a page may add sub-sections of its own.
            Assert.Equal(s_ruleSections.Where(IsSection).ToArray(), headings.Where(IsSection).ToArray());
            foreach (var required in s_ruleSections.Where(heading => !IsSection(heading)))
            {
                var expectedParent = s_ruleSections.Take(Array.IndexOf(s_ruleSections, required)).Last(IsSection);
                var index = headings.IndexOf(required);
                Assert.True(index >= 0, $"docs/rules/{id}.md has no '{required}' (under '{expectedParent}').");
                Assert.Equal(expectedParent, headings.Take(index).Last(IsSection));
            }
        }

        private static bool IsSection(string heading) => heading.StartsWith("## ", StringComparison.Ordinal);

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Rule_page_shows_messages_of_the_descriptor_format(string id)
        {
            // Each "SMTP00N: ..." line of a code block is a message the rule can print: the descriptor's format with
            // its arguments filled in (an argument may be empty, as SMTP004's suggestion is when there is none).
            var descriptor = PackageContents.Descriptors.Single(d => d.Id == id);
            var format = descriptor.MessageFormat.ToString();
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(format), @"\\\{\d+}", "(.*)") + "$");
            var examples = File.ReadAllLines(RepositoryPaths.Combine("docs", "rules", id + ".md"))
                .Where(line => line.StartsWith(id + ": ", StringComparison.Ordinal))
                .Select(line => line.Substring(id.Length + 2))
                .ToArray();
            Assert.True(examples.Length > 0, $"docs/rules/{id}.md shows no message ('{id}: ...' in a code block)");
            Assert.All(examples, example => Assert.True(pattern.IsMatch(example), $"docs/rules/{id}.md shows '{example}', which the format '{format}' cannot print"));
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
