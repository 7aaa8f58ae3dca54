using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SmtpCodes.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// Writes deterministic C# corpora: the same seed, kind and size give the same files, byte for byte, on every
    /// machine (<see cref="Random"/> with a seed is stable across .NET versions). Nothing here depends on Roslyn, so
    /// a test project on another Roslyn version can compile this file in and ask for "a set of realistic SMTP files".
    /// </summary>
    /// <remarks>
    /// Every file is a namespace of its own holding a business enum, a DTO and one class of methods, 120–360 lines.
    /// SMTP-heavy files use one of the four status enums each and mix SMTP methods (retry handlers with exception
    /// filters, switch statements and expressions over the enum, switches and <c>is</c> patterns on <c>(int)status</c>,
    /// locals from casts, <c>(SmtpStatusCode)250</c>, class checks, the odd typo; branches that retry a transient and a
    /// permanent code alike, the <c>RetryIfBusy</c> bug, beside branches of one class; reply codes searched for in
    /// <c>ex.Message</c>, beside text that is no reply code and exceptions that carry no status) with ordinary ones;
    /// no-SMTP files hold only the ordinary methods: totals, parsing, reports, LINQ, async file I/O, switches over
    /// business enums, HTTP status numbers. The generated code compiles without errors against .NET 10, MailKit and SmtpServer.
    /// </remarks>
    public sealed class CorpusGenerator
    {
        public const int DefaultSeed = 20261128;

        /// <summary>The path of <see cref="AsposeStatusCodeSource"/> in an SMTP corpus.</summary>
        public const string AsposeStatusCodePath = "Aspose/SmtpStatusCode.cs";

        private const double SmtpMethodShare = 0.55;

        private readonly int _seed;

        public CorpusGenerator(int seed = DefaultSeed) => _seed = seed;

        /// <summary>Aspose.Email's <c>SmtpStatusCode</c>, exactly as the seed lists it: Aspose is a paid package, so the corpus declares it.</summary>
        public static string AsposeStatusCodeSource { get; } = """
            namespace Aspose.Email.Clients.Smtp
            {
                public enum SmtpStatusCode
                {
                    NotDefined = 0,
                    GeneralFailure = -1,
                    SystemStatus = 211,
                    HelpMessage = 214,
                    ServiceReady = 220,
                    ServiceClosingTransmissionChannel = 221,
                    AuthenticationSucceeded = 235,
                    Ok = 250,
                    UserNotLocalWillForward = 251,
                    CannotVerifyUserWillAttemptDelivery = 252,
                    Base64Response = 334,
                    StartMailInput = 354,
                    ServiceNotAvailable = 421,
                    PasswordTransitionNeeded = 432,
                    MailboxBusy = 450,
                    LocalErrorInProcessing = 451,
                    InsufficientStorage = 452,
                    ClientNotPermitted = 454,
                    CommandUnrecognized = 500,
                    SyntaxError = 501,
                    CommandNotImplemented = 502,
                    CommandNotPermitted = 503,
                    UnrecognizedAuthenticationType = 504,
                    AuthenticationRequired = 530,
                    AuthenticationMechanismIsToWeak = 534,
                    CredentialsInvalid = 535,
                    EncryptionRequiredRequestedMechanism = 538,
                    MailboxUnavailable = 550,
                    UserNotLocalTryAlternatePath = 551,
                    ExceededStorageAllocation = 552,
                    MailboxNameNotAllowed = 553,
                    TransactionFailed = 554,
                }
            }

            """;

        /// <summary>The path of <see cref="MailModuleSource"/> in a mail-referenced corpus.</summary>
        public const string MailModulePath = "Notifications/Notifier.cs";

        /// <summary>
        /// The one mail module of a mail-referenced corpus, as an application that references MailKit has: it names
        /// MailKit's types (so no gate can tell the corpus from a real application by its text) and holds one magic
        /// code, so that a run shows the rules were on.
        /// </summary>
        public static string MailModuleSource { get; } = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            namespace Corpus.Notifications;

            public sealed class Notifier
            {
                public async Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken)
                {
                    using var client = new SmtpClient();
                    try
                    {
                        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                        return true;
                    }
                    catch (SmtpCommandException ex) when ((int)ex.StatusCode == 550)
                    {
                        return false;
                    }
                }
            }

            """;

        /// <summary>
        /// A corpus of about <paramref name="targetLines"/> lines (it stops at the first file that reaches it). An
        /// SMTP-heavy corpus starts with the Aspose enum's declaration (<see cref="AsposeStatusCodePath"/>), a
        /// mail-referenced one with its mail module (<see cref="MailModulePath"/>).
        /// </summary>
        public IReadOnlyList<CorpusFile> Generate(CorpusKind kind, int targetLines) => Generate(kind, targetLines, int.MaxValue);

        /// <summary>As <see cref="Generate(CorpusKind, int)"/>, stopping after <paramref name="maxFiles"/> files if it comes first.</summary>
        public IReadOnlyList<CorpusFile> Generate(CorpusKind kind, int targetLines, int maxFiles)
        {
            if (targetLines < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(targetLines), targetLines, "A corpus has at least one line.");
            }

            var random = new Random(unchecked(_seed * 31 + (int)kind));
            var files = new List<CorpusFile>();
            var lines = 0;
            if (kind == CorpusKind.SmtpHeavy)
            {
                files.Add(new CorpusFile(AsposeStatusCodePath, AsposeStatusCodeSource));
                lines += files[0].LineCount;
            }
            else if (kind == CorpusKind.MailReferenced)
            {
                files.Add(new CorpusFile(MailModulePath, MailModuleSource));
                lines += files[0].LineCount;
            }

            for (var index = 0; lines < targetLines && files.Count < maxFiles; index++)
            {
                var file = kind switch
                {
                    CorpusKind.SmtpHeavy => WriteFile(random, index, StatusEnumModel.All[random.Next(StatusEnumModel.All.Count)]),
                    CorpusKind.MailReferenced => WriteTotalsFile(random, index),
                    _ => WriteFile(random, index, null),
                };
                files.Add(file);
                lines += file.LineCount;
            }

            return files;
        }

        /// <summary>
        /// "A set of realistic SMTP files": <paramref name="count"/> SMTP-heavy files, cycling through the four status
        /// enums so each is used, preceded by the Aspose enum's declaration they need.
        /// </summary>
        public IReadOnlyList<CorpusFile> RealisticSmtpFiles(int count)
        {
            var random = new Random(unchecked(_seed * 31 + 7));
            var files = new List<CorpusFile>(count + 1) { new CorpusFile(AsposeStatusCodePath, AsposeStatusCodeSource) };
            for (var index = 0; index < count; index++)
            {
                files.Add(WriteFile(random, index, StatusEnumModel.All[index % StatusEnumModel.All.Count]));
            }

            return files;
        }

        private static CorpusFile WriteFile(Random random, int index, StatusEnumModel? statusEnum)
        {
            var area = statusEnum is null ? Areas[index % Areas.Length] : "Mail";
            var module = "Module" + index.ToString("D4", CultureInfo.InvariantCulture);
            var className = (statusEnum is null ? Services[random.Next(Services.Length)] : MailServices[random.Next(MailServices.Length)]) + index.ToString(CultureInfo.InvariantCulture);
            var targetLines = 120 + random.Next(240);

            var text = new StringBuilder();
            text.Append("""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.IO;
                using System.Linq;
                using System.Text;

                """);

            // Where `using System.Text.RegularExpressions;` goes if a method uses Regex.
            var regexUsing = text.Length;
            text.Append("""
                using System.Threading;
                using System.Threading.Tasks;

                """);
            if (statusEnum is not null)
            {
                text.Append("using ").Append(statusEnum.Namespace).Append(";\n");
            }

            text.Append('\n').Append("namespace Corpus.").Append(area).Append('.').Append(module).Append(";\n\n");
            text.Append(BusinessTypes);
            if (statusEnum is not null)
            {
                text.Append("""
                    public enum RetryDecision
                    {
                        Done,
                        RetryLater,
                        GiveUp,
                    }


                    """);
            }

            text.Append("public sealed class ").Append(className).Append("\n{\n");
            text.Append("    private readonly List<string> _log = new();\n\n");
            text.Append("    public IReadOnlyList<string> Log => _log;\n");

            var method = 0;
            while (Lines(text) < targetLines)
            {
                text.Append('\n');
                var writer = new MethodWriter(random, method++);
                text.Append(statusEnum is not null && random.NextDouble() < SmtpMethodShare ? writer.Smtp(statusEnum) : writer.Ordinary());
            }

            text.Append("}\n");
            if (text.ToString(regexUsing, text.Length - regexUsing).Contains("Regex.", StringComparison.Ordinal))
            {
                text.Insert(regexUsing, "using System.Text.RegularExpressions;\n");
            }

            return new CorpusFile(area + "/" + module + ".cs", text.ToString());
        }

        /// <summary>
        /// A file of the mail-referenced corpus: a business class with <see cref="TotalsPerClass"/> methods named
        /// <c>Total0</c>… in every file, each with the same locals (<c>sum</c>, <c>name</c>, <c>amount</c>, <c>t</c>),
        /// then ordinary methods. Nothing in it names a status type or the text <c>Smtp</c>.
        /// </summary>
        private static CorpusFile WriteTotalsFile(Random random, int index)
        {
            var area = Areas[index % Areas.Length];
            var module = "Module" + index.ToString("D4", CultureInfo.InvariantCulture);
            var className = Services[random.Next(Services.Length)] + index.ToString(CultureInfo.InvariantCulture);
            var ordinaryMethods = random.Next(6);

            var text = new StringBuilder();
            text.Append("using System;\nusing System.Collections.Generic;\nusing System.Globalization;\nusing System.IO;\nusing System.Linq;\nusing System.Text;\nusing System.Threading;\nusing System.Threading.Tasks;\n\n");
            text.Append("namespace Corpus.").Append(area).Append('.').Append(module).Append(";\n\n");
            text.Append(BusinessTypes);
            text.Append("public sealed class ").Append(className).Append("\n{\n");
            text.Append("    private readonly List<string> _log = new();\n\n");
            text.Append("    public IReadOnlyList<string> Log => _log;\n");
            for (var total = 0; total < TotalsPerClass; total++)
            {
                text.Append('\n').Append(TotalOverTuples(random, total));
            }

            for (var method = 0; method < ordinaryMethods; method++)
            {
                text.Append('\n').Append(new MethodWriter(random, TotalsPerClass + method).Ordinary());
            }

            text.Append("}\n");
            return new CorpusFile(area + "/" + module + ".cs", text.ToString());
        }

        /// <summary>Methods named <c>Total0</c>… that every class of the mail-referenced corpus declares.</summary>
        internal const int TotalsPerClass = 20;

        /// <summary>
        /// <c>Total{n}</c>: integral locals compared with and switched on literals (<c>sum</c>, <c>amount</c>,
        /// <c>t</c>), a <c>foreach</c> over a tuple deconstruction, <c>TryGetValue(…, out var t)</c>, a
        /// <c>sum switch { &lt; 0 =&gt; 0, … }</c>, an <c>is</c> pattern and casts of ordinary numbers.
        /// </summary>
        private static string TotalOverTuples(Random random, int n) => $$"""
                public int Total{{n}}(IReadOnlyDictionary<string, int> prices, IEnumerable<(string Name, int Amount)> items)
                {
                    var sum = 0;
                    var count = (int)prices.Count;
                    foreach (var (name, amount) in items)
                    {
                        if (amount == 0 || name.Length == 0)
                        {
                            continue;
                        }

                        if (prices.TryGetValue(name, out var t))
                        {
                            sum += t == {{1 + random.Next(99)}} ? amount : t * amount;
                        }
                        else if (amount is > {{100 + random.Next(900)}} or {{1 + random.Next(9)}})
                        {
                            _log.Add("no price for " + name);
                        }
                    }

                    return sum switch
                    {
                        < 0 => 0,
                        0 => count,
                        > {{10_000 + random.Next(90_000)}} => (int)(sum * 0.9),
                        _ => sum,
                    };
                }

            """;

        /// <summary>The business enum and DTO every file of the corpora declares before its class.</summary>
        private const string BusinessTypes = """
            public enum OrderState
            {
                Draft,
                Submitted,
                Paid,
                Shipped,
                Delivered,
                Cancelled,
                Refunded,
            }

            public sealed class OrderLine
            {
                public string Sku { get; set; } = "";

                public int Quantity { get; set; }

                public decimal UnitPrice { get; set; }
            }


            """;

        private static int Lines(StringBuilder text)
        {
            var lines = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lines++;
                }
            }

            return lines;
        }

        private static readonly string[] Areas = { "Billing", "Catalog", "Shipping", "Inventory", "Customers", "Reporting" };

        private static readonly string[] Services = { "OrderService", "InvoiceCalculator", "StockLedger", "CustomerDirectory", "PriceList", "ShipmentPlanner" };

        private static readonly string[] MailServices = { "MailDispatcher", "BounceHandler", "DeliveryRetryPolicy", "SmtpRelayMonitor", "OutboxWorker", "ReplyClassifier" };

        /// <summary>One method at a time; every name carries the method's index, so a class never declares one twice.</summary>
        private readonly struct MethodWriter
        {
            private readonly Random _random;
            private readonly int _n;

            internal MethodWriter(Random random, int n)
            {
                _random = random;
                _n = n;
            }

            /// <summary>One of the SMTP method kinds, each as likely as the others; the last two need the enum's exception.</summary>
            internal string Smtp(StatusEnumModel e)
            {
                var choice = _random.Next(e.ExceptionType is null ? 11 : 13);
                return choice switch
                {
                    0 => SwitchStatementOverEnum(e),
                    1 => SwitchExpressionOverEnum(e),
                    2 => SwitchOnNumber(e),
                    3 => IsPatternOnNumber(e),
                    4 => LocalFromCast(e),
                    5 => CastToEnum(e),
                    6 => CountFailures(e),
                    7 => RetryLoop(e),
                    8 => MixedCaseSection(e),
                    9 => MixedArmAndPattern(e),
                    10 => RetryIfBusy(e),
                    11 => RetryOnException(e),
                    _ => StatusFromMessage(e),
                };
            }

            internal string Ordinary() => _random.Next(10) switch
            {
                0 => Total(),
                1 => LabelSwitch(),
                2 => PrioritySwitchExpression(),
                3 => ParseQuantity(),
                4 => NextState(),
                5 => Report(),
                6 => TopSkus(),
                7 => CountLinesAsync(),
                8 => Validate(),
                _ => IsRetryableHttp(),
            };

            // ---- SMTP methods ----

            private string SwitchStatementOverEnum(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 2);
                var permanent = Pick(e.Permanent, 2);
                var ok = Pick(e.Positive, 1)[0];
                var t = e.TypeName;
                return $$"""
                        public RetryDecision Classify{{_n}}({{t}} status)
                        {
                            switch (status)
                            {
                                case {{t}}.{{transient[0].Key}}:
                                case {{t}}.{{transient[1].Key}}:
                                    return RetryDecision.RetryLater;
                                case {{t}}.{{permanent[0].Key}}:
                                case {{t}}.{{permanent[1].Key}}:
                                    _log.Add("permanent failure: " + status);
                                    return RetryDecision.GiveUp;
                                case {{t}}.{{ok.Key}}:
                                    return RetryDecision.Done;
                                default:
                                    _log.Add("unexpected status " + status);
                                    return RetryDecision.GiveUp;
                            }
                        }

                    """;
            }

            private string SwitchExpressionOverEnum(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 3);
                var permanent = Pick(e.Permanent, 1);
                var t = e.TypeName;
                return $$"""
                        public TimeSpan BackoffFor{{_n}}({{t}} status, int attempt) => status switch
                        {
                            {{t}}.{{transient[0].Key}} => TimeSpan.FromSeconds({{10 * (1 + _random.Next(6))}} * attempt),
                            {{t}}.{{transient[1].Key}} or {{t}}.{{transient[2].Key}} => TimeSpan.FromMinutes(attempt),
                            {{t}}.{{permanent[0].Key}} => TimeSpan.Zero,
                            _ => TimeSpan.FromSeconds({{1 + _random.Next(9)}}),
                        };

                    """;
            }

            private string SwitchOnNumber(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 2);
                var permanent = Pick(e.Permanent, 1);
                var typo = _random.Next(10) == 0 ? "            case 5500:\n                return \"typo\";\n" : "";
                return $$"""
                        public string Describe{{_n}}({{e.TypeName}} status)
                        {
                            switch ((int)status)
                            {
                                case {{transient[0].Value}}:
                                case {{transient[1].Value}}:
                                    return "try again later";
                                case {{permanent[0].Value}}:
                                    return "mailbox unavailable";
                    {{typo}}            case >= 500:
                                    return "permanent failure";
                                default:
                                    return "status " + (int)status;
                            }
                        }

                    """;
            }

            private string IsPatternOnNumber(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 3);
                return $$"""
                        public bool IsTransient{{_n}}({{e.TypeName}} status) =>
                            (int)status is {{transient[0].Value}} or {{transient[1].Value}} or {{transient[2].Value}};

                    """;
            }

            private string LocalFromCast(StatusEnumModel e)
            {
                var permanent = Pick(e.Permanent, 1)[0];
                var ok = Pick(e.Positive, 1)[0];
                return $$"""
                        public bool ShouldRetry{{_n}}({{e.TypeName}} status, int attempt)
                        {
                            var code = (int)status;
                            if (code == {{permanent.Value}})
                            {
                                return false;
                            }

                            if (code >= 400 && code < 500)
                            {
                                return attempt < {{2 + _random.Next(5)}};
                            }

                            return code != {{ok.Value}} && attempt < 2;
                        }

                    """;
            }

            private string CastToEnum(StatusEnumModel e)
            {
                var ok = Pick(e.Positive, 2);
                var t = e.TypeName;
                return $$"""
                        public bool IsAccepted{{_n}}({{t}} status)
                        {
                            var expected = ({{t}}){{ok[0].Value}};
                            return status == expected || status == {{t}}.{{ok[1].Key}};
                        }

                    """;
            }

            private string CountFailures(StatusEnumModel e)
            {
                var t = e.TypeName;
                return $$"""
                        public Dictionary<{{t}}, int> CountFailures{{_n}}(IEnumerable<{{t}}> statuses)
                        {
                            var counts = new Dictionary<{{t}}, int>();
                            foreach (var status in statuses)
                            {
                                if ((int)status < 400)
                                {
                                    continue;
                                }

                                counts[status] = counts.TryGetValue(status, out var count) ? count + 1 : 1;
                            }

                            return counts;
                        }

                    """;
            }

            private string RetryLoop(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 2);
                var t = e.TypeName;
                return $$"""
                        public async Task<bool> Deliver{{_n}}Async(Func<CancellationToken, Task<{{t}}>> send, CancellationToken cancellationToken)
                        {
                            for (var attempt = 1; attempt <= {{3 + _random.Next(4)}}; attempt++)
                            {
                                var status = await send(cancellationToken).ConfigureAwait(false);
                                if (status == {{t}}.Ok)
                                {
                                    return true;
                                }

                                if ((int)status == {{transient[0].Value}} || status == {{t}}.{{transient[1].Key}})
                                {
                                    await Task.Delay(TimeSpan.FromSeconds(attempt * {{1 + _random.Next(30)}}), cancellationToken).ConfigureAwait(false);
                                    continue;
                                }

                                _log.Add($"attempt {attempt} failed with {status}");
                                return false;
                            }

                            return false;
                        }

                    """;
            }

            /// <summary>
            /// SMTP005: one case section retries a transient and a permanent code alike, beside sections of one class; half
            /// of them switch on <c>(int)status</c> with numbers for labels (SMTP001 too).
            /// </summary>
            private string MixedCaseSection(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 3);
                var permanent = Pick(e.Permanent, 3);
                var ok = Pick(e.Positive, 1)[0];
                var t = e.TypeName;
                var numbers = _random.Next(2) == 0;
                string Label(KeyValuePair<string, int> member) => numbers ? member.Value.ToString(CultureInfo.InvariantCulture) : t + "." + member.Key;
                return $$"""
                        public RetryDecision OnRecipientFailure{{_n}}({{t}} status)
                        {
                            switch ({{(numbers ? "(int)status" : "status")}})
                            {
                                case {{Label(ok)}}:
                                    return RetryDecision.Done;
                                case {{Label(transient[0])}}:
                                case {{Label(permanent[0])}}:
                                    _log.Add("delivery failed - retrying: " + status);
                                    Thread.Sleep({{1000 * (1 + _random.Next(5))}});
                                    return RetryDecision.RetryLater;
                                case {{Label(transient[1])}}:
                                case {{Label(transient[2])}}:
                                    return RetryDecision.RetryLater;
                                case {{Label(permanent[1])}}:
                                case {{Label(permanent[2])}}:
                                    _log.Add("rejected: " + status);
                                    return RetryDecision.GiveUp;
                                default:
                                    return RetryDecision.GiveUp;
                            }
                        }

                    """;
            }

            /// <summary>SMTP005: an <c>is A or B</c> and a switch-expression arm that mix the classes, beside ones that do not.</summary>
            private string MixedArmAndPattern(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 3);
                var permanent = Pick(e.Permanent, 4);
                var t = e.TypeName;
                return $$"""
                        public TimeSpan? RetryAfter{{_n}}({{t}} status, int attempt)
                        {
                            if (status is {{t}}.{{permanent[0].Key}} or {{t}}.{{permanent[1].Key}})
                            {
                                return null;
                            }

                            if (status is {{t}}.{{transient[0].Key}} or {{t}}.{{permanent[2].Key}})
                            {
                                return TimeSpan.FromMinutes(attempt * {{1 + _random.Next(10)}});
                            }

                            return status switch
                            {
                                {{t}}.{{transient[1].Key}} => TimeSpan.FromSeconds({{10 * (1 + _random.Next(6))}} * attempt),
                                {{t}}.{{transient[2].Key}} or {{t}}.{{permanent[3].Key}} => TimeSpan.FromMinutes(attempt),
                                _ => null,
                            };
                        }

                    """;
            }

            /// <summary>SMTP005: the System.Net.Mail documentation's <c>RetryIfBusy</c> sample, an <c>||</c> chain with 450 and 550.</summary>
            private string RetryIfBusy(StatusEnumModel e)
            {
                var busy = e.Member(450);
                var unavailable = e.Member(550);
                var ok = Pick(e.Positive, 2);
                var t = e.TypeName;
                return $$"""
                        public async Task<bool> SendRetryingIfBusy{{_n}}Async(Func<CancellationToken, Task<{{t}}>> send, CancellationToken cancellationToken)
                        {
                            for (var attempt = 1; attempt <= {{2 + _random.Next(4)}}; attempt++)
                            {
                                var status = await send(cancellationToken).ConfigureAwait(false);
                                if (status == {{t}}.{{ok[0].Key}} || status == {{t}}.{{ok[1].Key}})
                                {
                                    return true;
                                }

                                if (status == {{t}}.{{busy.Key}} ||
                                    status == {{t}}.{{unavailable.Key}})
                                {
                                    _log.Add("Delivery failed - retrying in 5 seconds.");
                                    await Task.Delay(5000, cancellationToken).ConfigureAwait(false);
                                    continue;
                                }

                                _log.Add("Delivery failed: " + status);
                                return false;
                            }

                            return false;
                        }

                    """;
            }

            private string RetryOnException(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 2);
                var status = e.StatusOfException;
                return $$"""
                        public async Task<bool> SendWithRetry{{_n}}Async(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
                        {
                            for (var attempt = 1; attempt <= {{3 + _random.Next(4)}}; attempt++)
                            {
                                try
                                {
                                    await send(cancellationToken).ConfigureAwait(false);
                                    return true;
                                }
                                catch ({{e.ExceptionType}} ex) when ((int){{status}} == {{transient[0].Value}} || {{status}} == {{e.TypeName}}.{{transient[1].Key}})
                                {
                                    _log.Add($"attempt {attempt}: {ex.Message}");
                                    await Task.Delay(TimeSpan.FromSeconds(attempt * {{1 + _random.Next(30)}}), cancellationToken).ConfigureAwait(false);
                                }
                                catch ({{e.ExceptionType}} ex)
                                {
                                    _log.Add("giving up: " + {{status}});
                                    return false;
                                }
                            }

                            return false;
                        }

                    """;
            }

            /// <summary>
            /// SMTP006: reply codes searched for in the message of an exception that carries the status, directly and
            /// through a local; beside them, text that is no reply code and a <c>catch (Exception)</c> that says nothing of SMTP.
            /// </summary>
            private string StatusFromMessage(StatusEnumModel e)
            {
                var transient = Pick(e.Transient, 1)[0];
                var permanent = Pick(e.Permanent, 3);
                var exception = e.RecipientExceptionType is { } recipient && _random.Next(2) == 0 ? recipient : e.ExceptionType;
                return $$"""
                        public async Task<RetryDecision> Submit{{_n}}Async(Func<CancellationToken, Task> send, CancellationToken cancellationToken)
                        {
                            try
                            {
                                await send(cancellationToken).ConfigureAwait(false);
                                return RetryDecision.Done;
                            }
                            catch ({{exception}} ex) when (ex.Message.StartsWith("4"))
                            {
                                _log.Add("deferred: " + ex.Message);
                                return RetryDecision.RetryLater;
                            }
                            catch ({{exception}} ex) when (ex.Message.Contains("{{permanent[0].Value}}") || Regex.IsMatch(ex.Message, "^{{permanent[1].Value}}"))
                            {
                                _log.Add("rejected: " + ex.Message);
                                return RetryDecision.GiveUp;
                            }
                            catch ({{exception}} ex)
                            {
                                var text = ex.Message;
                                if (text.IndexOf("{{transient.Value}}") >= 0 || text.Contains("Mailbox full") || text.Contains("4.2.2"))
                                {
                                    return RetryDecision.RetryLater;
                                }

                                _log.Add("giving up on " + {{e.StatusOfException}} + ": " + text);
                                return text.StartsWith("{{permanent[2].Value}} ", StringComparison.Ordinal) ? RetryDecision.GiveUp : RetryDecision.RetryLater;
                            }
                            catch (Exception ex) when (ex.Message.Contains("550"))
                            {
                                _log.Add("failed: " + ex.Message);
                                return RetryDecision.GiveUp;
                            }
                        }

                    """;
            }

            // ---- ordinary methods ----

            private string Total() => $$"""
                    public decimal Total{{_n}}(IReadOnlyList<OrderLine> lines, decimal discountRate)
                    {
                        decimal total = 0m;
                        foreach (var line in lines)
                        {
                            if (line.Quantity <= 0)
                            {
                                continue;
                            }

                            var amount = line.UnitPrice * line.Quantity;
                            if (line.Quantity >= {{5 + _random.Next(50)}})
                            {
                                amount *= 0.95m;
                            }

                            total += amount;
                        }

                        total -= total * discountRate;
                        return Math.Round(total, 2, MidpointRounding.AwayFromZero);
                    }

                """;

            private string LabelSwitch() => $$"""
                    public string Label{{_n}}(OrderState state)
                    {
                        switch (state)
                        {
                            case OrderState.Draft:
                                return "draft";
                            case OrderState.Submitted:
                            case OrderState.Paid:
                                return "in progress";
                            case OrderState.Cancelled:
                                return "cancelled";
                            default:
                                return state.ToString().ToLowerInvariant();
                        }
                    }

                """;

            private string PrioritySwitchExpression() => $$"""
                    public int Priority{{_n}}(OrderState state, int ageDays) => state switch
                    {
                        OrderState.Paid when ageDays > {{1 + _random.Next(14)}} => 1,
                        OrderState.Paid => 2,
                        OrderState.Submitted => 3,
                        _ => 9,
                    };

                """;

            private string ParseQuantity() => $$"""
                    public int ParseQuantity{{_n}}(string? text)
                    {
                        if (string.IsNullOrWhiteSpace(text))
                        {
                            return 0;
                        }

                        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                        {
                            return -1;
                        }

                        var clamped = Math.Clamp(value, 0, {{100 + _random.Next(9900)}});
                        return (int)Math.Round(clamped * 1.0, MidpointRounding.ToEven);
                    }

                """;

            private string NextState() => $$"""
                    public OrderState NextState{{_n}}(OrderState state)
                    {
                        var next = (int)state + 1;
                        if (next > (int)OrderState.Refunded)
                        {
                            return OrderState.Draft;
                        }

                        return (OrderState)next;
                    }

                """;

            private string Report() => $$"""
                    public string Report{{_n}}(IEnumerable<OrderLine> lines)
                    {
                        var builder = new StringBuilder();
                        var index = 0;
                        foreach (var line in lines)
                        {
                            index++;
                            builder.Append(index.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(line.Sku);
                            builder.Append(" x").Append(line.Quantity).Append(" @ ").Append(line.UnitPrice.ToString("F2", CultureInfo.InvariantCulture));
                            builder.AppendLine();
                            if (index % {{5 + _random.Next(20)}} == 0)
                            {
                                builder.AppendLine(new string('-', 40));
                            }
                        }

                        return builder.ToString();
                    }

                """;

            private string TopSkus() => $$"""
                    public IReadOnlyList<string> TopSkus{{_n}}(IEnumerable<OrderLine> lines, int count) =>
                        lines.Where(l => l.Quantity > 0)
                            .GroupBy(l => l.Sku, StringComparer.Ordinal)
                            .Select(g => (Sku: g.Key, Revenue: g.Sum(l => l.UnitPrice * l.Quantity)))
                            .OrderByDescending(x => x.Revenue)
                            .Take(count)
                            .Select(x => x.Sku)
                            .ToList();

                """;

            private string CountLinesAsync() => $$"""
                    public async Task<int> CountLines{{_n}}Async(string path, CancellationToken cancellationToken)
                    {
                        try
                        {
                            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
                            var count = 0;
                            foreach (var ch in text)
                            {
                                if (ch == '\n')
                                {
                                    count++;
                                }
                            }

                            return count;
                        }
                        catch (IOException ex) when (ex.HResult == {{-2147024864 + _random.Next(3)}})
                        {
                            _log.Add(ex.Message);
                            return -1;
                        }
                        catch (UnauthorizedAccessException)
                        {
                            return -2;
                        }
                    }

                """;

            private string Validate()
            {
                var length = 8 + _random.Next(56);
                return $$"""
                        public void Validate{{_n}}(OrderLine line)
                        {
                            ArgumentNullException.ThrowIfNull(line);
                            if (line.Sku.Length is 0 or > {{length}})
                            {
                                throw new ArgumentException("SKU length must be between 1 and {{length}}.", nameof(line));
                            }

                            if (line.UnitPrice < 0m || line.UnitPrice > {{1000 + _random.Next(99000)}}m)
                            {
                                throw new ArgumentOutOfRangeException(nameof(line), line.UnitPrice, "Unit price out of range.");
                            }
                        }

                    """;
            }

            private string IsRetryableHttp() => $$"""
                    public bool IsRetryableHttp{{_n}}(int statusCode)
                    {
                        switch (statusCode)
                        {
                            case 408:
                            case 429:
                            case 503:
                                return true;
                            default:
                                return statusCode >= 500 && statusCode != {{501 + _random.Next(4) * 4}};
                        }
                    }

                """;

            /// <summary><paramref name="count"/> distinct members, in random order.</summary>
            private List<KeyValuePair<string, int>> Pick(IReadOnlyList<KeyValuePair<string, int>> members, int count)
            {
                var picked = new List<KeyValuePair<string, int>>(count);
                while (picked.Count < count)
                {
                    var candidate = members[_random.Next(members.Count)];
                    if (!picked.Contains(candidate))
                    {
                        picked.Add(candidate);
                    }
                }

                return picked;
            }
        }
    }
}
