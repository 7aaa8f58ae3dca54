using System.Threading.Tasks;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    /// <summary>
    /// Context 4: a local that holds <c>(int)ex.StatusCode</c> stays a status when it is only read — logged, passed by
    /// value or <c>in</c> — and becomes an ordinary number when something writes it.
    /// </summary>
    public class MagicSmtpCodeLocalTests
    {
        [Fact]
        public Task A_local_passed_by_value_or_in_is_still_a_status()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    static void Log(int value) { }

                    static void Peek(in int value) { }

                    bool Logged(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        Log(code);
                        return code == {|SMTP001:550|};
                    }

                    bool PassedIn(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        Peek(in code);
                        var pair = (code, 1);
                        var negative = -code;
                        return code == {|SMTP001:450|};
                    }

                    bool Reassigned(SmtpException ex, SmtpException retry)
                    {
                        var code = (int)ex.StatusCode;
                        code = (int)retry.StatusCode;
                        return code == {|SMTP001:550|};
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_local_that_is_written_is_an_ordinary_number()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    static void Bump(ref int value) => value++;

                    static bool TryRead(out int value) { value = 0; return true; }

                    bool ByRef(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        Bump(ref code);
                        return code == 550;
                    }

                    bool ByOut(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        TryRead(out code);
                        return code == 550;
                    }

                    bool Incremented(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        code++;
                        return code == 550;
                    }

                    bool Compound(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        code += 100;
                        return code == 550;
                    }

                    bool Deconstructed(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        int other;
                        (code, other) = (550, 1);
                        return code == 550;
                    }

                    bool AssignedANumber(SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        code = 550;
                        return code == 550;
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }
    }
}
