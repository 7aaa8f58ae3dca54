using System.Collections.Generic;

namespace SmtpCodes.Analyzers.Tests.Robustness.Sources
{
    /// <summary>
    /// A few files shaped like real SMTP code, for what the tests and the sample do not show: MailKit's client with
    /// locals, nullable statuses and switch expressions, an SmtpServer mailbox filter, Aspose with negative values,
    /// and a user's enum named by the option. Stand-ins until the benchmark's corpus generator is wired in (see
    /// <see cref="SourceSets"/>).
    /// </summary>
    public sealed class RealisticSmtpSourceSet : ISourceSet
    {
        public string Name => "realistic";

        public IReadOnlyList<SourceCase> GetCases() => new[]
        {
            SourceCase.ForUserCode("realistic:MailKitRetryPolicy", ("RetryPolicy.cs", MailKitRetryPolicy)),
            SourceCase.ForUserCode("realistic:SmtpServerFilter", ("MailboxFilter.cs", SmtpServerFilter)),
            SourceCase.ForUserCode("realistic:AsposeBounces", ("Bounces.cs", AsposeBounces)),
            SourceCase.ForUserCode("realistic:ContosoGateway", ("Gateway.cs", ContosoGateway)),
        };

        private const string MailKitRetryPolicy = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit;
            using MailKit.Net.Smtp;
            using MimeKit;

            namespace Shop.Notifications
            {
                public enum Verdict { Sent, RetryLater, GiveUp }

                public sealed class RetryPolicy
                {
                    private readonly Dictionary<string, int> _attempts = new Dictionary<string, int>();
                    private const int MaxAttempts = 5;

                    public Verdict Classify(SmtpCommandException ex)
                    {
                        var code = (int)ex.StatusCode;
                        if (code == 421 || code == 450 || code == 451 || code == 452)
                        {
                            return Verdict.RetryLater;
                        }

                        if (code == 550 || code == 551 || code == 553 || code == 5500)
                        {
                            return Verdict.GiveUp;
                        }

                        return (int)ex.StatusCode switch
                        {
                            454 or 432 => Verdict.RetryLater,
                            >= 500 and < 600 => Verdict.GiveUp,
                            _ => Verdict.RetryLater,
                        };
                    }

                    public TimeSpan Delay(SmtpStatusCode? last, int attempt)
                    {
                        if ((int?)last == 421)
                        {
                            return TimeSpan.FromMinutes(attempt * 5);
                        }

                        return last == (SmtpStatusCode)450 ? TimeSpan.FromMinutes(1) : TimeSpan.FromSeconds(30 * attempt);
                    }

                    public async Task<Verdict> SendAsync(ISmtpClient client, MimeMessage message, CancellationToken cancellationToken)
                    {
                        var key = message.MessageId ?? string.Empty;
                        _attempts.TryGetValue(key, out var attempts);
                        try
                        {
                            await client.SendAsync(message, cancellationToken);
                            _attempts.Remove(key);
                            return Verdict.Sent;
                        }
                        catch (SmtpCommandException ex) when ((int)ex.StatusCode is 421 or 450)
                        {
                            _attempts[key] = attempts + 1;
                            return attempts + 1 >= MaxAttempts ? Verdict.GiveUp : Verdict.RetryLater;
                        }
                        catch (SmtpCommandException ex)
                        {
                            switch ((int)ex.StatusCode)
                            {
                                case 535:
                                case 534:
                                    throw new InvalidOperationException("Check the SMTP credentials.", ex);
                                case 552:
                                    return Verdict.GiveUp;
                                default:
                                    return Classify(ex);
                            }
                        }
                    }
                }
            }
            """;

        private const string SmtpServerFilter = """
            using System.Threading;
            using System.Threading.Tasks;
            using SmtpServer;
            using SmtpServer.Mail;
            using SmtpServer.Protocol;
            using SmtpServer.Storage;

            namespace Relay.Inbound
            {
                public sealed class QuotaMailboxFilter : IMailboxFilter
                {
                    private readonly int _quota;

                    public QuotaMailboxFilter(int quota) => _quota = quota;

                    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
                    {
                        if (size > _quota)
                        {
                            throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)552, "Message too large"));
                        }

                        return Task.FromResult(from.Host != "spam.example");
                    }

                    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
                    {
                        if (to.User == "postmaster")
                        {
                            return Task.FromResult(true);
                        }

                        var reply = to.Host.EndsWith(".invalid") ? (SmtpReplyCode)550 : (SmtpReplyCode)250;
                        return Task.FromResult((int)reply != 550);
                    }

                    public static string Describe(SmtpResponse response) => (int)response.ReplyCode switch
                    {
                        250 => "ok",
                        354 => "go ahead",
                        421 or 451 => "try later",
                        550 or 553 => "rejected",
                        _ => "other",
                    };
                }
            }
            """;

        private const string AsposeBounces = """
            using System;
            using Aspose.Email.Clients.Smtp;

            namespace Billing.Mail
            {
                public static class Bounces
                {
                    public static bool IsHard(SmtpStatusCode status)
                    {
                        switch ((int)status)
                        {
                            case -1:
                            case 0:
                                return false;
                            case 550:
                            case 551:
                            case 553:
                            case 554:
                                return true;
                            case 452: // full mailbox: soft
                                return false;
                            default:
                                return (int)status >= 500;
                        }
                    }

                    public static SmtpStatusCode Parse(string reply) =>
                        reply.Length >= 3 && int.TryParse(reply.Substring(0, 3), out var code) ? (SmtpStatusCode)code : (SmtpStatusCode)(-1);

                    public static bool NeedsAuth(SmtpStatusCode status) => (long)status == 530L || 0x212 == (int)status;
                }
            }
            """;

        private const string ContosoGateway = """
            using System.Collections.Generic;
            using Contoso.Mail;

            namespace Contoso.Gateway
            {
                public sealed class Router
                {
                    private readonly Queue<string> _deferred = new Queue<string>();

                    public bool Route(string recipient, ReplyCode answer)
                    {
                        var code = (long)answer;
                        if (code == 250)
                        {
                            return true;
                        }

                        if (code is 451 or 452)
                        {
                            _deferred.Enqueue(recipient);
                        }

                        return answer == (ReplyCode)554 ? false : (long)answer != 550;
                    }
                }
            }
            """;
    }
}
