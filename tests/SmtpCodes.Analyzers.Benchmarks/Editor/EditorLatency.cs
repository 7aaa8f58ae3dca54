using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using SmtpCodes.Analyzers.Benchmarks.Measurement;
using SmtpCodes.Analyzers.Benchmarks.Report;
using SmtpCodes.Analyzers.Tests.EndToEnd;

namespace SmtpCodes.Analyzers.Benchmarks.Editor
{
    /// <summary>
    /// Item 5 (c): a keystroke in an editor. csharp-ls (the editor test's server and client) opens a realistic mail
    /// sender (<see cref="MailSenderSource"/>) in two projects that differ only by this package's analyzers. A statement
    /// is typed key by key into each, the two servers taking turns key by key (which goes first alternating); after each
    /// key the document's diagnostics are pulled, as an editor does. The time from the edit to the answer is the
    /// latency. One round is discarded; the statement is removed (one edit, not timed) after each round.
    /// </summary>
    internal static class EditorLatency
    {
        internal const string ServerPackage = LspClient.CsharpLsPackage;
        internal const string ServerVersion = LspClient.CsharpLsVersion;

        /// <summary>Item 5 (c): the package adds at most 5 ms to the median.</summary>
        internal const double TargetMs = 5.0;

        /// <summary>What is typed, key by key, on the empty line marked in <see cref="MailSenderSource"/>.</summary>
        internal const string Typed = "if ((int)ex.StatusCode == 550) break;";

        internal const string TypingMarker = "// typing here";

        private static readonly TimeSpan s_request = TimeSpan.FromMinutes(2);
        private static readonly TimeSpan s_load = TimeSpan.FromMinutes(6);

        /// <summary>A MailKit sender as an application holds it: retries, reply classes, a bare code, a switch.</summary>
        internal const string MailSenderSource = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            namespace Shop.Notifications;

            public sealed class MailSender
            {
                private readonly string _host;
                private readonly int _port;
                private readonly List<string> _log = new();

                public MailSender(string host, int port)
                {
                    _host = host;
                    _port = port;
                }

                public IReadOnlyList<string> Log => _log;

