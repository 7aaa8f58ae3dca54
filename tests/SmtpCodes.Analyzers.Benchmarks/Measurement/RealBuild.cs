using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using SmtpCodes.Analyzers.Benchmarks.Corpus;
using SmtpCodes.Analyzers.Benchmarks.Report;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>
    /// What a user's build feels: a corpus written as a real project (net10.0, the mail packages referenced), timed
    /// with <c>dotnet build --no-incremental</c> in several variants (without analyzers of ours, with this package's
    /// analyzers, with a peer or the binding floor instead), in rounds. Each round builds every variant once, the order
    /// turning by one from round to round (with first, then without first, ...), after two discarded builds of each.
    /// Everything else is the SDK's default, the compiler server included (even where the environment turns it off); the server is this measure's own
    /// (<c>SharedCompilationId</c>) and is stopped at the end.
    /// </summary>
    internal static class RealBuild
    {
        /// <summary>
        /// Builds of each variant made and thrown away before the rounds: the first starts the compiler server and loads
        /// the analyzers, the second runs them while the JIT is still moving hot code to its optimised tier. With one, the
        /// first measured round was often the slowest of all, for every variant.
        /// </summary>
        internal const int DiscardedRounds = 2;

        /// <summary>Item 5 (a): the ordinary 200k-line application with MailKit, at most 2% slower with the package.</summary>
        internal const double MailReferencedTarget = 1.02;

        /// <summary>Item 5 (b): dense mail code at most 10% slower with the package.</summary>
        internal const double DenseTarget = 1.10;

        /// <summary>Item 5 (b): ours minus the binding floor, at most 3% of the build without the package.</summary>
        internal const double AboveFloorTargetPercent = 3.0;

        private const string Without = "without";
        private const string With = "with SmtpCodes";
        private const string CodeStyle = "with IDE0010+IDE0072";
        private const string Floor = "binding floor";
        private const string ReportingFloor = "binding floor + our warnings";

        /// <summary>(a): the mail-referenced corpus, with and without the package.</summary>
        internal static bool MailReferenced(int lines, int pairs, int seed, Headline headline, Action<string> log)
        {
            var files = new CorpusGenerator(seed).Generate(CorpusKind.MailReferenced, lines);
            var variants = new[]
            {
                new Variant(With, "SmtpCodes", output => output.Contains("warning SMTP001", StringComparison.Ordinal) ? null : "no SMTP001 from the mail module: the analyzers did not run"),
                new Variant(Without, "None", output => output.Contains("warning SMTP", StringComparison.Ordinal) ? "SMTP diagnostics without the analyzers" : null),
            };
            var title = "Build: ordinary application with MailKit";
            var result = Measure(title, files, withSmtpServer: false, variants, pairs, log);
            if (result is null)
            {
                return false;
            }

            var ratios = result.Ratios(With, Without);
            var section = result.Table(new[] { With, Without }, new[] { (With, Without) });
            var ratio = Spread.Median(ratios);
            headline.Add(title, section, new TargetResult
            {
                Target = $"(a) build of {result.Lines:N0} lines of ordinary code with MailKit: with / without the package <= {MailReferencedTarget:0.00}x",
                Measured = $"{Spread.Describe(ratios, "F3")}x, median (lowest–highest) of {ratios.Count} pairs",
                Verdict = ratio <= MailReferencedTarget ? "holds" : "fails",
            });
            return true;
        }

        /// <summary>(b) and the floor: dense mail code without, with the package, with IDE0010+IDE0072 instead, with the floor instead.</summary>
        internal static bool Dense(int lines, int rounds, int seed, Headline headline, Action<string> log)
        {
            var files = new CorpusGenerator(seed).Generate(CorpusKind.SmtpHeavy, lines);
            var variants = new[]
            {
                new Variant(Without, "None", output => output.Contains("warning SMTP", StringComparison.Ordinal) ? "SMTP diagnostics without the analyzers" : null),
                new Variant(With, "SmtpCodes", output => output.Contains("warning SMTP002", StringComparison.Ordinal) ? null : "no SMTP002: the analyzers did not run"),
                new Variant(CodeStyle, "CodeStyle", output => output.Contains("warning IDE0010", StringComparison.Ordinal) || output.Contains("warning IDE0072", StringComparison.Ordinal) ? null : "no IDE0010 nor IDE0072: the peers did not run"),
                new Variant(Floor, "Floor", output => output.Contains("warning " + Floor01, StringComparison.Ordinal) ? null : "no FLOOR01: the binding floor did not run"),
                new Variant(ReportingFloor, "Floor", output => output.Contains("warning " + Floor02, StringComparison.Ordinal) ? null : "no FLOOR02: the reporting floor did not report"),
            };
            var title = "Build: dense mail code";
            var result = Measure(title, files, withSmtpServer: true, variants, rounds, log, (name, output) =>
            {
                // The reporting floor reports as many warnings as the package did, as long on average.
                if (name == With && OurWarnings(output) is { Count: > 0 } ours)
                {
                    Array.Find(variants, variant => variant.Name == ReportingFloor)!.Properties = new[] { $"-p:{Benchmarks.Floor.BindingFloorAnalyzer.ReportsProperty}={ours.Count}:{ours.MeanLength}" };
                }
            });
            if (result is null)
            {
                return false;
            }

            var withRatios = result.Ratios(With, Without);
            var aboveFloor = new List<double>();
            var aboveReportingFloor = new List<double>();
            var reportingCost = new List<double>();
            for (var round = 0; round < result.Times.Count; round++)
            {
                aboveFloor.Add((result.Seconds(round, With) - result.Seconds(round, Floor)) / result.Seconds(round, Without) * 100);
                aboveReportingFloor.Add((result.Seconds(round, With) - result.Seconds(round, ReportingFloor)) / result.Seconds(round, Without) * 100);
                reportingCost.Add((result.Seconds(round, ReportingFloor) - result.Seconds(round, Floor)) / result.Seconds(round, Without) * 100);
            }

            var section = new StringBuilder(result.Table(
                new[] { Without, With, CodeStyle, Floor, ReportingFloor },
                new[] { (With, Without), (CodeStyle, Without), (Floor, Without), (ReportingFloor, Without) }));
            var ourWarnings = OurWarnings(result.Outputs[With]);
            section.Append(CultureInfo.InvariantCulture, $"SMTP diagnostics: {result.Diagnostics(With, "SMTP")} ({result.Diagnostics(With, "SMTP") * 1000.0 / result.Lines:0} per 1,000 lines, messages of {ourWarnings.MeanLength} characters on average); IDE0010+IDE0072: {result.Diagnostics(CodeStyle, "IDE00")}; {result.FloorLine}; the reporting floor: {result.Diagnostics(ReportingFloor, Floor02)} FLOOR02 warnings\n");
            section.Append(CultureInfo.InvariantCulture, $"Ours minus the binding floor, per round, % of the build without: {Spread.Describe(aboveFloor, "F1")}\n");
            section.Append(CultureInfo.InvariantCulture, $"What reporting that many warnings costs by itself (the reporting floor minus the binding floor), % of the build without: {Spread.Describe(reportingCost, "F1")}\n");
            section.Append(CultureInfo.InvariantCulture, $"Ours minus the reporting floor, per round, % of the build without: {Spread.Describe(aboveReportingFloor, "F1")}\n");
            var withRatio = Spread.Median(withRatios);
            var above = Spread.Median(aboveFloor);
            headline.Add(title, section.ToString(), new TargetResult
            {
                Target = $"(b) build of {result.Lines:N0} lines of dense mail code: with / without the package <= {DenseTarget:0.00}x",
                Measured = $"{Spread.Describe(withRatios, "F3")}x; IDE0010+IDE0072 instead: {Spread.Describe(result.Ratios(CodeStyle, Without), "F3")}x",
                Verdict = withRatio <= DenseTarget ? "holds" : "fails",
            });
            headline.Add(null, null, new TargetResult
            {
                Target = $"(b) the same build: ours minus the binding floor <= {AboveFloorTargetPercent:0}% of the build without the package",
                Measured = $"{Spread.Describe(aboveFloor, "F1")}% (floor alone: {Spread.Describe(result.Ratios(Floor, Without), "F3")}x); of which reporting {ourWarnings.Count} warnings costs {Spread.Describe(reportingCost, "F1")}%, and ours minus the reporting floor is {Spread.Describe(aboveReportingFloor, "F1")}%",
                Verdict = above <= AboveFloorTargetPercent ? "holds" : "fails",
            });
            return true;
        }

        private const string Floor01 = Benchmarks.Floor.BindingFloorAnalyzer.Id;
        private const string Floor02 = Benchmarks.Floor.BindingFloorAnalyzer.ReportId;

        /// <summary>The package's distinct warnings in a build's output (MSBuild prints each twice) and their mean message length.</summary>
        private static (int Count, int MeanLength) OurWarnings(string output)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long length = 0;
            foreach (var line in output.Split('\n'))
            {
                var at = line.IndexOf(": warning SMTP", StringComparison.Ordinal);
                if (at < 0 || !seen.Add(line.Trim()))
                {
                    continue;
                }

                // "path(l,c): warning SMTP002: message [project]": the message alone.
                var message = line.Substring(at + ": warning SMTP000: ".Length);
                var project = message.LastIndexOf(" [", StringComparison.Ordinal);
                length += project >= 0 ? project : message.TrimEnd().Length;
            }

            return (seen.Count, seen.Count == 0 ? 0 : (int)(length / seen.Count));
        }

        private static Result? Measure(string title, IReadOnlyList<CorpusFile> files, bool withSmtpServer, IReadOnlyList<Variant> variants, int rounds, Action<string> log, Action<string, string>? afterDiscarded = null)
        {
            var analyzers = typeof(SmtpCodes.Analyzers.SmtpCodesAnalyzer).Assembly.Location;
            var directory = Path.Combine(Path.GetTempPath(), "smtpcodes-realbuild-" + Guid.NewGuid().ToString("N"));
            var serverId = "smtpcodes-realbuild-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(directory);
            var loadAtStart = LoadAverage.Read();
            try
            {
                var lines = 0;
                foreach (var file in files)
                {
                    var path = Path.Combine(directory, file.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Text);
                    lines += file.LineCount;
                }

                var floor = FloorAssembly.Write(Directory.CreateDirectory(Path.Combine(directory, "floor-analyzer")).FullName);
                var codeStyle = AnalyzerSet.CodeStyleDirectory();
                WriteProject(directory, analyzers, floor, codeStyle, withSmtpServer);
                log("");
                log($"{title}: {lines:N0} lines in {files.Count} files, in {directory}; load average {loadAtStart}");

                var restore = Dotnet(directory, "restore", "-nodeReuse:false");
                if (restore.ExitCode != 0)
                {
                    log("restore failed:\n" + restore.Output);
                    return null;
                }

                var result = new Result(lines, variants);
                log($"Discarded first builds, {DiscardedRounds} of each (compiler server start, the JIT's tiers, disk cache):");
                for (var discarded = 0; discarded < DiscardedRounds; discarded++)
                {
                    foreach (var variant in variants)
                    {
                        var warm = Build(directory, variant, serverId);
                        var problem = warm.ExitCode != 0 ? "build failed:\n" + warm.Output : variant.Check(warm.Output);
                        if (problem is not null)
                        {
                            log($"  {variant.Name}: {problem}");
                            return null;
                        }

                        result.Outputs[variant.Name] = warm.Output;
                        afterDiscarded?.Invoke(variant.Name, warm.Output);
                        log($"  {variant.Name}: {warm.Seconds:F1} s");
                    }
                }

                for (var round = 0; round < rounds; round++)
                {
                    var times = new double[variants.Count];
                    var order = new List<string>();
                    for (var step = 0; step < variants.Count; step++)
                    {
                        var index = (round + step) % variants.Count;
                        var build = Build(directory, variants[index], serverId);
                        if (build.ExitCode != 0)
                        {
                            log("build failed:\n" + build.Output);
                            return null;
                        }

                        times[index] = build.Seconds;
                        order.Add(variants[index].Name);
                    }

                    result.Times.Add(times);
                    result.Orders.Add(order[0] + " first");
                    log($"  round {round + 1} ({order[0]} first): " + string.Join(", ", Array.ConvertAll(times, t => t.ToString("F2", CultureInfo.InvariantCulture))) + " s");
                }

                result.LoadAverages = $"load average {loadAtStart} at the start, {LoadAverage.Read()} at the end";
                result.FloorLine = FloorLine(result.Outputs.TryGetValue(Floor, out var floorOutput) ? floorOutput : null);
                return result;
            }
            finally
            {
                StopServer(serverId, log);
                try
                {
                    if (Environment.GetEnvironmentVariable("SMTPCODES_BENCHMARK_KEEP") == "1")
                    {
                        log("Kept (SMTPCODES_BENCHMARK_KEEP=1): " + directory + "; build it with -p:Variant=None|SmtpCodes|CodeStyle|Floor");
                    }
                    else
                    {
                        Directory.Delete(directory, recursive: true);
                    }
                }
                catch (IOException)
                {
                    log("Could not delete " + directory);
                }
            }
        }

        private static void WriteProject(string directory, string analyzers, string floor, string codeStyle, bool withSmtpServer)
        {
            var smtpServer = withSmtpServer ? $"""<PackageReference Include="SmtpServer" Version="{PackageVersion(typeof(SmtpServer.SmtpServer))}" />""" : "";
            WriteMailProject(directory, "App", $$"""
                  <ItemGroup>
                    <Compile Remove="floor-analyzer/**" />
                    {{smtpServer}}
                  </ItemGroup>
                  <ItemGroup Condition="'$(Variant)' == 'SmtpCodes'">
                    <Analyzer Include="{{analyzers}}" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(Variant)' == 'CodeStyle'">
                    <Analyzer Include="{{Path.Combine(codeStyle, "Microsoft.CodeAnalysis.CodeStyle.dll")}}" />
                    <Analyzer Include="{{Path.Combine(codeStyle, "Microsoft.CodeAnalysis.CSharp.CodeStyle.dll")}}" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(Variant)' == 'Floor'">
                    <Analyzer Include="{{floor}}" />
                    <CompilerVisibleProperty Include="{{Benchmarks.Floor.BindingFloorAnalyzer.ReportsProperty}}" />
                  </ItemGroup>
                """);

            // IDE0010 and IDE0072 enforced, every other style rule off (it applies only where the CodeStyle analyzers load).
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), """
                root = true

                [*.cs]
                dotnet_analyzer_diagnostic.category-Style.severity = none
                dotnet_diagnostic.IDE0010.severity = warning
                dotnet_diagnostic.IDE0072.severity = warning

                """);
        }

        /// <summary>
        /// A net10.0 project <paramref name="name"/>.csproj referencing MailKit (the version this program was built with),
        /// with <paramref name="items"/>; outside any repository, so no Directory.Build.props or central versions apply.
        /// </summary>
        internal static void WriteMailProject(string directory, string name, string items)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="MailKit" Version="{PackageVersion(typeof(MailKit.Net.Smtp.SmtpClient))}" />
                  </ItemGroup>
                {items}
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        }

        private static string FloorLine(string? output)
        {
            var marker = "asked the semantic model in ";
            var at = output?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            if (at < 0)
            {
                return "binding floor: not run";
            }

            var end = output!.IndexOf(' ', at + marker.Length);
            return "the binding floor asked the semantic model in " + output.Substring(at + marker.Length, end - at - marker.Length) + " member bodies";
        }

        private static (int ExitCode, double Seconds, string Output) Build(string directory, Variant variant, string serverId)
        {
            var arguments = new List<string> { "build", "--no-incremental", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=true", "-p:SharedCompilationId=" + serverId, "-p:Variant=" + variant.Property };
            arguments.AddRange(variant.Properties);
            return Dotnet(directory, arguments.ToArray());
        }

        /// <summary>Runs <c>dotnet</c> in <paramref name="directory"/>: its exit code, wall-clock seconds and output (stdout and stderr).</summary>
        internal static (int ExitCode, double Seconds, string Output) Dotnet(string directory, params string[] arguments)
        {
            Directory.CreateDirectory(directory);
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            // The SDK's default is the compiler server (a machine may turn it off, as this one does, through the environment).
            start.Environment.Remove("UseSharedCompilation");
            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            stopwatch.Stop();
            return (process.ExitCode, stopwatch.Elapsed.TotalSeconds, output.ToString());
        }

        /// <summary>Stops the compiler server this measure started (its pipe name is <paramref name="serverId"/>), by process id.</summary>
        private static void StopServer(string serverId, Action<string> log)
        {
            foreach (var process in Process.GetProcesses())
            {
                try
                {
                    var commandLine = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/cmdline");
                    if (commandLine.Contains(serverId, StringComparison.Ordinal) && process.Id != Environment.ProcessId)
                    {
                        process.Kill();
                        log($"Stopped this measure's compiler server (process {process.Id}).");
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
                {
                    // Not ours, gone already, or no /proc (not Linux): the server stops by itself when idle.
                }
                finally
                {
                    process.Dispose();
                }
            }
        }

        /// <summary>The package a type's assembly comes from, as this program was built with it (informational version, without the commit).</summary>
        internal static string PackageVersion(Type type)
        {
            var assembly = type.Assembly;
            foreach (var attribute in assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false))
            {
                return ((System.Reflection.AssemblyInformationalVersionAttribute)attribute).InformationalVersion.Split('+')[0];
            }

            return assembly.GetName().Version!.ToString(3);
        }

        private sealed class Variant
        {
            internal Variant(string name, string property, Func<string, string?> check)
            {
                Name = name;
                Property = property;
                Check = check;
            }

            internal string Name { get; }

            /// <summary>The project's <c>Variant</c> property: which analyzers the build adds.</summary>
            internal string Property { get; }

            /// <summary>Further MSBuild properties (<c>-p:Name=value</c>), set once the discarded builds have shown what they must be.</summary>
            internal string[] Properties { get; set; } = Array.Empty<string>();

            /// <summary>What is wrong with a build's output (the analyzers did not run...), or null.</summary>
            internal Func<string, string?> Check { get; }
        }

        /// <summary>Seconds per round and variant, and the discarded builds' output.</summary>
        private sealed class Result
        {
            private readonly IReadOnlyList<Variant> _variants;

            internal Result(int lines, IReadOnlyList<Variant> variants)
            {
                Lines = lines;
                _variants = variants;
            }

            internal int Lines { get; }

            internal List<double[]> Times { get; } = new();

            internal List<string> Orders { get; } = new();

            internal Dictionary<string, string> Outputs { get; } = new();

            internal string LoadAverages { get; set; } = "";

            internal string FloorLine { get; set; } = "";

            internal double Seconds(int round, string variant) => Times[round][Index(variant)];

            internal List<double> Ratios(string variant, string baseline)
            {
                var ratios = new List<double>();
                for (var round = 0; round < Times.Count; round++)
                {
                    ratios.Add(Seconds(round, variant) / Seconds(round, baseline));
                }

                return ratios;
            }

            /// <summary>Distinct diagnostics in the discarded build's output whose ID starts with <paramref name="prefix"/> (MSBuild prints each twice).</summary>
            internal int Diagnostics(string variant, string prefix)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var line in Outputs[variant].Split('\n'))
                {
                    if (line.Contains("warning " + prefix, StringComparison.Ordinal))
                    {
                        seen.Add(line.Trim());
                    }
                }

                return seen.Count;
            }

            /// <summary>One row per round, then the medians with the spread; a ratio column per pair of variants.</summary>
            internal string Table(IReadOnlyList<string> columns, IReadOnlyList<(string Variant, string Baseline)> ratios)
            {
                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $"`dotnet build --no-incremental`, {Lines:N0} lines, {Times.Count} rounds after {DiscardedRounds} discarded builds of each; {LoadAverages}.\n\n");
                text.Append("| round | order |");
                foreach (var column in columns)
                {
                    text.Append(' ').Append(column).Append(" s |");
                }

                foreach (var (variant, baseline) in ratios)
                {
                    text.Append(' ').Append(variant).Append(" / ").Append(baseline).Append(" |");
                }

                text.Append('\n').Append("|---|---|").Append(new StringBuilder().Insert(0, "---|", columns.Count + ratios.Count)).Append('\n');
                for (var round = 0; round < Times.Count; round++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {round + 1} | {Orders[round]} |");
                    foreach (var column in columns)
                    {
                        text.Append(' ').Append(Spread.Format(Seconds(round, column), "F2")).Append(" |");
                    }

                    foreach (var (variant, baseline) in ratios)
                    {
                        text.Append(' ').Append(Spread.Format(Seconds(round, variant) / Seconds(round, baseline), "F3")).Append(" |");
                    }

                    text.Append('\n');
                }

                text.Append("| median (lowest–highest) | |");
                foreach (var column in columns)
                {
                    var seconds = new List<double>();
                    for (var round = 0; round < Times.Count; round++)
                    {
                        seconds.Add(Seconds(round, column));
                    }

                    text.Append(' ').Append(Spread.Describe(seconds, "F2")).Append(" |");
                }

                foreach (var (variant, baseline) in ratios)
                {
                    text.Append(' ').Append(Spread.Describe(Ratios(variant, baseline), "F3")).Append(" |");
                }

                return text.Append("\n\n").ToString();
            }

            private int Index(string variant)
            {
                for (var i = 0; i < _variants.Count; i++)
                {
                    if (_variants[i].Name == variant)
                    {
                        return i;
                    }
                }

                throw new ArgumentException("No variant " + variant, nameof(variant));
            }
        }
    }
}
