using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SmtpCodes.Analyzers.Knowledge;
using Xunit;

namespace SmtpCodes.Analyzers.Tests.Knowledge
{
    /// <summary>
    /// What a branch does with a failure, read the way mail code is written: outbox workers that mark a message pending,
    /// classifiers named <c>IsTransient</c>, send loops that sleep and go round again, catch blocks that wrap the caught
    /// exception. Each case is written here in our own words after shapes seen in public senders and queues.
    /// </summary>
    public class BranchIntentTests
    {
        [Theory]
        [InlineData("RetryLater", "Retry")]
        [InlineData("TryAgainLater", "Retry")]
        [InlineData("Pending", "Retry")]
        [InlineData("Deferred", "Retry")]
        [InlineData("TransientFailure", "Retry")]
        [InlineData("TEMPORARY_ERROR", "Retry")]
        [InlineData("FailedTemporarily", "Retry")]
        [InlineData("SoftBounce", "Retry")]
        [InlineData("ScheduleRetry", "Retry")]
        [InlineData("Requeue", "Retry")]
        [InlineData("Bounced", "GiveUp")]
        [InlineData("HardBounce", "GiveUp")]
        [InlineData("PermanentFailure", "GiveUp")]
        [InlineData("Rejected", "GiveUp")]
        [InlineData("Failed", "GiveUp")]
        [InlineData("MarkAsFailed", "GiveUp")]
        [InlineData("MoveToDeadLetter", "GiveUp")]
        [InlineData("GiveUp", "GiveUp")]
        [InlineData("NoRetry", "GiveUp")]
        [InlineData("NonRetryable", "GiveUp")]
        [InlineData("DoNotRetry", "GiveUp")]
        [InlineData("NotTransient", "GiveUp")]
        [InlineData("RetryCount", "Unknown")]
        [InlineData("MaxRetries", "Unknown")]
        [InlineData("RetryPolicy", "Unknown")]
        [InlineData("FailedAttempts", "Unknown")]
        [InlineData("PermanentlyDeleted", "Unknown")]
        [InlineData("NotPermanent", "Unknown")]
        [InlineData("Failure", "Unknown")]
        [InlineData("Sent", "Unknown")]
        [InlineData("RetryOrBounce", "Unknown")]
        public void Names_are_read_word_by_word(string name, string expected) =>
            Assert.Equal(expected, BranchIntent.OfName(name).ToString());

        [Theory]
        [InlineData("IsTransient", "Retry")]
        [InlineData("IsTransientSmtpError", "Retry")]
        [InlineData("ShouldRetry", "Retry")]
        [InlineData("ShouldRetryAsync", "Retry")]
        [InlineData("CanRetry", "Retry")]
        [InlineData("IsRetryable", "Retry")]
        [InlineData("IsTemporaryFailure", "Retry")]
        [InlineData("retry", "Retry")]
        [InlineData("ShouldHandle", "Retry")]
        [InlineData("IsPermanent", "GiveUp")]
        [InlineData("IsFatal", "GiveUp")]
        [InlineData("IsNotTransient", "GiveUp")]
        [InlineData("IsNonRetryableError", "GiveUp")]
        [InlineData("noRetry", "GiveUp")]
        [InlineData("IsHardBounce", "Narrow")]
        [InlineData("IsQuotaExceeded", "Narrow")]
        [InlineData("IsMailboxFull", "Narrow")]
        [InlineData("IsAuthenticationFailure", "Narrow")]
        [InlineData("IsSuccess", "Narrow")]
        [InlineData("TrySend", "None")]
        [InlineData("Handle", "None")]
        [InlineData("RetryCount", "None")]
        public void Bool_names_ask_a_question(string name, string expected) =>
            Assert.Equal(expected, IntentNames.QuestionOf(name).ToString());

