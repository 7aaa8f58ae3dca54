using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using SmtpCodes.Analyzers.Benchmarks.Corpus;

namespace SmtpCodes.Analyzers.Benchmarks.Measurement
{
    /// <summary>
    /// <c>--real-build</c>: what a user's build feels. Writes the mail-referenced corpus as a real project (net10.0,
    /// MailKit referenced, its mail module giving one SMTP001 so that the analyzers are seen to run), then times
    /// <c>dotnet build --no-incremental</c> with this package's analyzers and without, in alternating pairs (with first,
    /// then without first, ...), after one discarded build of each. Everything else is the SDK's default, the compiler
    /// server included; the server is this mode's own (<c>SharedCompilationId</c>) and is stopped at the end.
    /// </summary>
    internal static class RealBuild
    {
        internal const double TargetRatio = 1.02;

        internal static int Run(int lines, int pairs, int seed, Action<string> log)
        {
            var analyzers = typeof(SmtpCodes.Analyzers.Rules.MagicSmtpCodeAnalyzer).Assembly.Location;
            var mailKit = MailKitPackageVersion();
            var directory = Path.Combine(Path.GetTempPath(), "smtpcodes-realbuild-" + Guid.NewGuid().ToString("N"));
            var serverId = "smtpcodes-realbuild-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(directory);
            try
            {
                var files = new CorpusGenerator(seed).Generate(CorpusKind.MailReferenced, lines);
                var total = 0;
                foreach (var file in files)
                {
                    var path = Path.Combine(directory, file.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Text);
                    total += file.LineCount;
                }

                File.WriteAllText(Path.Combine(directory, "App.csproj"), $$"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="MailKit" Version="{{mailKit}}" />
                      </ItemGroup>
                      <ItemGroup Condition="'$(WithSmtpCodes)' == 'true'">
                        <Analyzer Include="{{analyzers}}" />
                      </ItemGroup>
                    </Project>
                    """);

                // Outside any repository: no Directory.Build.props or central package versions of ours apply.
                File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
                File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
                log($"Real build: {total:N0} lines in {files.Count} files, MailKit {mailKit}, in {directory}");
                log($"Analyzers: {analyzers}");

                var restore = Dotnet(directory, "restore", "-nodeReuse:false");
                if (restore.ExitCode != 0)
                {
                    log("restore failed:\n" + restore.Output);
                    return 1;
                }

                log("Discarded first builds (compiler server start, disk cache):");
                foreach (var with in new[] { true, false })
                {
                    var warm = Build(directory, with, serverId);
                    if (warm.ExitCode != 0)
                    {
                        log("build failed:\n" + warm.Output);
                        return 1;
                    }

                    var found = warm.Output.Contains("warning SMTP001", StringComparison.Ordinal);
                    log($"  {(with ? "with" : "without")}: {warm.Seconds:F1} s, SMTP001 in the output: {(found ? "yes" : "no")}");
                    if (found != with)
                    {
                        log(with ? "The analyzers did not run: no SMTP001 from the mail module." : "SMTP001 without the analyzers?");
                        return 1;
                    }
                }

                log("");
                log("| pair | order | with SmtpCodes s | without s | with / without |");
                log("|---|---|---|---|---|");
                var withTimes = new List<double>();
                var withoutTimes = new List<double>();
                var ratios = new List<double>();
                for (var pair = 0; pair < pairs; pair++)
                {
                    var withFirst = pair % 2 == 0;
                    double withSeconds = 0, withoutSeconds = 0;
                    foreach (var with in withFirst ? new[] { true, false } : new[] { false, true })
                    {
                        var result = Build(directory, with, serverId);
                        if (result.ExitCode != 0)
                        {
                            log("build failed:\n" + result.Output);
                            return 1;
                        }

                        if (with)
                        {
                            withSeconds = result.Seconds;
                        }
                        else
                        {
                            withoutSeconds = result.Seconds;
                        }
                    }

                    withTimes.Add(withSeconds);
                    withoutTimes.Add(withoutSeconds);
                    ratios.Add(withSeconds / withoutSeconds);
                    log($"| {pair + 1} | {(withFirst ? "with first" : "without first")} | {withSeconds:F2} | {withoutSeconds:F2} | {withSeconds / withoutSeconds:F3} |");
                }

                var ratio = Median(ratios);
                log($"| median | | {Median(withTimes):F2} | {Median(withoutTimes):F2} | {ratio:F3} |");
                log("");
                log($"Target: a build with the package at most {(TargetRatio - 1) * 100:0}% slower than without (median of the pairs' ratios): {(ratio <= TargetRatio ? "holds" : "fails")} ({(ratio - 1) * 100:+0.0;-0.0}%)");
                return 0;
            }
            finally
            {
                StopServer(serverId, log);
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                    log("Could not delete " + directory);
                }
            }
        }

        private static (int ExitCode, double Seconds, string Output) Build(string directory, bool with, string serverId) =>
            Dotnet(directory, "build", "--no-incremental", "--no-restore", "-nodeReuse:false", "-p:SharedCompilationId=" + serverId, "-p:WithSmtpCodes=" + (with ? "true" : "false"));

        private static (int ExitCode, double Seconds, string Output) Dotnet(string directory, params string[] arguments)
        {
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

        /// <summary>Stops the compiler server this mode started (its pipe name is <paramref name="serverId"/>), by process id.</summary>
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
                        log($"Stopped this run's compiler server (process {process.Id}).");
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

        /// <summary>The MailKit package this program was built with (its informational version, without the commit).</summary>
        private static string MailKitPackageVersion()
        {
            var assembly = typeof(MailKit.Net.Smtp.SmtpClient).Assembly;
            foreach (var attribute in assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false))
            {
                var version = ((System.Reflection.AssemblyInformationalVersionAttribute)attribute).InformationalVersion;
                return version.Split('+')[0];
            }

            return assembly.GetName().Version!.ToString(3);
        }

        private static double Median(List<double> values)
        {
            var sorted = new List<double>(values);
            sorted.Sort();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
