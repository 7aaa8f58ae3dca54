using System.Linq;
using System.Threading.Tasks;
using SmtpCodes.Analyzers.Rules;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using SmtpCodes.Analyzers.Tests.Robustness.Sources;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MagicSmtpCodeAnalyzer, SmtpCodes.Analyzers.Rules.MagicSmtpCodeFixer>;

namespace SmtpCodes.Analyzers.Tests.Robustness
{
    /// <summary>The inputs on which the robustness suite found a fault, kept as ordinary fix tests.</summary>
    public class RobustnessRegressionTests
    {
        /// <summary>
        /// Found by Fix_All_equals_fixing_one_at_a_time: Fix All replaced two numbers of one <c>is</c> pattern on a
        /// local at once, and the simplifier left the first qualified (<c>(long)Contoso.Mail.ReplyCode.Greylisted</c>)
        /// where one fix at a time wrote <c>(long)ReplyCode.Greylisted</c>.
        /// </summary>
        [Fact]
        public Task Fix_All_in_one_pattern_writes_every_member_as_short_as_one_fix_does()
        {
            var test = Verify.Create(
                """
                using Contoso.Mail;

                namespace Contoso.Gateway
                {
                    class Router
                    {
                        bool Defer(ReplyCode answer)
                        {
                            var code = (long)answer;
                            return code is {|SMTP001:451|} or {|SMTP001:452|};
                        }
                    }
                }
                """,
                """
                using Contoso.Mail;

                namespace Contoso.Gateway
                {
                    class Router
                    {
                        bool Defer(ReplyCode answer)
                        {
                            var code = (long)answer;
                            return code is (long)ReplyCode.Greylisted or (long)ReplyCode.TryLater;
                        }
                    }
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            return test.RunAsync();
        }

        /// <summary>
        /// Found by Fix_All_equals_fixing_one_at_a_time: Fix All with an alias's fix ("Use 'ReplyCode.Ok'") also rewrote
        /// numbers that have no such alias (550 became ReplyCode.NoSuchUser), which no single fix with that key does.
        /// </summary>
        [Fact]
        public async Task Fix_All_with_an_alias_fixes_only_the_values_that_have_that_name()
        {
            var source = SourceCase.ForUserCode("alias", ("Handler.cs", """
                using Contoso.Mail;

                class Handler
                {
                    bool Gone(ReplyCode code) => (long)code == 550;
                    bool Accepted(ReplyCode code) => (long)code == 250;
                    ReplyCode Ok() => (ReplyCode)250;
                }
                """));
            using var bench = await FixWorkbench.CreateAsync(source);
            var (_, run) = await bench.AnalyzeAsync(bench.Original);
            var fixable = bench.Fixable(bench.Original, run);
            Assert.Equal(3, fixable.Length);

            var fixer = SmtpCodesComponents.Fixers.OfType<MagicSmtpCodeFixer>().Single();
            var fixedSolution = await bench.FixAllAsync(bench.Original, fixer, "SMTP001", FixKinds.MagicCodeToAlias("Ok"), fixable);

            Assert.NotNull(fixedSolution);
            Assert.Empty(await bench.CheckAsync(bench.Original, fixedSolution!));
            Assert.Equal(
                """
                // Handler.cs
                using Contoso.Mail;

                class Handler
                {
                    bool Gone(ReplyCode code) => (long)code == 550;
                    bool Accepted(ReplyCode code) => code == ReplyCode.Ok;
                    ReplyCode Ok() => ReplyCode.Ok;
                }

                """,
                await bench.TextOfUserDocumentsAsync(fixedSolution!));
        }

        /// <summary>
        /// Found by HostileInputTests.Unicode_identifiers_and_keywords_as_names: a member named with a keyword
        /// (<c>@class = 421</c>) was written as an identifier whose value is "@class", which binds to nothing (CS0117).
        /// </summary>
        [Fact]
        public Task A_member_named_with_a_keyword_is_written_verbatim()
        {
            var test = Verify.Create(
                """
                using Contoso.Mail;

                class Handler
                {
                    bool Closing(Codes code) => (int)code == {|SMTP001:421|};
                    Codes Busy() => (Codes){|SMTP001:450|};
                }
                """,
                """
                using Contoso.Mail;

                class Handler
                {
                    bool Closing(Codes code) => code == Codes.@class;
                    Codes Busy() => Codes.@_;
                }
                """);
            test.AddSource("Codes.cs", """
                namespace Contoso.Mail
                {
                    public enum Codes
                    {
                        @class = 421,
                        _ = 450,
                    }
                }
                """);
            test.AddEditorConfig("smtp_codes.status_enum_types = Contoso.Mail.Codes");
            return test.RunAsync();
        }

        /// <summary>
        /// Guards the change that writes minimal names without the simplifier: where the file does not import the enum's
        /// namespace, the number that keeps its integral type still gets the <c>using</c> and the short name.
        /// </summary>
        [Fact]
        public Task A_kept_integral_value_in_a_file_without_the_using_gets_it()
        {
            return Verify.VerifyCodeFixAsync(
                """
                class Handler
                {
                    bool Gone(System.Net.Mail.SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        return code == {|SMTP001:550|};
                    }
                }
                """,
                """
                using System.Net.Mail;

                class Handler
                {
                    bool Gone(System.Net.Mail.SmtpException ex)
                    {
                        var code = (int)ex.StatusCode;
                        return code == (int)SmtpStatusCode.MailboxUnavailable;
                    }
                }
                """);
        }
    }
}