        [Theory]
        [InlineData("static bool IsTransient(int s) => s switch { 450 => true, _ => false };", 0, "Retry")]
        [InlineData("static bool IsTransient(int s) => s switch { 450 => true, _ => false };", 1, "GiveUp")]
        [InlineData("static bool IsPermanent(int s) { return s switch { 550 => true, _ => false }; }", 0, "GiveUp")]
        [InlineData("static bool IsHardBounce(int s) => s switch { 550 => true, _ => false };", 0, "Unknown")]
        [InlineData("static void M(int s) { var retry = s switch { 450 => true, _ => false }; }", 0, "Retry")]
        [InlineData("static object M() => new O { ShouldHandle = s => s switch { 450 => true, _ => false } };", 0, "Retry")]
        [InlineData("static R M(int s) => s switch { 450 => R.RetryLater, _ => R.Bounce };", 0, "Retry")]
        [InlineData("static R M(int s) => s switch { 450 => R.RetryLater, _ => R.Bounce };", 1, "GiveUp")]
        [InlineData("static R M(int s) => s switch { 450 => R.RetryCount, _ => R.Sent };", 0, "Unknown")]
        [InlineData("static int M(int s) => s switch { 450 => s, _ => 0 };", 0, "HandOn")]
        [InlineData("static string M(int s) => s switch { 454 => \"check the SMTP settings\", _ => \"\" };", 0, "Unknown")]
        [InlineData("static R M(int s) => s switch { 450 => throw new TransientMailException(), _ => R.Sent };", 0, "Retry")]
        public void Switch_arms_are_read_from_their_result(string member, int arm, string expected)
        {
            var switchExpression = Parse(member).DescendantNodes().OfType<SwitchExpressionSyntax>().First();
            var site = IntentSite.ForValue(switchExpression, switchExpression.GoverningExpression);
            Assert.Equal(expected, BranchIntent.OfResult(switchExpression.Arms[arm].Expression, site).ToString());
        }

        [Theory]
        [InlineData("item.State = OutboxState.Pending; item.Attempts++; break;", "Retry")]
        [InlineData("item.NextAttemptAt = System.DateTime.UtcNow.AddMinutes(5); break;", "Retry")]
        [InlineData("retryQueue.Enqueue(item); break;", "Retry")]
        [InlineData("_store.SetState(item.Id, OutboxState.Deferred); break;", "Retry")]
        [InlineData("await Task.Delay(1000); await client.SendAsync(item); break;", "Retry")]
        [InlineData("_logger.LogWarning(\"bounced\"); return SendResult.Bounce;", "GiveUp")]
        [InlineData("item.Status = MessageStatus.Failed; break;", "GiveUp")]
        [InlineData("deadLetters.Add(item); break;", "GiveUp")]
        [InlineData("MarkFailed(item); return;", "GiveUp")]
        [InlineData("_logger.LogWarning(\"send failed\"); break;", "Unknown")]
        [InlineData("if (item.Attempts < 3) Requeue(item); else MarkFailed(item); break;", "Unknown")]
        [InlineData("item.RetryCount = 0; break;", "Unknown")]
        [InlineData("throw;", "HandOn")]
        [InlineData("throw new MailDeliveryException(\"send failed\", ex);", "HandOn")]
        [InlineData("throw new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, ex.StatusCode, \"no\");", "HandOn")]
        [InlineData("throw new InvalidOperationException(\"unexpected\");", "Unknown")]
        public void Switch_sections_are_read_from_what_they_do(string statements, string expected)
        {
            var member = $$"""
                async Task Deliver(Item item)
                {
                    try { await client.SendAsync(item); }
                    catch (SmtpCommandException ex)
                    {
                        switch (ex.StatusCode)
                        {
                            case SmtpStatusCode.MailboxBusy:
                                {{statements}}
                        }
                    }
                }
                """;
            var switchStatement = Parse(member).DescendantNodes().OfType<SwitchStatementSyntax>().First();
            var site = IntentSite.ForValue(switchStatement, switchStatement.Expression);
            Assert.Equal(expected, BranchIntent.Of(switchStatement.Sections[0].Statements, site).ToString());
        }

        [Fact]
        public void A_switch_on_a_local_read_from_the_caught_exception_hands_it_on_with_a_rethrow()
        {
            var member = """
                void Deliver()
                {
                    try { client.Send(message); }
                    catch (SmtpException failure)
                    {
                        var status = failure.StatusCode;
                        switch (status) { default: throw new DeliveryException("send failed", failure); }
                    }
                }
                """;
            var switchStatement = Parse(member).DescendantNodes().OfType<SwitchStatementSyntax>().First();
            var site = IntentSite.ForValue(switchStatement, switchStatement.Expression);
            Assert.Equal("failure", site.CaughtName);
            Assert.Equal(FailureIntent.HandOn, BranchIntent.Of(switchStatement.Sections[0].Statements, site));
        }

