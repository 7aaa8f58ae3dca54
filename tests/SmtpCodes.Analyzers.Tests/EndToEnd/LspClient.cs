using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace SmtpCodes.Analyzers.Tests.EndToEnd
{
    /// <summary>
    /// A minimal Language Server Protocol client over a server's standard input and output (JSON-RPC with
    /// <c>Content-Length</c> framing): requests with a timeout each, notifications, and answers to the server's own
    /// requests. It keeps what a test needs to judge the server: error responses, error-level messages, stderr.
    /// </summary>
    public sealed class LspClient : IAsyncDisposable
    {
        /// <summary>The server the editor test and the benchmark's editor measure run: <c>dotnet tool install csharp-ls --version 0.28.0</c>.</summary>
        public const string CsharpLsPackage = "csharp-ls";

        public const string CsharpLsVersion = "0.28.0";

        private readonly Process _process;
        private readonly Stream _input;
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonNode?>> _pending = new();
        private readonly Func<string, JsonNode?, JsonNode?> _answerServerRequest;
        private readonly StringBuilder _stderr = new();
        private readonly List<string> _log = new();
        private readonly Task _reader;
        private long _nextId;

        private LspClient(Process process, Func<string, JsonNode?, JsonNode?> answerServerRequest)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            _answerServerRequest = answerServerRequest;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_stderr)
                    {
                        _stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            _reader = Task.Run(ReadLoopAsync);
        }

        /// <summary>Error responses to our requests, and window/logMessage or window/showMessage of type Error.</summary>
        public List<string> ServerErrors { get; } = new();

        public string StandardError
        {
            get
            {
                lock (_stderr)
                {
                    return _stderr.ToString();
                }
            }
        }

        /// <summary>Everything the server said that was not a response, one line each, for a failure message.</summary>
        public string Log
        {
            get
            {
                lock (_log)
                {
                    return string.Join(Environment.NewLine, _log);
                }
            }
        }

        public bool HasExited => _process.HasExited;

        /// <summary>Starts the server; <paramref name="answerServerRequest"/> answers its requests (method, params: result).</summary>
        public static LspClient Start(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, Func<string, JsonNode?, JsonNode?> answerServerRequest, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            foreach (var pair in environment)
            {
                startInfo.Environment[pair.Key] = pair.Value;
            }

            var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start.");
            return new LspClient(process, answerServerRequest);
        }

        public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
        {
            var id = Interlocked.Increment(ref _nextId);
            var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = completion;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }).ConfigureAwait(false);
            var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout)).ConfigureAwait(false);
            if (finished != completion.Task)
            {
                _pending.TryRemove(id, out _);
                throw new TimeoutException($"The server did not answer {method} within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Describe()}");
            }

            return await completion.Task.ConfigureAwait(false);
        }

        public Task NotifyAsync(string method, JsonNode? parameters) =>
            SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>
        /// Answers <c>workspace/configuration</c> as an editor with analyzers switched on does (csharp-ls:
        /// <c>csharp.analyzersEnabled</c>); null for the server's other requests (diagnostic refresh, registrations).
        /// <paramref name="asked"/> is called for each configuration request.
        /// </summary>
        public static Func<string, JsonNode?, JsonNode?> AnalyzersEnabled(Action? asked = null) => (method, parameters) =>
        {
            if (method != "workspace/configuration")
            {
                return null;
            }

            asked?.Invoke();
            var answers = new JsonArray();
            foreach (var item in parameters?["items"]?.AsArray() ?? new JsonArray())
            {
                answers.Add(item?["section"]?.GetValue<string>() == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
            }

            return answers;
        };

        /// <summary><c>initialize</c> with the project's folder as the workspace (pull diagnostics, configuration), then <c>initialized</c>.</summary>
        public async Task InitializeAsync(string projectDirectory, TimeSpan timeout)
        {
            var rootUri = new Uri(projectDirectory + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
            await RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = rootUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(projectDirectory) }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true, ["diagnostics"] = new JsonObject { ["refreshSupport"] = true } },
                    ["textDocument"] = new JsonObject
                    {
                        ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                        ["synchronization"] = new JsonObject { ["didSave"] = true },
                    },
                },
            }, timeout).ConfigureAwait(false);
            await NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
        }

        public Task OpenAsync(string uri, string text) => NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

        /// <summary>One edit: <paramref name="text"/> replaces the range from (line, character) to (endLine, endCharacter).</summary>
        public Task ChangeAsync(string uri, int version, int line, int character, int endLine, int endCharacter, string text) => NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject
                {
                    ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                    ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
                },
                ["text"] = text,
            }),
        });

        /// <summary>The document's diagnostics, pulled (<c>textDocument/diagnostic</c>).</summary>
        public async Task<List<JsonNode>> PullDiagnosticsAsync(string uri, TimeSpan timeout)
        {
            var report = await RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, timeout).ConfigureAwait(false);
            var items = new List<JsonNode>();
            foreach (var item in report?["items"]?.AsArray() ?? new JsonArray())
            {
                if (item is not null)
                {
                    items.Add(item);
                }
            }

            return items;
        }

        /// <summary>A diagnostic's code (<c>SMTP001</c>, <c>CS0219</c>).</summary>
        public static string? Code(JsonNode item) => item["code"]?.ToString();

        /// <summary>A diagnostic's first line, zero-based.</summary>
        public static int Line(JsonNode item) => item["range"]!["start"]!["line"]!.GetValue<int>();

        /// <summary>The server's stderr and messages, for a failure message.</summary>
        public string Describe() =>
            $"Server messages:{Environment.NewLine}{Log}{Environment.NewLine}Server stderr:{Environment.NewLine}{StandardError}";

        /// <summary>Asks the server to shut down and exit, within 10 seconds; then kills it whatever it did.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                    await NotifyAsync("exit", null).ConfigureAwait(false);
                    using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await _process.WaitForExitAsync(exited.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
            {
                // It is killed below.
            }
            finally
            {
                try
                {
                    if (!_process.HasExited)
                    {
                        _process.Kill(entireProcessTree: true);
                        _process.WaitForExit(10_000);
                    }
                }
                catch (InvalidOperationException)
                {
                    // It ended between the check and the kill.
                }

                _process.Dispose();
                _writeLock.Dispose();
            }
        }

        private async Task SendAsync(JsonNode message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await _writeLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await _input.WriteAsync(header).ConfigureAwait(false);
                await _input.WriteAsync(body).ConfigureAwait(false);
                await _input.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private async Task ReadLoopAsync()
        {
            var output = _process.StandardOutput.BaseStream;
            try
            {
                while (true)
                {
                    var length = await ReadHeadersAsync(output).ConfigureAwait(false);
                    if (length < 0)
                    {
                        break;
                    }

                    var body = new byte[length];
                    await output.ReadExactlyAsync(body).ConfigureAwait(false);
                    await HandleAsync(JsonNode.Parse(body)!).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException or JsonException)
            {
                Record("client: the connection ended: " + e.Message);
            }

            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The server closed its output." + Environment.NewLine + Describe()));
            }
        }

        private static async Task<int> ReadHeadersAsync(Stream output)
        {
            var length = -1;
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await output.ReadAsync(one).ConfigureAwait(false) == 0)
                {
                    return -1;
                }

                if (one[0] != '\n')
                {
                    if (one[0] != '\r')
                    {
                        line.Append((char)one[0]);
                    }

                    continue;
                }

                if (line.Length == 0)
                {
                    return length;
                }

                var text = line.ToString();
                if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }

                line.Clear();
            }
        }

        private async Task HandleAsync(JsonNode message)
        {
            var method = message["method"]?.GetValue<string>();
            var id = message["id"];
            if (method is null)
            {
                // A response to one of our requests.
                var key = id!.GetValue<long>();
                if (_pending.TryRemove(key, out var completion))
                {
                    if (message["error"] is JsonNode error)
                    {
                        lock (ServerErrors)
                        {
                            ServerErrors.Add($"error response to request {key}: {error.ToJsonString()}");
                        }

                        completion.TrySetException(new InvalidOperationException($"The server answered request {key} with an error: {error.ToJsonString()}"));
                    }
                    else
                    {
                        completion.TrySetResult(message["result"]?.DeepClone());
                    }
                }

                return;
            }

            var parameters = message["params"];
            Record($"{method} {parameters?.ToJsonString()}");
            if ((method is "window/logMessage" or "window/showMessage") && parameters?["type"]?.GetValue<int>() == 1)
            {
                lock (ServerErrors)
                {
                    ServerErrors.Add($"{method}: {parameters["message"]}");
                }
            }

            if (id is not null)
            {
                var result = _answerServerRequest(method, parameters);
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result }).ConfigureAwait(false);
            }
        }

        private void Record(string line)
        {
            lock (_log)
            {
                _log.Add(line.Length > 2000 ? line.Substring(0, 2000) + " …" : line);
            }
        }
    }
}
