using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SmtpCodes.Analyzers.Tests.Infrastructure;
using Verify = SmtpCodes.Analyzers.Tests.Infrastructure.Verifier<SmtpCodes.Analyzers.Tests.Infrastructure.MixedReplyClassesAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace SmtpCodes.Analyzers.Tests.Rules
{
    public class MixedReplyClassesAnalyzerTests
    {
        [Theory]
        [MemberData(nameof(StatusEnumKind.Names), MemberType = typeof(StatusEnumKind))]
        public Task Every_branch_shape_that_mixes_transient_and_permanent_reports(string enumName)
        {
            var kind = StatusEnumKind.Named(enumName);
            var busy = kind.TypeName + "." + kind.ServiceNotAvailable;
            var gone = kind.TypeName + "." + kind.MailboxUnavailable;
            var source = $$"""
                using {{kind.Namespace}};

                class Handler
                {
                    bool Section({{kind.TypeName}} status)
                    {
                        switch (status)
                        {
                            case {{busy}}:
                            case {|SMTP005:{{gone}}|}:
                                return true;
                            default:
                                return false;
                        }
                    }

                    bool OrLabel({{kind.TypeName}} status)
                    {
                        switch (status)
                        {
                            case {{busy}} or {|SMTP005:{{gone}}|}:
                                return true;
                        }

                        return false;
                    }

                    bool Arm({{kind.TypeName}} status) => status switch
                    {
                        {{busy}} or {|SMTP005:{{gone}}|} => true,
                        _ => false,
                    };

                    bool Pattern({{kind.TypeName}} status) => status is {{busy}} or {|SMTP005:{{gone}}|};

                    bool Chain({{kind.TypeName}} status) => status == {{busy}} || status == {|SMTP005:{{gone}}|};

                    bool ChainOfPatterns({{kind.TypeName}} status) => status is {{busy}} || {|SMTP005:{{gone}}|} == status;

                    bool Converted({{kind.TypeName}} status)
                    {
                        switch ((int)status)
                        {
                            case 421:
                            case {|SMTP005:550|}:
                                return true;
                        }

                        return false;
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, LanguageVersion.Latest, kind);
        }

        [Fact]
        public Task The_RetryIfBusy_sample_reports_on_550()
        {
            // The System.Net.Mail documentation's RetryIfBusy sample, as copied into many code bases.
            var source = """
                using System;
                using System.Net.Mail;
                using System.Threading;

                class Sender
                {
                    void RetryIfBusy(SmtpClient client, MailMessage message)
                    {
                        try
                        {
                            client.Send(message);
                        }
                        catch (SmtpFailedRecipientsException ex)
                        {
                            for (int i = 0; i < ex.InnerExceptions.Length; i++)
                            {
                                SmtpStatusCode status = ex.InnerExceptions[i].StatusCode;
                                if (status == SmtpStatusCode.MailboxBusy ||
                                    status == {|SMTP005:SmtpStatusCode.MailboxUnavailable|})
                                {
                                    Console.WriteLine("Delivery failed - retrying in 5 seconds.");
                                    Thread.Sleep(5000);
                                    client.Send(message);
                                }
                            }
                        }
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Message_names_one_transient_and_one_permanent_member()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Matches(SmtpException ex) => ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == SmtpStatusCode.MailboxUnavailable;
                }
                """;
            return Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("SMTP005").WithSpan(5, 103, 5, 136)
                    .WithArguments("The transient 'SmtpStatusCode.MailboxBusy' and the permanent 'SmtpStatusCode.MailboxUnavailable' are handled by the same branch")
                    .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public Task Chains_compare_the_same_member_access_or_symbol()
        {
            var source = """
                using MailKit.Net.Smtp;

                class Handler
                {
                    SmtpStatusCode _last;

                    bool SameMember(SmtpCommandException ex) =>
                        ex.StatusCode == SmtpStatusCode.MailboxBusy || ex.StatusCode == {|SMTP005:SmtpStatusCode.TransactionFailed|};

                    bool SameField() => _last == SmtpStatusCode.ErrorInProcessing || this._last is {|SMTP005:SmtpStatusCode.MailboxUnavailable|};

                    bool Converted(SmtpCommandException ex) => (int)ex.StatusCode == 450 || (int)ex.StatusCode == {|SMTP005:550|};

                    bool DifferentExceptions(SmtpCommandException a, SmtpCommandException b) =>
                        a.StatusCode == SmtpStatusCode.MailboxBusy || b.StatusCode == SmtpStatusCode.MailboxUnavailable;

                    bool DifferentValues(SmtpStatusCode a, SmtpStatusCode b) =>
                        a == SmtpStatusCode.MailboxBusy || b == SmtpStatusCode.MailboxUnavailable;

                    bool PatternThatMixesByItself(SmtpStatusCode a) =>
                        a is SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|} || a == SmtpStatusCode.TransactionFailed;

                    bool AndInside(SmtpStatusCode a, bool retry) =>
                        a == SmtpStatusCode.MailboxBusy || (retry && a == SmtpStatusCode.MailboxUnavailable);
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_nullable_status_reports()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Chain(SmtpStatusCode? status) => status == SmtpStatusCode.MailboxBusy || status == {|SMTP005:SmtpStatusCode.MailboxUnavailable|};

                    string Arm(SmtpStatusCode? status) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or {|SMTP005:SmtpStatusCode.MailboxUnavailable|} => "retry",
                        null => "none",
                        _ => "other",
                    };
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_users_enum_from_the_option_reports()
        {
            var test = Verify.Create("""
                using Contoso.Mail;

                class Handler
                {
                    bool Retry(ReplyCode code) => code is ReplyCode.Greylisted or {|SMTP005:ReplyCode.NoSuchUser|};
                }
                """);
            test.AddSource("ReplyCode.cs", StatusEnumSources.Contoso);
            test.AddEditorConfig(StatusEnumSources.ContosoOptions);
            return test.RunAsync();
        }

        [Fact]
        public Task A_branch_mixing_a_positive_with_a_permanent_code_stays_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Done(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.Ok:
                            case SmtpStatusCode.MailboxUnavailable:
                                return true;
                        }

                        return status is SmtpStatusCode.UserNotLocalWillForward or SmtpStatusCode.TransactionFailed
                            || status == SmtpStatusCode.Ok || status == SmtpStatusCode.MailboxNameNotAllowed;
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task A_branch_of_one_class_stays_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    string Classify(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.ServiceNotAvailable:
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.LocalErrorInProcessing:
                                return "retry";
                            case SmtpStatusCode.MailboxUnavailable:
                            case SmtpStatusCode.MailboxNameNotAllowed:
                                return "bounce";
                        }

                        return status switch
                        {
                            SmtpStatusCode.MailboxBusy or SmtpStatusCode.InsufficientStorage => "retry",
                            SmtpStatusCode.TransactionFailed or SmtpStatusCode.MailboxUnavailable => "bounce",
                            _ => "other",
                        };
                    }

                    bool Range(SmtpStatusCode status) => status is >= SmtpStatusCode.ServiceNotAvailable and < SmtpStatusCode.CommandUnrecognized;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Ftp_and_http_statuses_stay_silent()
        {
            // FtpStatusCode has 450 and 550 too, HttpStatusCode 4xx and 5xx: neither is an SMTP status enum.
            var source = """
                using System.Net;
                using System.Net.Http;
                using System.Net.Mail;

                class Handler
                {
                    SmtpStatusCode _unused;

                    bool Ftp(FtpWebResponse response)
                    {
                        switch (response.StatusCode)
                        {
                            case FtpStatusCode.ActionNotTakenFileUnavailableOrBusy:
                            case FtpStatusCode.ActionNotTakenFileUnavailable:
                                return true;
                        }

                        return response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailableOrBusy
                            || response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable;
                    }

                    bool Http(HttpResponseMessage response) =>
                        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                        || (int)response.StatusCode == 429 || (int)response.StatusCode == 503;
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public Task Guarded_branches_and_codes_an_earlier_branch_takes_stay_silent()
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    string Guarded(SmtpStatusCode status, int attempt) => status switch
                    {
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.MailboxUnavailable when attempt < 3 => "retry",
                        _ => "give up",
                    };

                    string TakenByARange(SmtpStatusCode status) => status switch
                    {
                        >= SmtpStatusCode.CommandUnrecognized => "bounce",
                        SmtpStatusCode.MailboxBusy or SmtpStatusCode.MailboxUnavailable => "retry",
                        _ => "other",
                    };

                    string TakenByAConstant(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxUnavailable:
                                return "bounce";
                            case SmtpStatusCode.MailboxBusy or SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.ServiceNotAvailable:
                                return "retry";
                            case SmtpStatusCode.InsufficientStorage:
                            case SmtpStatusCode.MailboxNameNotAllowed when status != SmtpStatusCode.Ok:
                                return "guarded";
                        }

                        return "other";
                    }

                    bool Negated(SmtpStatusCode status) => status is not (SmtpStatusCode.MailboxBusy or SmtpStatusCode.MailboxUnavailable);
                }
                """;
            return Verify.VerifyAnalyzerAsync(source);
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public Task Case_labels_report_in_every_language_version(LanguageVersion version)
        {
            var source = """
                using System.Net.Mail;

                class Handler
                {
                    bool Retry(SmtpException ex)
                    {
                        switch (ex.StatusCode)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case {|SMTP005:SmtpStatusCode.MailboxUnavailable|}:
                            case SmtpStatusCode.TransactionFailed:
                                return true;
                        }

                        return ex.StatusCode == SmtpStatusCode.InsufficientStorage || ex.StatusCode == {|SMTP005:SmtpStatusCode.ExceededStorageAllocation|};
                    }
                }
                """;
            return Verify.VerifyAnalyzerAsync(source, version, null);
        }

        [Fact]
        public Task Half_typed_code_does_not_throw()
        {
            var test = Verify.Create("""
                using System.Net.Mail;

                class Handler
                {
                    bool Retry(SmtpStatusCode status)
                    {
                        switch (status)
                        {
                            case SmtpStatusCode.MailboxBusy:
                            case SmtpStatusCode.{|CS0117:Missing|}:
                            case {|SMTP005:SmtpStatusCode.MailboxUnavailable|}:
                                return true;
                        }

                        return status == SmtpStatusCode.MailboxBusy || status == {|CS0103:unknown|} || status is {|CS0103:other|} or {|SMTP005:SmtpStatusCode.MailboxUnavailable|};
                    }
                }
                """);
            return test.RunAsync();
        }
    }
}
