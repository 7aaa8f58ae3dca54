using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// What the rules learn about a compilation before they register anything, decided once and shared by all of them:
    /// in a build the analyzers see the same compilation object, so the second rule to start reads the first one's answer.
    /// </summary>
    internal static class CompilationKnowledge
    {
        private static readonly ConditionalWeakTable<Compilation, Entry> s_entries = new();

        /// <summary>
        /// The compilation's status enums when its code can use one (<see cref="StatusTypeUsage"/>); null when it has
        /// none or its code cannot reach one, and the rules then register nothing.
        /// </summary>
        internal static StatusEnumCatalog? StatusEnumsInUse(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var entry = s_entries.GetValue(compilation, key => Compute(key, options, cancellationToken));

            // The answer depends on the options (configured enums): under other options than the first rule's (a driver
            // may hand each analyzer its own), it is computed again rather than read.
            return ReferenceEquals(entry.Provider, provider) ? entry.Catalog : Compute(compilation, options, cancellationToken).Catalog;
        }

        private static Entry Compute(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var catalog = StatusEnumCatalog.Create(compilation, options, cancellationToken);
            if (catalog is not null && !StatusTypeUsage.MayOccur(compilation, catalog, cancellationToken))
            {
                catalog = null;
            }

            return new Entry(options.AnalyzerConfigOptionsProvider, catalog);
        }

        private sealed class Entry
        {
            internal Entry(object provider, StatusEnumCatalog? catalog)
            {
                Provider = provider;
                Catalog = catalog;
            }

            internal object Provider { get; }

            internal StatusEnumCatalog? Catalog { get; }
        }
    }
}
