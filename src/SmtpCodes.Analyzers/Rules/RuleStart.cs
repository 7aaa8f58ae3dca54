using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What a <see cref="StatusRule"/> is given when a compilation starts: the compilation, its status enums and, built
    /// on the first rule's request and shared with the others, its status exceptions. A rule adds syntax-node callbacks
    /// here; <see cref="SmtpCodesAnalyzer"/> registers one driver action for all of them.
    /// </summary>
    internal sealed class RuleStart
    {
        private readonly Dictionary<SyntaxKind, List<Callback>> _callbacks;
        private bool _exceptionsBuilt;
        private StatusExceptionCatalog? _exceptions;

        internal RuleStart(Compilation compilation, StatusEnumCatalog catalog, Dictionary<SyntaxKind, List<Callback>> callbacks)
        {
            Compilation = compilation;
            Catalog = catalog;
            _callbacks = callbacks;
        }

        internal Compilation Compilation { get; }

        internal StatusEnumCatalog Catalog { get; }

        /// <summary>The rule being started; its callbacks are skipped in files where all its diagnostics are off.</summary>
        internal int RuleIndex { get; set; }

        /// <summary>The exception types that carry a status (null: none), built once per compilation start.</summary>
        internal StatusExceptionCatalog? Exceptions
        {
            get
            {
                if (!_exceptionsBuilt)
                {
                    _exceptions = StatusExceptionCatalog.Create(Compilation, Catalog);
                    _exceptionsBuilt = true;
                }

                return _exceptions;
            }
        }

        /// <summary>Adds a callback for nodes of the given kinds, called in the order the rules were started.</summary>
        internal void Register(Action<SyntaxNodeAnalysisContext> action, params SyntaxKind[] kinds)
        {
            foreach (var kind in kinds)
            {
                if (!_callbacks.TryGetValue(kind, out var list))
                {
                    _callbacks.Add(kind, list = new List<Callback>());
                }

                list.Add(new Callback(RuleIndex, action));
            }
        }

        /// <summary>One rule's callback for one syntax kind.</summary>
        internal readonly struct Callback
        {
            internal Callback(int rule, Action<SyntaxNodeAnalysisContext> action)
            {
                Rule = rule;
                Action = action;
            }

            internal int Rule { get; }

            internal Action<SyntaxNodeAnalysisContext> Action { get; }
        }
    }
}
