using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;
using SmtpCodes.Analyzers.Rules;

namespace SmtpCodes.Analyzers
{
    /// <summary>
    /// The package's one analyzer for SMTP001–SMTP008. Each rule is a <see cref="StatusRule"/>; this class starts them
    /// once per compilation with one status-enum catalog and one exception catalog, and registers a single syntax-node
    /// action for the union of the kinds they ask for. The driver then walks each body once and calls one analyzer per
    /// node, not one per rule, and a node several rules look at (a switch, an <c>==</c>, an invocation) is bound once
    /// for all of them (docs/performance.md). In a file where all of a rule's diagnostics are configured off
    /// (<c>dotnet_diagnostic.SMTP006.severity = none</c>), that rule is not called, as the driver would skip an analyzer
    /// of its own.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SmtpCodesAnalyzer : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<StatusRule> _rules;

        /// <summary>All the rules, in ID order.</summary>
        public SmtpCodesAnalyzer()
            : this(AllRules())
        {
        }

        /// <summary>Only the given rules: the same walk with fewer callbacks (tests and the benchmark run a rule alone).</summary>
        internal SmtpCodesAnalyzer(params StatusRule[] rules)
            : this(ImmutableArray.Create(rules))
        {
        }

        private SmtpCodesAnalyzer(ImmutableArray<StatusRule> rules)
        {
            // Which rules are on in a file is one bit per rule (Walk).
            if (rules.Length > 64)
            {
                throw new System.ArgumentOutOfRangeException(nameof(rules), rules.Length, "At most 64 rules.");
            }

            _rules = rules;
            SupportedDiagnostics = rules.SelectMany(rule => rule.SupportedDiagnostics).Distinct().ToImmutableArray();
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>A new instance of each rule, in the order they are called on a node.</summary>
        internal static ImmutableArray<StatusRule> AllRules() => ImmutableArray.Create<StatusRule>(
            new MagicSmtpCodeRule(),
            new SwitchCompletenessRule(),
            new MixedReplyClassesRule(),
            new StatusFromMessageRule(),
            new RetryWithoutStatusRule());

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is not analysed: the driver skips generated files and [GeneratedCode] declarations before
            // calling us. ReportDiagnostics without Analyze says that whatever is reported comes from code that was
            // analysed, so the driver need not look for [GeneratedCode] again under every diagnostic: with None it walks
            // each file's tokens for it (once per file, on the first diagnostic), which was most of this package's cost
            // on SMTP-heavy code (docs/performance.md).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(Start);
        }

        private void Start(CompilationStartAnalysisContext context)
        {
            // A project that never touches SMTP stops here, having paid for the lookup and one text search.
            if (CompilationKnowledge.StatusEnumsInUse(context.Compilation, context.Options, context.CancellationToken) is not { } catalog)
            {
                return;
            }

            var byKind = new Dictionary<SyntaxKind, List<RuleStart.Callback>>();
            var start = new RuleStart(context.Compilation, catalog, byKind);
            var failure = default(Failure);
            for (var i = 0; i < _rules.Length; i++)
            {
                start.RuleIndex = i;
                try
                {
                    _rules[i].Start(start);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One rule's failure does not silence the others: they are started, and the failure is reported
                    // (AD0001) once they are.
                    failure.Keep(exception);
                }
            }

            if (byKind.Count > 0)
            {
                var walk = new Walk(_rules, byKind);
                context.RegisterSyntaxNodeAction(walk.Visit, byKind.Keys.ToImmutableArray());
            }

            failure.Rethrow();
        }

        /// <summary>The first exception of a rule, rethrown after the other rules have had their turn.</summary>
        private struct Failure
        {
            private ExceptionDispatchInfo? _first;

            internal void Keep(Exception exception) => _first ??= ExceptionDispatchInfo.Capture(exception);

            internal readonly void Rethrow() => _first?.Throw();
        }

        /// <summary>The callbacks of one compilation by syntax kind, and which rules are on in each file.</summary>
        private sealed class Walk
        {
            private readonly ImmutableArray<StatusRule> _rules;
            private readonly Dictionary<SyntaxKind, RuleStart.Callback[]> _byKind;
            private readonly ConcurrentDictionary<SyntaxTree, ulong> _rulesOn = new ConcurrentDictionary<SyntaxTree, ulong>();

            internal Walk(ImmutableArray<StatusRule> rules, Dictionary<SyntaxKind, List<RuleStart.Callback>> byKind)
            {
                _rules = rules;
                _byKind = byKind.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
            }

            internal void Visit(SyntaxNodeAnalysisContext context)
            {
                if (!_byKind.TryGetValue(context.Node.Kind(), out var callbacks))
                {
                    return;
                }

                var tree = context.Node.SyntaxTree;
                if (!_rulesOn.TryGetValue(tree, out var on))
                {
                    on = _rulesOn.GetOrAdd(tree, RulesOn(context.SemanticModel.Compilation, tree, context.CancellationToken));
                }

                var failure = default(Failure);
                foreach (var callback in callbacks)
                {
                    if ((on & (1UL << callback.Rule)) == 0)
                    {
                        continue;
                    }

                    try
                    {
                        callback.Action(context);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failure.Keep(exception);
                    }
                }

                failure.Rethrow();
            }

            private ulong RulesOn(Compilation compilation, SyntaxTree tree, CancellationToken cancellationToken)
            {
                ulong on = 0;
                for (var i = 0; i < _rules.Length; i++)
                {
                    foreach (var descriptor in _rules[i].SupportedDiagnostics)
                    {
                        if (RuleSeverity.MayReport(compilation, tree, descriptor, cancellationToken))
                        {
                            on |= 1UL << i;
                            break;
                        }
                    }
                }

                return on;
            }
        }
    }
}