        [Theory]
        [InlineData("for (var attempt = 1; attempt <= 3; attempt++) { try { client.Send(message); return; } catch (SmtpException) { Thread.Sleep(2000 * attempt); } }", "Retry")]
        [InlineData("while (true) { try { client.Send(message); break; } catch (SmtpException) { } }", "Retry")]
        [InlineData("while (true) { try { await client.SendAsync(message); break; } catch (SmtpCommandException ex) { if (++tries > 3) throw; await Task.Delay(1000); } }", "Retry")]
        [InlineData("for (var i = 0; ; i++) { try { await client.SendAsync(message); return; } catch (SmtpCommandException) { if (i < 3) { await Task.Delay(500).ConfigureAwait(false); continue; } throw; } }", "Retry")]
        [InlineData("while (true) { try { client.Send(message); return; } catch (SmtpException) { break; } }", "GiveUp")]
        [InlineData("try { client.Send(message); } catch (SmtpCommandException ex) { _logger.LogWarning(ex, \"send failed\"); item.State = OutboxState.Pending; item.Attempts++; }", "Retry")]
        [InlineData("try { client.Send(message); } catch (SmtpException) { return SendResult.RetryLater; }", "Retry")]
        [InlineData("try { client.Send(message); } catch (SmtpException ex) { _logger.LogError(ex, \"send failed\"); }", "Unknown")]
        [InlineData("foreach (var recipient in recipients) { try { client.Send(Build(recipient)); } catch (SmtpException ex) { _logger.LogError(ex, \"skipped\"); } }", "Unknown")]
        [InlineData("for (var i = 0; i < messages.Count; i++) { try { client.Send(messages[i]); } catch (SmtpException) { } }", "Unknown")]
        [InlineData("try { client.Send(message); } catch (SmtpException ex) { throw new MailDeliveryException(\"send failed\", ex); }", "HandOn")]
        [InlineData("try { client.Send(message); } catch (SmtpException) { throw; }", "HandOn")]
        [InlineData("try { client.Send(message); } catch (SmtpException) { return false; }", "Unknown")]
        public void Catch_blocks_are_read_from_what_they_do(string body, string expected)
        {
            var catchClause = Parse("async Task<bool> Deliver() { " + body + " return true; }").DescendantNodes().OfType<CatchClauseSyntax>().First();
            Assert.Equal(expected, BranchIntent.Of(catchClause.Block.Statements, IntentSite.ForCatch(catchClause)).ToString());
        }

        [Fact]
        public void A_bool_returned_from_a_retry_question_in_a_catch_is_its_answer()
        {
            var catchClause = Parse("bool ShouldRetry() { try { client.Send(message); return false; } catch (SmtpException) { return true; } }")
                .DescendantNodes().OfType<CatchClauseSyntax>().First();
            Assert.Equal(FailureIntent.Retry, BranchIntent.Of(catchClause.Block.Statements, IntentSite.ForCatch(catchClause)));
        }

        [Theory]
        [InlineData("_ => Permanent", "_ => Permanent")]
        [InlineData("_ =>\n        SendResult.Permanent", "_ => SendResult.Permanent")]
        public void Branches_are_described_on_one_line(string arm, string expected)
        {
            var switchExpression = Parse("static R M(int s) => s switch { " + arm + " };").DescendantNodes().OfType<SwitchExpressionSyntax>().First();
            Assert.Equal(expected, BranchIntent.Describe(switchExpression.Arms[0]));
        }

        [Fact]
        public void Long_branches_are_shortened()
        {
            var switchStatement = Parse("void M(int s) { switch (s) { default: _logger.LogWarning(\"a very long message that goes on and on and on\"); break; } }")
                .DescendantNodes().OfType<SwitchStatementSyntax>().First();
            var described = BranchIntent.Describe(switchStatement.Sections[0]);
            Assert.EndsWith("…", described);
            Assert.StartsWith("default: _logger.LogWarning(", described);
        }

        private static Microsoft.CodeAnalysis.SyntaxNode Parse(string member) =>
            CSharpSyntaxTree.ParseText("class C { " + member + " }").GetRoot();
    }
}
