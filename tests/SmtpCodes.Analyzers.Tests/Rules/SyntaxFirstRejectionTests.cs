using System.Threading.Tasks;
using Magic = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, SmtpCodes.Analyzers.Rules.MagicSmtpCodeFixer>;
using Mixed = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MixedReplyClassesAnalyzer, SmtpCodes.Analyzers.Rules.MixedReplyClassesFixer>;
using Message = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.StatusFromMessageAnalyzer, SmtpCodes.Analyzers.Rules.StatusFromMessageFixer>;
using Switch = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.SwitchCompletenessAnalyzer, SmtpCodes.Analyzers.Rules.SwitchCompletenessFixer>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// The rules reject most comparisons, casts and chains from their syntax before they ask for a type, a constant or a
    /// symbol (<c>Knowledge/SyntaxHints</c>). These are the spellings at the edge of each syntactic test (parentheses,
    /// <c>!</c>, <c>checked</c>, a sign, nested chains, parenthesised patterns, <c>is</c> parsed as a type test, locals
    /// of other blocks and switch sections, code outside a method body): each is still reported, once, where it was
    /// before, and the ordinary code beside it is not.
    /// </summary>
    public class SyntaxFirstRejectionTests
    {
        [Fact]
        public Task Magic_codes_behind_parentheses_checked_and_suppression_are_reported()
        {
            var source = """
                #nullable enable
                using System.Net.Mail;

                class Handler
                {
                    static readonly SmtpStatusCode Bounce = (SmtpStatusCode){|SMTP001:550|};
                    static readonly SmtpStatusCode? Widened = (SmtpStatusCode){|SMTP001:550|};
                    object Boxed() => (SmtpStatusCode){|SMTP001:421|};
                    SmtpStatusCode Parenthesized() => (SmtpStatusCode)({|SMTP001:550|});
                    SmtpStatusCode? Nullable() => (SmtpStatusCode?){|SMTP001:450|};
                    bool Left(SmtpException ex) => ((int)ex.StatusCode) == {|SMTP001:550|};
                    bool Right(SmtpException ex) => ({|SMTP001:550|}) != (int)(ex.StatusCode);
                    bool Checked(SmtpException ex) => checked((int)ex.StatusCode) == {|SMTP001:451|};
                    bool Suppressed(SmtpException ex) => ((int)ex.StatusCode)! == {|SMTP001:451|};
                    bool Local(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        return (code) == {|SMTP001:550|} || code! == {|SMTP001:450|};
                    }
                    string Arms(SmtpException ex) => ((int)ex.StatusCode) switch { {|SMTP001:550|} => "gone", _ => "other" };
                    bool Pattern(SmtpException ex) => (int)ex.StatusCode is ({|SMTP001:550|} or {|SMTP001:553|});

                    // Ordinary numbers beside them: not SMTP codes.
                    bool Count(int count) => count == 550 || (count) != 0;
                    int Sum(int sum) => sum switch { < 0 => 0, 550 => 1, _ => sum };
                    decimal Money(int amount) => (decimal)550 + amount;
                }
                """;
            return Magic.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_status_local_is_found_from_a_lambda_a_switch_section_and_a_nested_block()
        {
            // The syntax check looks for the local's declaration in the blocks, switch sections and headers around the
            // name: each place a local can be declared and then read from.
            var source = """
                using System;
                using System.Net.Mail;

                class Handler
                {
                    Func<bool> Later(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        return () => code == {|SMTP001:550|};
                    }

                    bool Section(SmtpException ex, int kind)
                    {
                        switch (kind)
                        {
                            case 1:
                                var code = (int)ex.StatusCode;
                                if (code is {|SMTP001:450|})
                                {
                                    return true;
                                }

                                break;
                        }

                        return false;
                    }

                    bool Nested(SmtpException ex)
                    {
                        label:
                        var code = checked((int)ex.StatusCode);
                        {
                            {
                                return code != {|SMTP001:421|};
                            }
                        }
                    }

                    bool OtherSection(SmtpException ex, int kind)
                    {
                        switch (kind)
                        {
                            case 1:
                                var code = (int)ex.StatusCode;
                                break;
                            case 2:
                                code = (int)ex.StatusCode;
                                return checked(code) == {|SMTP001:550|};
                        }

                        return false;
                    }

                    // The same name elsewhere, declared otherwise: an ordinary number.
                    bool Other(int code) => code == 550;

                    bool Deconstructed((int Code, string Text) reply)
                    {
                        var (code, _) = reply;
                        return code == 550;
                    }
                }
                """;
            return Magic.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Chains_in_parentheses_and_parenthesised_patterns_are_reported_once()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Nested(SmtpStatusCode s) =>
                        ((s == SmtpStatusCode.MailboxBusy) || (s == SmtpStatusCode.ServiceNotAvailable)) || s == {|SMTP005:SmtpStatusCode.MailboxUnavailable|};

                    bool NegatedNested(SmtpStatusCode s) =>
                        (s != SmtpStatusCode.MailboxBusy & (s != {|SMTP005:SmtpStatusCode.TransactionFailed|}));

                    bool Pattern(SmtpStatusCode s) => s is (SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|});

                    string Switched(SmtpStatusCode s) => (s) switch
                    {
                        SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|} => "retry",
                        _ => "other",
                    };

                    // `is` with a member is parsed as a type test and bound as a constant pattern.
                    bool TypeTests(SmtpStatusCode s) => s is SmtpStatusCode.MailboxBusy || s is {|SMTP005:SmtpStatusCode.MailboxUnavailable|};

                    // A chain inside another operator is a chain of its own; chains of other tests are not looked at.
                    bool Inner(SmtpStatusCode s, bool force) => force && (s == SmtpStatusCode.MailboxBusy || s == {|SMTP005:SmtpStatusCode.MailboxUnavailable|});
                    bool Ordinary(int sum, string name) => sum > 0 && name != null || sum == 550 || name is "a" or "b";
                }
                """;
            return Mixed.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Text_tests_with_parentheses_are_reported_and_comparisons_with_other_literals_are_not()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Parenthesized(SmtpException ex) => {|SMTP006:("550") == (ex.Message)|};
                    bool Negated(SmtpException ex) => !({|SMTP006:ex.Message != "450"|});
                    bool Null(SmtpException ex) => ex.Message == null || (ex.Message) != (null);
                }
                """;
            return Message.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_switch_on_a_parenthesised_status_or_an_expression_of_one_is_reported()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    static SmtpStatusCode Of(SmtpException ex) => ex.StatusCode;

                    string Parenthesized(SmtpException ex)
                    {
                        {|SMTP002:{|SMTP003:switch|}|} ((ex.StatusCode))
                        {
                            case SmtpStatusCode.Ok:
                                return "sent";
                            default:
                                return "failed";
                        }
                    }

                    string Call(SmtpException ex) => Of(ex) {|SMTP002:{|SMTP003:switch|}|}
                    {
                        SmtpStatusCode.Ok => "sent",
                        _ => "failed",
                    };

                    // The compiler converts a zero of any numeric type to an enum: 0.0 does not show the value is no status.
                    string Zero(SmtpStatusCode status) => status {|SMTP002:{|SMTP003:switch|}|}
                    {
                        0.0 => "none",
                        SmtpStatusCode.Ok => "sent",
                        _ => "failed",
                    };

                    string Ordinary(int sum) => sum switch { < 0 => "negative", _ => "other" };
                }
                """;
            return Switch.VerifyAnalyzerAsync(source);
        }
    }
}
