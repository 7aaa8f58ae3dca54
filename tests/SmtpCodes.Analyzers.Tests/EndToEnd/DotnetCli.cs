using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>What one <c>dotnet</c> process did: its command line, exit code, output and time.</summary>
    public sealed class DotnetResult
    {
        public DotnetResult(string commandLine, string workingDirectory, int exitCode, string output, TimeSpan elapsed)
        {
            CommandLine = commandLine;
            WorkingDirectory = workingDirectory;
            ExitCode = exitCode;
            Output = output;
            Elapsed = elapsed;
        }

        public string CommandLine { get; }

        public string WorkingDirectory { get; }

        public int ExitCode { get; }

        /// <summary>Standard output and standard error, interleaved as they arrived.</summary>
        public string Output { get; }

        public TimeSpan Elapsed { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>The whole story, for a failure message.</summary>
        public string Describe() =>
            $"`{CommandLine}` in {WorkingDirectory} exited {ExitCode} after {Elapsed.TotalSeconds:0.0} s; its output:{Environment.NewLine}{Output}";

        public override string ToString() => Describe();
    }

    /// <summary>
    /// Runs the <c>dotnet</c> CLI the way CI does, isolated from the test process: no MSBuild node reuse, no compiler
    /// or MSBuild server left behind, no telemetry, no terminal logger, a working directory of its own, a timeout that kills
    /// the whole process tree, and the output captured for the failure message.
    /// </summary>
    public static class DotnetCli
    {
        /// <summary>The arguments every build-like command gets.</summary>
        public static readonly string[] BuildSwitches = { "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-clp:NoSummary" };

        /// <summary>The dotnet host: the one that runs this test process when it is dotnet, else the one on PATH.</summary>
        public static string HostPath { get; } = FindHost();

        public static Task<DotnetResult> RunAsync(
            string workingDirectory,
            IEnumerable<string> arguments,
            TimeSpan timeout,
            IReadOnlyDictionary<string, string>? environment = null) =>
            RunProcessAsync(HostPath, workingDirectory, arguments, timeout, environment);

        /// <summary>Runs another program (a shell, a tool) with the same isolation, timeout and capture as <see cref="RunAsync"/>.</summary>
        public static async Task<DotnetResult> RunProcessAsync(
            string fileName,
            string workingDirectory,
            IEnumerable<string> arguments,
            TimeSpan timeout,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var startInfo = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            Isolate(startInfo.Environment);
            if (environment is not null)
            {
                foreach (var pair in environment)
                {
                    startInfo.Environment[pair.Key] = pair.Value;
                }
            }

            var commandLine = (fileName == HostPath ? "dotnet" : fileName) + " " + string.Join(" ", startInfo.ArgumentList);
            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended on its own between the timeout and the kill.
                }

                string partial;
                lock (output)
                {
                    partial = output.ToString();
                }

                throw new TimeoutException(
                    $"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalSeconds:0} s and was killed; its output so far:{Environment.NewLine}{partial}");
            }

            string text;
            lock (output)
            {
                text = output.ToString();
            }

            return new DotnetResult(commandLine, workingDirectory, process.ExitCode, text, stopwatch.Elapsed);
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        /// <summary>
        /// Leaves nothing running and reads nothing from the test run's own MSBuild: <c>dotnet test</c> runs this process
        /// under MSBuild, whose variables (MSBuildExtensionsPath, MSBUILD_EXE_PATH, …) would otherwise leak into the builds.
        /// </summary>
        private static void Isolate(IDictionary<string, string?> environment)
        {
            var inherited = new List<string>(environment.Keys);
            foreach (var key in inherited)
            {
                if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    environment.Remove(key);
                }
            }

            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            environment["UseSharedCompilation"] = "false";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
            environment["MSBUILDTERMINALLOGGER"] = "off";
            environment["NUGET_XMLDOC_MODE"] = "skip";
        }

        private static string FindHost()
        {
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
            {
                return fromSdk;
            }

            var current = Environment.ProcessPath;
            if (current is not null
                && string.Equals(Path.GetFileNameWithoutExtension(current), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return current;
            }

            return OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        }
    }
}
