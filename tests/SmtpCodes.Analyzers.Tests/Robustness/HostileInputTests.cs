using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SmtpCodes.Analyzers.Knowledge;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;
using Xunit.Abstractions;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Inputs no one writes on purpose but every large code base has: huge files and switches, deep nesting, huge or
    /// look-alike enums, option values naming the wrong thing, Unicode identifiers, <c>#if</c> regions. Each must end
    /// within its time bound, report what the rules say, and throw nothing; where there are fixes, they must be safe.
    /// </summary>
    public class HostileInputTests
    {
        /// <summary>
        /// A hard bound: the analysis is cancelled (and the test fails) past it. The figures printed are the real times;
        /// the bound is loose because the compiler alone binds a 5000-case switch in 4 to 45 s on this shared machine.
        /// </summary>
        private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(120);

        private readonly ITestOutputHelper _output;

        public HostileInputTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task A_50k_line_file_is_analysed_within_bounds()
        {
            const int methods = 8_400;
            var text = new StringBuilder("using System.Net.Mail;\n\npublic class Huge\n{\n");
            for (var i = 0; i < methods; i++)
            {
                text.Append("    public bool M").Append(i).Append("(SmtpStatusCode s)\n    {\n        var code = (int)s;\n")
                    .Append("        return code == 550 || (int)s is 421 or 4210;\n    }\n\n");
            }

            text.Append("}\n");
            var run = await AnalyzeAsync("50k lines", SourceCase.ForUserCode("hostile:huge", ("Huge.cs", text.ToString())), concurrent: true);
            Assert.True(text.ToString().Split('\n').Length >= 50_000);
            Assert.Equal(2 * methods, run.OfId("SMTP001").Length);
            Assert.Equal(methods, run.OfId("SMTP004").Length);
        }

        [Fact]
        public async Task A_5000_case_switch_is_analysed()
        {
            const int cases = 5_000;
            var text = new StringBuilder("using System.Net.Mail;\n\npublic static class Big\n{\n    public static int Of(SmtpStatusCode s)\n    {\n        switch ((int)s)\n        {\n");
            for (var i = 0; i < cases; i++)
            {
                text.Append("            case ").Append(i).Append(": return ").Append(i % 7).Append(";\n");
            }

            text.Append("            default: return -1;\n        }\n    }\n}\n");
            var source = SourceCase.ForUserCode("hostile:switch", ("Switch.cs", text.ToString()));
            var run = await AnalyzeAsync("5000-case switch", source);

            // The oracle is the enum the test process itself runs on, not the analyzer's catalog.
            var members = Enum.GetValues<System.Net.Mail.SmtpStatusCode>().Select(v => (long)v).Where(v => v >= 0 && v < cases).ToHashSet();
            var unknown = Enumerable.Range(0, cases).Count(v => !members.Contains(v) && !SmtpReplyCodes.IsDefinedByRfc(v));
            Assert.Equal(members.Count, run.OfId("SMTP001").Length);
            Assert.Equal(unknown, run.OfId("SMTP004").Length);
        }

        /// <summary>
        /// One SMTP001 fix rewrites the whole switch. It took 59 s on 1000 cases (the simplifier and formatter run on each
        /// rewritten label); now it is linear. The check recompiles the switch three times, so 1000 cases here, not 5000.
        /// </summary>
        [Fact]
        public async Task A_1000_case_switch_is_fixed_whole()
        {
            const int cases = 1_000;
            var text = new StringBuilder("using System.Net.Mail;\n\npublic static class Big\n{\n    public static int Of(SmtpStatusCode s)\n    {\n        switch ((int)s)\n        {\n");
            for (var i = 0; i < cases; i++)
            {
                text.Append("            case ").Append(200 + i).Append(": return ").Append(i % 7).Append(";\n");
            }

            text.Append("            default: return -1;\n        }\n    }\n}\n");
            var source = SourceCase.ForUserCode("hostile:switch1000", ("Switch.cs", text.ToString()));
            var stopwatch = Stopwatch.StartNew();
            await AssertFixesAreSafeAsync(source, maxFixes: 1);
            _output.WriteLine($"{cases}-case switch: fix and Fix All checked in {stopwatch.Elapsed.TotalSeconds:F1} s");
        }

        [Theory]
        [InlineData(100)]
        [InlineData(400)]
        public async Task Deeply_nested_parentheses_and_casts_are_read(int depth)
        {
            var parenthesized = new string('(', depth) + "550" + new string(')', depth);
            var casts = string.Concat(Enumerable.Repeat("(SmtpStatusCode)(int)", depth)) + "(SmtpStatusCode)421";
            var statusCasts = string.Concat(Enumerable.Repeat("(int)(SmtpStatusCode)", depth)) + "(int)s";
            var source = SourceCase.ForUserCode("hostile:nesting" + depth, ("Nesting.cs", $$"""
                using System.Net.Mail;

                public static class Nesting
                {
                    public static bool Parens(SmtpStatusCode s) => (int)s == {{parenthesized}};
                    public static SmtpStatusCode Casts() => {{casts}};
                    public static bool StatusCasts(SmtpStatusCode s) => {{statusCasts}} == 552;
                }
                """));
            var run = await AnalyzeAsync("nesting " + depth, source);
            Assert.Equal(new[] { "550", "421", "552" }, run.OfId("SMTP001").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
            await AssertFixesAreSafeAsync(source, maxFixes: 3);
        }

        [Fact]
        public async Task An_enum_with_thousands_of_members_and_aliases_from_the_option()
        {
            var enumText = new StringBuilder("namespace Big.Codes\n{\n    public enum Reply : long\n    {\n");
            for (var i = 0; i < 3_000; i++)
            {
                enumText.Append("        M").Append(i).Append(" = ").Append(i).Append(",\n");
            }

            for (var i = 0; i < 100; i++)
            {
                enumText.Append("        Alias550_").Append(i).Append(" = 550,\n");
            }

            enumText.Append("        Max = long.MaxValue,\n        Min = long.MinValue,\n    }\n}\n");
            var source = new SourceCase(
                "hostile:big-enum",
                new[]
                {
                    new SourceDocument("Reply.cs", enumText.ToString(), IsUserCode: false),
                    new SourceDocument("Use.cs", """
                        using Big.Codes;

                        public static class Use
                        {
                            public static bool Gone(Reply r) => (long)r == 550;
                            public static Reply Some() => (Reply)2321;
                            public static bool Far(Reply r) => (long)r == 9_999;
                            public static bool Huge(Reply r) => (long)r == long.MaxValue || (long)r == 9223372036854775807;
                        }
                        """, IsUserCode: true),
                },
                new Dictionary<string, string> { ["smtp_codes.status_enum_types"] = "Big.Codes.Reply" });
            var run = await AnalyzeAsync("3102-member enum", source);
            Assert.Equal(new[] { "550", "2321", "9223372036854775807" }, run.OfId("SMTP001").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
            Assert.Equal(new[] { "9_999" }, run.OfId("SMTP004").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));

            using var bench = await FixWorkbench.CreateAsync(source);
            var (_, benchRun) = await bench.AnalyzeAsync(bench.Original);
            var gone = bench.Fixable(bench.Original, benchRun).First();
            var actions = await bench.ActionsAsync(bench.Original, gone);
            _output.WriteLine($"550 has {actions.Length} names, one fix each");
            Assert.Equal(101, actions.Length);
            await AssertFixesAreSafeAsync(source, maxFixes: 2);
        }

        [Fact]
        public async Task Look_alike_enums_declared_in_source_are_read_not_assumed()
        {
            // Aspose's full name, other values: 551 is MailboxUnavailable here, 550 is no member, 777 is.
            var source = SourceCase.ForUserCode("hostile:look-alike", ("LookAlike.cs", """
                namespace Aspose.Email.Clients.Smtp
                {
                    public enum SmtpStatusCode : short
                    {
                        Ok = 250,
                        MailboxUnavailable = 551,
                        Odd = 777,
                    }
                }

                namespace App
                {
                    using Aspose.Email.Clients.Smtp;

                    public static class Checks
                    {
                        public static bool A(SmtpStatusCode s) => (int)s == 551;
                        public static bool B(SmtpStatusCode s) => (int)s == 550;
                        public static bool C(SmtpStatusCode s) => (int)s == 777;
                        public static bool D(SmtpStatusCode s) => (int)s == 778;
                    }
                }
                """));
            var run = await AnalyzeAsync("look-alike Aspose", source);
            Assert.Equal(
                new[] { "Use 'SmtpStatusCode.MailboxUnavailable' instead of the magic SMTP code 551", "Use 'SmtpStatusCode.Odd' instead of the magic SMTP code 777" },
                run.OfId("SMTP001").Select(d => d.GetMessage()));
            Assert.Equal(new[] { "778" }, run.OfId("SMTP004").Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
            await AssertFixesAreSafeAsync(source, maxFixes: 4);

            // The BCL's own name declared again in source (CS0436): the compiler binds the source type, and so do the values.
            var shadow = SourceCase.ForUserCode("hostile:shadow", ("Shadow.cs", """
                namespace System.Net.Mail
                {
                    public enum SmtpStatusCode { MailboxUnavailable = 599 }
                }

                public static class Checks
                {
                    public static bool A(System.Net.Mail.SmtpStatusCode s) => (int)s == 599 || (int)s == 550;
                }
                """));
            var shadowRun = await AnalyzeAsync("shadowed System.Net.Mail", shadow);
            Assert.All(shadowRun.OfId("SMTP001"), d => Assert.Contains("MailboxUnavailable", d.GetMessage()));
            await AssertFixesAreSafeAsync(shadow, maxFixes: 4);
        }

        [Fact]
        public async Task An_option_naming_something_that_is_not_an_enum()
        {
            var source = new SourceCase(
                "hostile:not-an-enum",
                new[]
                {
                    new SourceDocument("Use.cs", """
                        using System.Net.Mail;

                        namespace Contoso
                        {
                            public class NotAnEnum { public const int X = 550; }
                            public struct AStruct { }
                            public delegate void ADelegate();
                            public interface IThing { }

                            public static class Use
                            {
                                public static bool Gone(SmtpStatusCode s) => (int)s == 550;
                            }
                        }
                        """, IsUserCode: true),
                },
                new Dictionary<string, string>
                {
                    ["smtp_codes.status_enum_types"] = "Contoso.NotAnEnum, Contoso.AStruct, Contoso.ADelegate, Contoso.IThing, Contoso, System.Collections.Generic.List`1, System.Int32, System.Net.Mail.SmtpStatusCode",
                });
            var run = await AnalyzeAsync("option naming non-enums", source);
            var smtp000 = run.OfId("SMTP000");
            Assert.Equal(7, smtp000.Length);
            Assert.All(smtp000, d => Assert.Contains("smtp_codes.status_enum_types", d.GetMessage()));
            Assert.Single(run.OfId("SMTP001"));
        }

        [Fact]
        public async Task Unicode_identifiers_and_keywords_as_names()
        {
            var source = new SourceCase(
                "hostile:unicode",
                new[]
                {
                    new SourceDocument("Códigos.cs", """
                        namespace Correio.Ação
                        {
                            public enum Códigos
                            {
                                Caixa_Indisponível = 550,
                                Ocupado = 450,
                                @class = 421,
                                名前 = 250,
                                \u0045rro = 554,
                            }
                        }
                        """, IsUserCode: false),
                    new SourceDocument("Envio.cs", """
                        using Correio.Ação;

                        public static class Envio
                        {
                            public static bool É(Códigos código)
                            {
                                var número = (int)código;
                                return número == 550 || (int)código == 421 || (Códigos)250 == código || (int)\u0063ódigo is 554 or 450;
                            }
                        }
                        """, IsUserCode: true),
                },
                new Dictionary<string, string> { ["smtp_codes.status_enum_types"] = "Correio.Ação.Códigos" });
            var run = await AnalyzeAsync("unicode", source);
            Assert.Equal(5, run.OfId("SMTP001").Length);
            Assert.Contains(run.OfId("SMTP001"), d => d.GetMessage().Contains("Códigos.class", StringComparison.Ordinal));
            await AssertFixesAreSafeAsync(source, maxFixes: 5);
        }

        [Theory]
        [InlineData("")]
        [InlineData("DEBUG")]
        [InlineData("DEBUG,TRACE")]
        public async Task Conditional_regions_report_only_active_code(string defined)
        {
            var symbols = defined.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var source = new SourceCase(
                "hostile:if-" + string.Join("-", symbols),
                new[]
                {
                    new SourceDocument("Conditional.cs", """
                        using System.Net.Mail;

                        public static class Conditional
                        {
                            public static bool M(SmtpStatusCode s)
                            {
                        #if DEBUG
                                if ((int)s == 550) return true;
                        #else
                                if ((int)s == 553) return true;
                        #endif
                                switch ((int)s)
                                {
                        #if TRACE
                                    case 421:
                                        return false;
                        #endif
                                    case 450:
                        #if !DEBUG
                                    case 451:
                        #endif
                                        return true;
                                }

                                return (int)s is 452
                        #if DEBUG
                                    or 554
                        #endif
                                    ;
                            }
                        }
                        """, IsUserCode: true),
                },
                preprocessorSymbols: symbols);
            var run = await AnalyzeAsync("#if " + string.Join(",", symbols), source);
            var debug = symbols.Contains("DEBUG");
            var expected = new List<string> { debug ? "550" : "553" };
            if (symbols.Contains("TRACE"))
            {
                expected.Add("421");
            }

            expected.Add("450");
            if (!debug)
            {
                expected.Add("451");
            }

            expected.Add("452");
            if (debug)
            {
                expected.Add("554");
            }

            Assert.Equal(expected, run.OfId("SMTP001").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
            await AssertFixesAreSafeAsync(source, maxFixes: 8);
        }

        private async Task<AnalysisRun> AnalyzeAsync(string what, SourceCase source, bool concurrent = false)
        {
            using var timeout = new CancellationTokenSource(s_bound);
            var stopwatch = Stopwatch.StartNew();
            var compilation = await RobustnessHarness.CreateCompilationAsync(source, timeout.Token);
            var run = await RobustnessHarness.AnalyzeAsync(compilation, RobustnessHarness.AnalyzerOptions(source), concurrent, timeout.Token);
            _output.WriteLine($"{what}: {run.Diagnostics.Length} diagnostics in {stopwatch.Elapsed.TotalSeconds:F2} s (compilation and analysis)");
            Assert.Empty(run.Exceptions);
            return run;
        }

        /// <summary>Each of the first <paramref name="maxFixes"/> offered fixes alone, and Fix All per rule, checked as in <see cref="FixSafetyTests"/>.</summary>
        private async Task AssertFixesAreSafeAsync(SourceCase source, int maxFixes)
        {
            using var bench = await FixWorkbench.CreateAsync(source);
            var (_, run) = await bench.AnalyzeAsync(bench.Original);
            var failures = new ConcurrentQueue<string>();
            var keys = new HashSet<(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider Fixer, string Id, string? Key)>();
            var fixable = bench.Fixable(bench.Original, run);
            var applied = 0;
            foreach (var diagnostic in fixable)
            {
                foreach (var (fixer, action) in await bench.ActionsAsync(bench.Original, diagnostic))
                {
                    keys.Add((fixer, diagnostic.Id, action.EquivalenceKey));
                    if (applied < maxFixes)
                    {
                        applied++;
                        await FixSafetyTests.CheckFixAsync(bench, failures, $"fix '{action.Title}' for {diagnostic}", () => FixWorkbench.ApplyAsync(action), default, FixWorkbench.RemovesTextTest(action));
                    }
                }
            }

            foreach (var (fixer, id, key) in keys.Where(k => (k.Key is null || !k.Key.Contains('.')) && k.Fixer.GetFixAllProvider() is not null).Take(maxFixes))
            {
                await FixSafetyTests.CheckFixAsync(bench, failures, $"Fix All {id} '{key}'", async () =>
                    await bench.FixAllAsync(bench.Original, fixer, id, key, fixable) ?? throw new InvalidOperationException("no Fix All"), default, id == DiagnosticIds.StatusReadFromMessage);
            }

            _output.WriteLine($"{source.Name}: {fixable.Length} fixable diagnostics, {applied} fixes and Fix All checked");
            FixSafetyTests.AssertNoFailures(failures);
        }
    }
}
