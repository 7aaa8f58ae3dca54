using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every <c>smtp_codes.*</c> option (found by reflection over <see cref="SmtpCodesOptions"/>'s <c>*Key</c> constants)
    /// with values no option can read, from a file's .editorconfig and from a global config: SMTP000 naming the key and
    /// the value, everything else exactly as without the option, and no exception.
    /// </summary>
    public class BadConfigurationTests
    {
        private readonly ITestOutputHelper _output;

        public BadConfigurationTests(ITestOutputHelper output) => _output = output;

        /// <summary>Values that are unreadable for every option: neither a boolean nor only names of enums in the compilation.</summary>
        public static readonly IReadOnlyList<string> UnreadableValues = new[]
        {
            "maybe",
            "Not.A.Type",
            "System.String",
            "System.Net.Mail.SmtpStatusCode, nope",
            "<>!!\"'{}",
            "true false",
            "1",
            "éè名前",
            "\t tabs \t",
            new string('x', 5_000),
        };

        public static IReadOnlyList<string> OptionKeys { get; } = typeof(SmtpCodesOptions)
            .GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        [Fact]
        public async Task Every_option_with_an_unreadable_value_gives_SMTP000_and_the_defaults()
        {
            Assert.Contains("smtp_codes.status_enum_types", OptionKeys);
            Assert.Contains("smtp_codes.default_counts_as_handled", OptionKeys);

            var source = SourceSets.All.Single(s => s.Name == "sample").GetCases()[0];
            var compilation = await RobustnessHarness.CreateCompilationAsync(source);
            var baseline = await RobustnessHarness.AnalyzeAsync(compilation, Options(ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty));
            Assert.Empty(baseline.Exceptions);
            Assert.Empty(baseline.OfId("SMTP000"));
            var expected = RobustnessHarness.Describe(baseline.Diagnostics);

            var runs = 0;
            foreach (var key in OptionKeys)
            {
                foreach (var value in UnreadableValues)
                {
                    var options = ImmutableDictionary<string, string>.Empty.Add(key, value);
                    foreach (var (where, analyzerOptions) in new[]
                    {
                        (".editorconfig", Options(ImmutableDictionary<string, string>.Empty, options)),
                        ("global config", Options(options, options)),
                    })
                    {
                        runs++;
                        var run = await RobustnessHarness.AnalyzeAsync(compilation, analyzerOptions);
                        var what = $"{key} = '{(value.Length > 40 ? value.Substring(0, 40) + "..." : value)}' in {where}";
                        Assert.True(run.Exceptions.IsEmpty, what + ": " + string.Join("\n", run.Exceptions));
                        var smtp000 = run.OfId("SMTP000");
                        Assert.True(!smtp000.IsEmpty, what + ": no SMTP000");
                        Assert.All(smtp000, d =>
                        {
                            Assert.Equal(Location.None, d.Location);
                            Assert.Contains(key, d.GetMessage(), StringComparison.Ordinal);
                        });

                        // The value, or for the enum list each name that is no enum, once each: not the whole list again.
                        var named = key == SmtpCodesOptions.StatusEnumTypesKey
                            ? SmtpCodesOptions.SplitTypeNames(value).Where(name => compilation.GetTypeByMetadataName(name)?.TypeKind != TypeKind.Enum).ToList()
                            : new List<string> { value };
                        Assert.Equal(named.Count, smtp000.Length);
                        Assert.All(named, part => Assert.Single(smtp000, d => d.GetMessage().Contains($"'{part}'", StringComparison.Ordinal)));
                        RobustnessHarness.AssertSame(expected, RobustnessHarness.Describe(run.Diagnostics.Where(d => d.Id != "SMTP000")), what);
                    }
                }
            }

            _output.WriteLine($"{OptionKeys.Count} options x {UnreadableValues.Count} unreadable values x 2 placements: {runs} runs, each SMTP000 and the defaults");
        }

        /// <summary>
        /// Every key of the family with one letter dropped, one added and two swapped, and with a near miss of the family's
        /// name, from a file's .editorconfig and from a global config: SMTP000 naming it and the key it was meant to be,
        /// everything else exactly as without it, and no exception.
        /// </summary>
        [Fact]
        public async Task Every_option_with_a_typo_in_its_key_gives_SMTP000_naming_the_key_meant()
        {
            var source = SourceSets.All.Single(s => s.Name == "sample").GetCases()[0];
            var compilation = await RobustnessHarness.CreateCompilationAsync(source);
            var baseline = await RobustnessHarness.AnalyzeAsync(compilation, Options(ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty));
            var expected = RobustnessHarness.Describe(baseline.Diagnostics);

            var runs = 0;
            foreach (var key in OptionKeys)
            {
                var name = key.Substring("smtp_codes.".Length);
                var typos = new[]
                {
                    key.Remove(key.Length - 1),
                    key + "s",
                    key.Substring(0, key.Length - 2) + key[key.Length - 1] + key[key.Length - 2],
                    "smtp_code." + name,
                    "smtpcodes." + name,
                };
                foreach (var typo in typos)
                {
                    var options = ImmutableDictionary<string, string>.Empty.Add(typo, "true");
                    foreach (var (where, analyzerOptions) in new[]
                    {
                        (".editorconfig", Options(ImmutableDictionary<string, string>.Empty, options)),
                        ("global config", Options(options, ImmutableDictionary<string, string>.Empty)),
                    })
                    {
                        runs++;
                        var run = await RobustnessHarness.AnalyzeAsync(compilation, analyzerOptions);
                        var what = $"{typo} in {where}";
                        Assert.True(run.Exceptions.IsEmpty, what + ": " + string.Join("\n", run.Exceptions));
                        var smtp000 = Assert.Single(run.OfId("SMTP000"));
                        Assert.Contains($"'{typo}'", smtp000.GetMessage(), StringComparison.Ordinal);
                        Assert.Contains($"did you mean '{key}'?", smtp000.GetMessage(), StringComparison.Ordinal);
                        RobustnessHarness.AssertSame(expected, RobustnessHarness.Describe(run.Diagnostics.Where(d => d.Id != "SMTP000")), what);
                    }
                }
            }

            _output.WriteLine($"{OptionKeys.Count} options x 5 typos x 2 placements: {runs} runs, each one SMTP000 naming the key meant");
        }

        private static AnalyzerOptions Options(ImmutableDictionary<string, string> global, ImmutableDictionary<string, string> perTree) =>
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryOptionsProvider(global, perTree));
    }
}
