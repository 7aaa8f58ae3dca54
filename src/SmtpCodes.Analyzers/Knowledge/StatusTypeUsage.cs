using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Whether a compilation can hold a value of a status enum (or a status exception) at all. Every .NET compilation
    /// references System.Net.Mail, so "the enum exists" says nothing; what matters is whether code can reach it. A value
    /// enters source code in one of three ways, and the compilation counts as using status enums when any is open:
    /// <list type="bullet">
    /// <item>source names a status type: a declaration, a cast, an alias, a <c>using static</c>. Every well-known status
    /// enum and exception, and every System.Net.Mail type with a status member, has a name starting with <c>Smtp</c>,
    /// so each file's text is searched for that, and for the simple name of each configured enum;</item>
    /// <item>a referenced assembly that declares a status enum, other than the framework's System.Net.Mail (MailKit,
    /// SmtpServer, Aspose, the assembly of a configured enum): its API may hand out status values under any name
    /// (SmtpServer's <c>IMessageStore.SaveAsync</c> returns an <c>SmtpResponse</c>);</item>
    /// <item>a library built on one: it depends on a status enum's assembly (or on a facade that forwards to it, as
    /// netstandard.dll does for a netstandard2.0 library) and its metadata refers to a type of a status enum's
    /// namespace. Facades themselves declare no types and do not count.</item>
    /// </list>
    /// Not seen: a type name spelled with Unicode escapes or formatting characters (<c>\u0053mtpStatusCode</c>).
    /// Decided once per compilation (<see cref="CompilationKnowledge"/>); the text search is kept per tree, the metadata
    /// answer per assembly.
    /// </summary>
    internal static class StatusTypeUsage
    {
        /// <summary>What every well-known status enum and status exception's simple name starts with.</summary>
        internal const string WellKnownPrefix = "Smtp";

        /// <summary>The framework's status enum, whose assembly (System.Net.Mail, System, netstandard) every project references.</summary>
        internal const string FrameworkStatusEnum = "System.Net.Mail.SmtpStatusCode";

        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> s_mentionsWellKnownPrefix = new();

        /// <summary>Per assembly: whether its metadata refers to a type of one of the namespaces (the key).</summary>
        private static readonly ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<string, bool>> s_refersToNamespaces = new();

        internal static bool MayOccur(Compilation compilation, StatusEnumCatalog catalog, CancellationToken cancellationToken)
        {
            var names = new List<string>(2);
            var statusAssemblies = new List<IAssemblySymbol>(catalog.Enums.Length);
            var namespaces = new List<string>(catalog.Enums.Length);
            IAssemblySymbol? frameworkAssembly = null;
            foreach (var statusEnum in catalog.Enums)
            {
                AddOnce(names, IsWellKnown(statusEnum) ? WellKnownPrefix : statusEnum.Type.Name);
                AddOnce(namespaces, statusEnum.Type.ContainingNamespace?.ToDisplayString() ?? string.Empty);
                if (statusEnum.Type.ContainingAssembly is { } assembly
                    && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                    && !Contains(statusAssemblies, assembly))
                {
                    statusAssemblies.Add(assembly);
                    if (string.Equals(statusEnum.MetadataName, FrameworkStatusEnum, StringComparison.Ordinal))
                    {
                        frameworkAssembly = assembly;
                    }
                }
            }

            // What the references say is kept with the catalog: a catalog reused for the same reference symbols
            // (StatusEnumCatalog.Create) brings its answer along, and only the text search is left per compilation.
            if (catalog.ReferencesOpenTheGate is not { } byReferences)
            {
                byReferences = ReferencesStatusLibrary(compilation, statusAssemblies, frameworkAssembly, namespaces, cancellationToken);
                catalog.ReferencesOpenTheGate = byReferences;
            }

            return byReferences || SourceNames(compilation, names, cancellationToken);
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

        private static bool ReferencesStatusLibrary(
            Compilation compilation,
            List<IAssemblySymbol> statusAssemblies,
            IAssemblySymbol? frameworkAssembly,
            List<string> namespaces,
            CancellationToken cancellationToken)
        {
            var referenced = compilation.SourceModule.ReferencedAssemblySymbols;

            // What a library built on a status enum depends on: the enum's assembly, or a facade that forwards to it.
            var foundations = new List<IAssemblySymbol>(statusAssemblies);
            if (frameworkAssembly is not null)
            {
                foreach (var assembly in referenced)
                {
                    if (!Contains(foundations, assembly) && assembly.ResolveForwardedType(FrameworkStatusEnum) is not null)
                    {
                        foundations.Add(assembly);
                    }
                }
            }

            foreach (var assembly in referenced)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Contains(statusAssemblies, assembly))
                {
                    // The framework's System.Net.Mail hands out a status only through its Smtp* types (see the class comment).
                    if (!SymbolEqualityComparer.Default.Equals(assembly, frameworkAssembly))
                    {
                        return true;
                    }

                    continue;
                }

                // Whether it declares types, and what its metadata refers to, are asked last: they read the assembly's tables.
                if (DependsOnAny(assembly, foundations) && DeclaresTypes(assembly) && RefersToAny(compilation, assembly, namespaces))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DependsOnAny(IAssemblySymbol assembly, List<IAssemblySymbol> foundations)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var dependency in module.ReferencedAssemblySymbols)
                {
                    if (Contains(foundations, dependency))
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

        /// <summary>
        /// Whether the assembly's metadata refers to a type in one of <paramref name="namespaces"/>; true when its
        /// metadata cannot be read (it is then treated as built on a status enum).
        /// </summary>
        private static bool RefersToAny(Compilation compilation, IAssemblySymbol assembly, List<string> namespaces)
        {
            var key = string.Join(";", namespaces);
            var answers = s_refersToNamespaces.GetValue(assembly, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
            if (answers.TryGetValue(key, out var known))
            {
                return known;
            }

            var refers = ReadRefersToAny(compilation, assembly, namespaces);
            answers.TryAdd(key, refers);
            return refers;
        }

        private static bool ReadRefersToAny(Compilation compilation, IAssemblySymbol assembly, List<string> namespaces)
        {
            if (compilation.GetMetadataReference(assembly) is not PortableExecutableReference reference)
            {
                return true;
            }

            try
            {
                if (reference.GetMetadata() is not AssemblyMetadata metadata)
                {
                    return true;
                }

                foreach (var module in metadata.GetModules())
                {
                    var reader = module.GetMetadataReader();
                    foreach (var handle in reader.TypeReferences)
                    {
                        var typeReference = reader.GetTypeReference(handle);
                        foreach (var name in namespaces)
                        {
                            if (reader.StringComparer.Equals(typeReference.Namespace, name))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            }
            catch (Exception ex) when (ex is BadImageFormatException || ex is System.IO.IOException || ex is InvalidOperationException)
            {
                return true;
            }
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

        private static void AddOnce(List<string> list, string value)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        private static bool Contains(List<IAssemblySymbol> assemblies, IAssemblySymbol assembly)
        {
            foreach (var candidate in assemblies)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, assembly))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