                public async Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken)
                {
                    var unused = 0;
                    for (var attempt = 1; attempt <= 3; attempt++)
                    {
                        try
                        {
                            using var client = new SmtpClient();
                            await client.ConnectAsync(_host, _port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
                            await client.SendAsync(message, cancellationToken);
                            await client.DisconnectAsync(true, cancellationToken);
                            return true;
                        }
                        catch (SmtpCommandException ex)
                        {
                            _log.Add($"attempt {attempt}: {ex.StatusCode} {ex.Message}");
                            // typing here
                            if ((int)ex.StatusCode == 552)
                            {
                                return false;
                            }

                            if (!IsTransient(ex.StatusCode))
                            {
                                return false;
                            }

                            await Task.Delay(Backoff(attempt), cancellationToken);
                        }
                        catch (SmtpProtocolException ex)
                        {
                            _log.Add($"attempt {attempt}: protocol error {ex.Message}");
                            await Task.Delay(Backoff(attempt), cancellationToken);
                        }
                    }

                    return false;
                }

                public static bool IsTransient(SmtpStatusCode status) => status switch
                {
                    SmtpStatusCode.ServiceNotAvailable => true,
                    SmtpStatusCode.MailboxBusy => true,
                    SmtpStatusCode.ErrorInProcessing => true,
                    SmtpStatusCode.InsufficientStorage => true,
                    _ => false,
                };

                public static string Describe(SmtpStatusCode status)
                {
                    switch (status)
                    {
                        case SmtpStatusCode.Ok:
                            return "sent";
                        case SmtpStatusCode.MailboxUnavailable:
                            return "no such mailbox";
                        case SmtpStatusCode.ExceededStorageAllocation:
                            return "mailbox full";
                        default:
                            return "failed: " + status;
                    }
                }

                private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt));
            }

            """;

        internal static async Task<bool> MeasureAsync(int rounds, Headline headline, Action<string> log)
        {
            var root = Path.Combine(Path.GetTempPath(), "smtpcodes-editor-latency-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            var loadAtStart = LoadAverage.Read();
            log("");
            log($"Editor: csharp-ls {ServerVersion}, {Lines(MailSenderSource)}-line mail sender, {Typed.Length} keys a round, {rounds} rounds after one discarded; load average {loadAtStart}");
            try
            {
                var tools = Path.Combine(root, "tools");
                var install = await Cli(root, "tool", "install", ServerPackage, "--version", ServerVersion, "--tool-path", tools).ConfigureAwait(false);
                if (install.ExitCode != 0)
                {
                    log("dotnet tool install failed:\n" + install.Output);
                    return false;
                }

                var server = Path.Combine(tools, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
                var with = await ProjectAsync(root, "WithSmtpCodes", withAnalyzers: true, log).ConfigureAwait(false);
                var without = await ProjectAsync(root, "Without", withAnalyzers: false, log).ConfigureAwait(false);
                if (with is null || without is null)
                {
                    return false;
                }

                await using var withServer = await OpenDocument.OpenAsync(server, with, expectSmtp: true, log).ConfigureAwait(false);
                await using var withoutServer = await OpenDocument.OpenAsync(server, without, expectSmtp: false, log).ConfigureAwait(false);
                if (withServer is null || withoutServer is null)
                {
                    return false;
                }

                var withTimes = new List<double>();
                var withoutTimes = new List<double>();
                var differences = new List<double>();
                for (var round = 0; round <= rounds; round++)
                {
                    for (var key = 0; key < Typed.Length; key++)
                    {
                        var withFirst = key % 2 == round % 2;
                        double withMs, withoutMs;
                        if (withFirst)
                        {
                            withMs = await withServer.TypeAsync(Typed[key]).ConfigureAwait(false);
                            withoutMs = await withoutServer.TypeAsync(Typed[key]).ConfigureAwait(false);
                        }
                        else
                        {
                            withoutMs = await withoutServer.TypeAsync(Typed[key]).ConfigureAwait(false);
                            withMs = await withServer.TypeAsync(Typed[key]).ConfigureAwait(false);
                        }

                        if (round > 0)
                        {
                            withTimes.Add(withMs);
                            withoutTimes.Add(withoutMs);
                            differences.Add(withMs - withoutMs);
                        }
                    }

                    // The last key completes a bare 550: SMTP001 on the typed line with the package, none without.
                    if (!withServer.LastHas("SMTP001") || withoutServer.LastHas("SMTP001"))
                    {
                        log("After the last key SMTP001 is " + (withServer.LastHas("SMTP001") ? "" : "not ") + "on the typed line with the package and "
                            + (withoutServer.LastHas("SMTP001") ? "" : "not ") + "without: the measure is not what it says.");
                        return false;
                    }

                    await withServer.EraseAsync().ConfigureAwait(false);
                    await withoutServer.EraseAsync().ConfigureAwait(false);
                    log($"  round {(round == 0 ? "0 (discarded)" : round.ToString(CultureInfo.InvariantCulture))}: done");
                }

                var section = new StringBuilder();
                section.Append(CultureInfo.InvariantCulture, $"csharp-ls {ServerVersion}, `{Typed}` typed key by key into a {Lines(MailSenderSource)}-line MailKit sender, diagnostics pulled after each key; {rounds} rounds of {Typed.Length} keys after one discarded; load average {loadAtStart} at the start, {LoadAverage.Read()} at the end.\n\n");
                section.Append("| edit to diagnostics | median ms | lowest ms | 90th percentile ms | highest ms |\n|---|---|---|---|---|\n");
                Row(section, "with SmtpCodes", withTimes);
                Row(section, "without", withoutTimes);
                Row(section, "with minus without, same key", differences);
                section.Append('\n');
                var added = Spread.Median(withTimes) - Spread.Median(withoutTimes);
                headline.Add("Editor: a keystroke in csharp-ls", section.ToString(), new TargetResult
                {
                    Target = $"(c) edit to diagnostics in csharp-ls: with the package at most {TargetMs:0} ms above the median without",
                    Measured = string.Format(CultureInfo.InvariantCulture, "{0:F1} ms median with, {1:F1} ms without: {2:+0.0;-0.0} ms", Spread.Median(withTimes), Spread.Median(withoutTimes), added),
                    Verdict = added <= TargetMs ? "holds" : "fails",
                });
                return true;
            }
            finally
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    log("Could not delete " + root);
                }
            }
        }

        private static void Row(StringBuilder section, string name, List<double> values)
        {
            var sorted = new List<double>(values);
            sorted.Sort();
            section.Append(CultureInfo.InvariantCulture, $"| {name} | {Spread.Median(values):F1} | {sorted[0]:F1} | {sorted[(int)Math.Ceiling(sorted.Count * 0.9) - 1]:F1} | {sorted[sorted.Count - 1]:F1} |\n");
        }

        private static int Lines(string text) => text.Split('\n').Length - 1;

        private static async Task<string?> ProjectAsync(string root, string name, bool withAnalyzers, Action<string> log)
        {
            var project = Path.Combine(root, name);
            var analyzers = typeof(SmtpCodes.Analyzers.SmtpCodesAnalyzer).Assembly.Location;
            RealBuild.WriteMailProject(project, name, withAnalyzers ? $"""  <ItemGroup><Analyzer Include="{analyzers}" /></ItemGroup>""" : "");
            File.WriteAllText(Path.Combine(project, "MailSender.cs"), MailSenderSource);
            var restore = await Cli(project, "restore", "-nodeReuse:false").ConfigureAwait(false);
            if (restore.ExitCode != 0)
            {
                log($"restore of {name} failed:\n{restore.Output}");
                return null;
            }

            return project;
        }

        private static Task<(int ExitCode, double Seconds, string Output)> Cli(string directory, params string[] arguments) =>
            Task.Run(() => RealBuild.Dotnet(directory, arguments));

        /// <summary>One server with the mail sender open; types at the marked line and times each key.</summary>
        private sealed class OpenDocument : IAsyncDisposable
        {
            private readonly LspClient _client;
            private readonly string _uri;
            private readonly int _line;
            private readonly int _column;
            private int _version = 1;
            private int _typed;
            private List<System.Text.Json.Nodes.JsonNode> _last = new();

            private OpenDocument(LspClient client, string uri, int line, int column)
            {
                _client = client;
                _uri = uri;
                _line = line;
                _column = column;
            }

            internal static async Task<OpenDocument?> OpenAsync(string server, string project, bool expectSmtp, Action<string> log)
            {
                var client = LspClient.Start(server, project, new Dictionary<string, string>(), LspClient.AnalyzersEnabled());
                var lines = MailSenderSource.Split('\n');
                var line = Array.FindIndex(lines, l => l.Contains(TypingMarker, StringComparison.Ordinal));
                var column = lines[line].IndexOf(TypingMarker, StringComparison.Ordinal);
                var uri = new Uri(Path.Combine(project, "MailSender.cs")).AbsoluteUri;
                var editor = new OpenDocument(client, uri, line, column);
                var stopwatch = Stopwatch.StartNew();
                await client.InitializeAsync(project, s_request).ConfigureAwait(false);
                await client.OpenAsync(uri, MailSenderSource).ConfigureAwait(false);

                // Loaded: the compiler's CS0219 on `unused`, and with the package SMTP001 on the 552.
                while (stopwatch.Elapsed < s_load)
                {
                    var items = await client.PullDiagnosticsAsync(uri, s_request).ConfigureAwait(false);
                    if (items.Exists(item => LspClient.Code(item) == "CS0219") && (!expectSmtp || items.Exists(item => LspClient.Code(item) == "SMTP001")))
                    {
                        log($"  {Path.GetFileName(project)}: diagnostics after {stopwatch.Elapsed.TotalSeconds:F1} s");
                        return editor;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                }

                log($"{Path.GetFileName(project)}: no diagnostics within {s_load.TotalMinutes:0} minutes.\n{client.Describe()}");
                await client.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            /// <summary>Types one key after what was typed so far; the milliseconds from the edit to the pulled diagnostics.</summary>
            internal async Task<double> TypeAsync(char key)
            {
                var stopwatch = Stopwatch.StartNew();
                await _client.ChangeAsync(_uri, ++_version, _line, _column + _typed, _line, _column + _typed, key.ToString()).ConfigureAwait(false);
                _last = await _client.PullDiagnosticsAsync(_uri, s_request).ConfigureAwait(false);
                stopwatch.Stop();
                _typed++;
                return stopwatch.Elapsed.TotalMilliseconds;
            }

            internal bool LastHas(string code) => _last.Exists(item => LspClient.Code(item) == code && LspClient.Line(item) == _line);

            /// <summary>Removes what was typed (one edit, not timed).</summary>
            internal async Task EraseAsync()
            {
                await _client.ChangeAsync(_uri, ++_version, _line, _column, _line, _column + _typed, "").ConfigureAwait(false);
                _typed = 0;
                _last = await _client.PullDiagnosticsAsync(_uri, s_request).ConfigureAwait(false);
            }

            public ValueTask DisposeAsync() => _client.DisposeAsync();
        }
    }
}
