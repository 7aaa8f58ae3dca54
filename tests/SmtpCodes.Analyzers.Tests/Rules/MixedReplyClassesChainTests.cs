using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MixedReplyClassesAnalyzer, SmtpCodes.Analyzers.Rules.MixedReplyClassesFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>SMTP005 on the chains beside <c>||</c>: the non-short-circuit <c>|</c>, and <c>!=</c> tests joined by <c>&amp;&amp;</c> or <c>&amp;</c>, whose else branch takes both codes.</summary>
    public class MixedReplyClassesChainTests
    {
        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_enum_or_and_negated_chains_that_mix_classes_are_reported(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var busy = $"{kind.TypeName}.{kind.ServiceNotAvailable}";
            var gone = $"{kind.TypeName}.{kind.MailboxUnavailable}";
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Bitwise({{kind.TypeName}} status) => (status == {{busy}}) | (status == {|SMTP005:{{gone}}|});

                    bool Negated({{kind.TypeName}} status) => status != {{busy}} && status != {|SMTP005:{{gone}}|};

                    bool NegatedBitwise({{kind.TypeName}} status) => (status != {{busy}}) & ({|SMTP005:{{gone}}|} != status);

                    bool Converted({{kind.TypeName}} status) => (int)status != 421 && (int)status != {|SMTP005:550|};
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task The_retry_sample_written_with_a_single_bar_is_reported()
        {
            var source = """
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void Send(SmtpClient client, MailMessage message, SmtpFailedRecipientException ex)
                    {
                        var status = ex.StatusCode;
                        if ((status == SmtpStatusCode.MailboxBusy) | (status == {|SMTP005:SmtpStatusCode.MailboxUnavailable|}))
                        {
                            Thread.Sleep(5000);
                            client.Send(message);
                        }
                    }

                    void Bounce(SmtpStatusCode status)
                    {
                        if (status != SmtpStatusCode.MailboxBusy && status != {|SMTP005:SmtpStatusCode.TransactionFailed|})
                        {
                            return;
                        }

                        // 450 and 554 both arrive here.
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Chains_of_one_class_other_operators_or_other_values_are_not_reported()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool OneClass(SmtpStatusCode status) => status != SmtpStatusCode.MailboxBusy && status != SmtpStatusCode.InsufficientStorage;

                    bool OneClassBitwise(SmtpStatusCode status) => (status == SmtpStatusCode.MailboxUnavailable) | (status == SmtpStatusCode.TransactionFailed);

                    // Always true: not a branch that takes both codes.
                    bool NotEqualsJoinedByOr(SmtpStatusCode status) => status != SmtpStatusCode.MailboxBusy || status != SmtpStatusCode.MailboxUnavailable;

                    // Never true.
                    bool EqualsJoinedByAnd(SmtpStatusCode status) => status == SmtpStatusCode.MailboxBusy && status == SmtpStatusCode.MailboxUnavailable;

                    bool MixedOperators(SmtpStatusCode status) => status == SmtpStatusCode.MailboxBusy & status != SmtpStatusCode.MailboxUnavailable;

                    bool DifferentValues(SmtpStatusCode a, SmtpStatusCode b) => a != SmtpStatusCode.MailboxBusy && b != SmtpStatusCode.MailboxUnavailable;

                    int Flags(int a, int b) => (a | b) & 550;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }
    }
}
