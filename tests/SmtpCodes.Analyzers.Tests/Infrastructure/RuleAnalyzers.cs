using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Rules;

// RS1001: these views are instantiated by the tests only; no host loads them, so they carry no [DiagnosticAnalyzer].
#pragma warning disable RS1001
namespace SmtpCodes.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The package's one analyzer, <see cref="SmtpCodesAnalyzer"/>, with one rule's callbacks only, so a rule's tests
    /// see that rule's diagnostics and no other's: the same start, gate, walk and per-file switch-off as in a build.
    /// What the whole analyzer reports is the union of these (<c>MergedAnalyzerTests</c>).
    /// </summary>
    public abstract class RuleAnalyzer : DiagnosticAnalyzer
    {
        private readonly SmtpCodesAnalyzer _analyzer;

        private protected RuleAnalyzer(StatusRule rule) => _analyzer = new SmtpCodesAnalyzer(rule);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _analyzer.SupportedDiagnostics;

        // SmtpCodesAnalyzer.Initialize enables concurrent execution and configures generated code itself.
#pragma warning disable RS1025, RS1026
        public override void Initialize(AnalysisContext context) => _analyzer.Initialize(context);
#pragma warning restore RS1025, RS1026
    }

    /// <summary>SMTP001 and SMTP004.</summary>
    public sealed class MagicSmtpCodeAnalyzer : RuleAnalyzer
    {
        public MagicSmtpCodeAnalyzer()
            : base(new MagicSmtpCodeRule())
        {
        }
    }

    /// <summary>SMTP002 and SMTP003.</summary>
    public sealed class SwitchCompletenessAnalyzer : RuleAnalyzer
    {
        public SwitchCompletenessAnalyzer()
            : base(new SwitchCompletenessRule())
        {
        }
    }

    /// <summary>SMTP005, and SMTP007 and SMTP008 for named members.</summary>
    public sealed class MixedReplyClassesAnalyzer : RuleAnalyzer
    {
        public MixedReplyClassesAnalyzer()
            : base(new MixedReplyClassesRule())
        {
        }
    }

    /// <summary>SMTP006.</summary>
    public sealed class StatusFromMessageAnalyzer : RuleAnalyzer
    {
        public StatusFromMessageAnalyzer()
            : base(new StatusFromMessageRule())
        {
        }
    }

    /// <summary>SMTP007 for catch clauses and Polly policies.</summary>
    public sealed class RetryWithoutStatusAnalyzer : RuleAnalyzer
    {
        public RetryWithoutStatusAnalyzer()
            : base(new RetryWithoutStatusRule())
        {
        }
    }
}
