using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Whether a compilation can hold a value of a status enum (or a status exception) at all. Every .NET compilation
    /// references System.Net.Mail, so "the enum exists" says nothing; what matters is whether code can reach it:
    /// <list type="bullet">
    /// <item>source names it: a status value enters source code only through a declaration or a cast that names its type
    /// (<c>SmtpStatusCode</c>, <c>SmtpException</c>, an alias, <c>using static</c>), or through a member of a referenced
    /// library. All the well-known types start with <c>Smtp</c>, so that is what the text is searched for, plus the simple
    /// name of each configured enum;</item>
    /// <item>a referenced library is built on a status enum's assembly: its members may hand out status values under any
    /// name, so such a library counts as use (type-forwarding facades such as <c>netstandard.dll</c> declare no types and
    /// do not count).</item>
    /// </list>
    /// One ordinal search per source text, stopping at the first hit; decided once per compilation (<see cref="Knowledge"/>).
    /// </summary>
    internal static class StatusTypeUsage
    {
        /// <summary>What every well-known status enum and status exception's simple name starts with.</summary>
        internal const string WellKnownPrefix = "Smtp";

        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> s_mentionsWellKnownPrefix = new();

        internal static bool MayOccur(Compilation compilation, StatusEnumCatalog catalog, CancellationToken cancellationToken)
        {
            var names = new List<string>(2);
            var statusAssemblies = new List<IAssemblySymbol>(catalog.Enums.Length);
            foreach (var statusEnum in catalog.Enums)
            {
                var name = IsWellKnown(statusEnum) ? WellKnownPrefix : statusEnum.Type.Name;
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                if (statusEnum.Type.ContainingAssembly is { } assembly && !statusAssemblies.Contains(assembly, SymbolEqualityComparer.Default))
                {
                    statusAssemblies.Add(assembly);
                }
            }

            return ReferencesLibraryBuiltOn(compilation, statusAssemblies) || SourceNames(compilation, names, cancellationToken);
        }

        private static bool IsWellKnown(StatusEnum statusEnum)
        {
            foreach (var metadataName in StatusEnumCatalog.WellKnownMetadataNames)
            {
                if (string.Equals(statusEnum.MetadataName, metadataName, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReferencesLibraryBuiltOn(Compilation compilation, List<IAssemblySymbol> statusAssemblies)
        {
            foreach (var referenced in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                // Whether it declares types is asked last: the first question for an assembly reads all its type names.
                if (!statusAssemblies.Contains(referenced, SymbolEqualityComparer.Default)
                    && DependsOnAny(referenced, statusAssemblies)
                    && DeclaresTypes(referenced))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DependsOnAny(IAssemblySymbol assembly, List<IAssemblySymbol> statusAssemblies)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var dependency in module.ReferencedAssemblySymbols)
                {
                    if (statusAssemblies.Contains(dependency, SymbolEqualityComparer.Default))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A facade holds only type forwarders and the module type <c>&lt;Module&gt;</c>.</summary>
        private static bool DeclaresTypes(IAssemblySymbol assembly)
        {
            foreach (var name in assembly.TypeNames)
            {
                if (!string.Equals(name, "<Module>", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SourceNames(Compilation compilation, List<string> names, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var name in names)
                {
                    if (ReferenceEquals(name, WellKnownPrefix) ? MentionsWellKnownPrefix(tree, cancellationToken) : Mentions(tree, name, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The search for <see cref="WellKnownPrefix"/>, kept per tree: a tree and its text never change, and the IDE keeps
        /// the trees of unchanged files from one compilation to the next, so an edit costs a search of the edited file only.
        /// </summary>
        private static bool MentionsWellKnownPrefix(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (s_mentionsWellKnownPrefix.TryGetValue(tree, out var known))
            {
                return known.Value;
            }

            var mentions = Mentions(tree, WellKnownPrefix, cancellationToken);
            s_mentionsWellKnownPrefix.GetValue(tree, _ => new StrongBox<bool>(mentions));
            return mentions;
        }

        private static bool Mentions(SyntaxTree tree, string name, CancellationToken cancellationToken)
        {
            // A parsed file keeps its text, and a whole-text ToString of it is the text itself, not a copy.
            var text = tree.TryGetText(out var kept) ? kept : tree.GetText(cancellationToken);
            return text.ToString().IndexOf(name, StringComparison.Ordinal) >= 0;
        }

        private static bool Contains(this List<IAssemblySymbol> assemblies, IAssemblySymbol assembly, SymbolEqualityComparer comparer)
        {
            foreach (var candidate in assemblies)
            {
                if (comparer.Equals(candidate, assembly))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
