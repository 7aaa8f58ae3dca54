using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The status enums of one compilation: the four the contract names, found by metadata name, and those named by
    /// <c>smtp_codes.status_enum_types</c>. Built once per compilation; <see cref="Create"/> returns null when the
    /// compilation has none, and the analyzers then register nothing.
    /// </summary>
    /// <remarks>
    /// An editor makes a new compilation for every edit, with the same reference symbols. When no file declares an enum
    /// of a status enum's simple name (looked for per tree, kept per tree), the catalog depends only on the references
    /// and the configured names: the last one built for a reference set is reused, with what
    /// <see cref="StatusTypeUsage"/> learnt about those references.
    /// </remarks>
    internal sealed class StatusEnumCatalog
    {
        /// <summary>The simple names of the well-known status enums: a file that declares an enum so named may shadow one.</summary>
        private static readonly ImmutableArray<string> s_wellKnownSimpleNames = ImmutableArray.Create("SmtpStatusCode", "SmtpReplyCode");

        /// <summary>Per first referenced assembly: the last catalog built from references alone, with the set it was built for.</summary>
        private static readonly ConditionalWeakTable<IAssemblySymbol, LastBuilt> s_lastBuilt = new();

        /// <summary>Per tree: the simple names of the enums it declares (most trees: none).</summary>
        private static readonly ConditionalWeakTable<SyntaxTree, string[]> s_declaredEnums = new();

        /// <summary>0: not asked yet; 1: the references alone make the gate open; 2: they do not (<see cref="StatusTypeUsage"/>).</summary>
        private int _referencesAnswer;

        internal static readonly ImmutableArray<string> WellKnownMetadataNames = ImmutableArray.Create(
            "Aspose.Email.Clients.Smtp.SmtpStatusCode",
            "System.Net.Mail.SmtpStatusCode",
            "MailKit.Net.Smtp.SmtpStatusCode",
            "SmtpServer.Protocol.SmtpReplyCode");

        private readonly ImmutableArray<StatusEnum> _enums;

        /// <summary>Types of the references found by metadata name for this catalog's reference set (null: none, or ambiguous).</summary>
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _referencedTypes = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        private StatusEnumCatalog(ImmutableArray<StatusEnum> enums) => _enums = enums;

        /// <summary>
        /// <see cref="Compilation.GetTypeByMetadataName"/>, asked of the references once per catalog. A catalog is shared
        /// only by compilations with the same reference symbols (an editor's compilation after each edit), and their
        /// referenced types are the same symbols, so the rules' other types (status exceptions, SMTP clients, Polly,
        /// Regex) are not looked for again through every reference on every edit. A name the compilation's own source
        /// declares is asked of the compilation, as before: the source's type wins over the references'.
        /// </summary>
        internal INamedTypeSymbol? FindType(Compilation compilation, string metadataName)
        {
            if (compilation.Assembly.GetTypeByMetadataName(metadataName) is not null)
            {
                return compilation.GetTypeByMetadataName(metadataName);
            }

            if (!_referencedTypes.TryGetValue(metadataName, out var type))
            {
                type = _referencedTypes.GetOrAdd(metadataName, compilation.GetTypeByMetadataName(metadataName));
            }

            return type;
        }

        internal ImmutableArray<StatusEnum> Enums => _enums;

        /// <summary>What <see cref="StatusTypeUsage"/> found the references alone to say, kept with the catalog they gave.</summary>
        internal bool? ReferencesOpenTheGate
        {
            get
            {
                var answer = Volatile.Read(ref _referencesAnswer);
                return answer == 0 ? null : answer == 1;
            }

            set => Volatile.Write(ref _referencesAnswer, value is null ? 0 : value.Value ? 1 : 2);
        }

        internal static StatusEnumCatalog? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken = default)
        {
            var configured = SmtpCodesOptions.DistinctValues(compilation, options.AnalyzerConfigOptionsProvider, SmtpCodesOptions.StatusEnumTypesKey);
            var references = compilation.SourceModule.ReferencedAssemblySymbols;
            if (references.IsEmpty || SourceMayDeclare(compilation, configured, cancellationToken))
            {
                return Build(compilation, configured);
            }

            var last = s_lastBuilt.GetValue(references[0], _ => new LastBuilt());
            if (last.Find(references, configured) is { } known)
            {
                return known;
            }

            var catalog = Build(compilation, configured);
            last.Add(new Built(references, configured, catalog));
            return catalog;
        }

        private static StatusEnumCatalog? Build(Compilation compilation, List<string> configured)
        {
            var obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
            var enums = ImmutableArray.CreateBuilder<StatusEnum>();
            foreach (var name in WellKnownMetadataNames)
            {
                Add(compilation.GetTypeByMetadataName(name));
            }

            foreach (var value in configured)
            {
                foreach (var name in SmtpCodesOptions.SplitTypeNames(value))
                {
                    // A name that does not resolve to an enum is SMTP000's business (OptionsAnalyzer); here it is skipped.
                    Add(compilation.GetTypeByMetadataName(name));
                }
            }

            return enums.Count == 0 ? null : new StatusEnumCatalog(enums.ToImmutable());

            void Add(INamedTypeSymbol? type)
            {
                if (type is null || type.TypeKind != TypeKind.Enum)
                {
                    return;
                }

                foreach (var known in enums)
                {
                    if (SymbolEqualityComparer.Default.Equals(known.Type, type))
                    {
                        return;
                    }
                }

                if (StatusEnum.TryCreate(type, obsolete) is { } statusEnum)
                {
                    enums.Add(statusEnum);
                }
            }
        }

        /// <summary>
        /// Whether a file declares an enum whose simple name is a well-known status enum's or a configured one's: then
        /// the catalog may hold a source type, and is built for this compilation alone.
        /// </summary>
        private static bool SourceMayDeclare(Compilation compilation, List<string> configured, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!s_declaredEnums.TryGetValue(tree, out var declared))
                {
                    var computed = DeclaredEnums(tree, cancellationToken);
                    declared = s_declaredEnums.GetValue(tree, _ => computed);
                }

                foreach (var name in declared)
                {
                    if (s_wellKnownSimpleNames.Contains(name) || IsConfiguredSimpleName(configured, name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsConfiguredSimpleName(List<string> configured, string name)
        {
            foreach (var value in configured)
            {
                foreach (var metadataName in SmtpCodesOptions.SplitTypeNames(value))
                {
                    var start = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
                    if (string.CompareOrdinal(metadataName, start, name, 0, Math.Max(metadataName.Length - start, name.Length)) == 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The simple names of the enums a file declares, at any depth of namespaces and types.</summary>
        private static string[] DeclaredEnums(SyntaxTree tree, CancellationToken cancellationToken)
        {
            List<string>? names = null;
            var pending = new Stack<SyntaxNode>();
            pending.Push(tree.GetRoot(cancellationToken));
            while (pending.Count > 0)
            {
                foreach (var child in pending.Pop().ChildNodes())
                {
                    switch (child)
                    {
                        case EnumDeclarationSyntax declaration:
                            (names ??= new List<string>()).Add(declaration.Identifier.ValueText);
                            break;
                        case BaseNamespaceDeclarationSyntax:
                        case TypeDeclarationSyntax:
                            pending.Push(child);
                            break;
                    }
                }
            }

            return names?.ToArray() ?? Array.Empty<string>();
        }

        /// <summary>Finds the status enum of a type, looking through <c>Nullable&lt;T&gt;</c>.</summary>
        internal bool TryGet(ITypeSymbol? type, out StatusEnum statusEnum, out bool isNullable)
        {
            isNullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                isNullable = true;
                type = nullable.TypeArguments[0];
            }

            if (type is { TypeKind: TypeKind.Enum })
            {
                foreach (var candidate in _enums)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.Type, type))
                    {
                        statusEnum = candidate;
                        return true;
                    }
                }
            }

            statusEnum = null!;
            return false;
        }

        internal bool TryGet(ITypeSymbol? type, out StatusEnum statusEnum) => TryGet(type, out statusEnum, out _);

        /// <summary>
        /// A conversion of a status value (or its <c>Nullable&lt;&gt;</c>) to an integral type that keeps every member's value:
        /// <c>(int)ex.StatusCode</c>, not <c>(byte)ex.StatusCode</c>.
        /// </summary>
        internal bool IsStatusToIntegral(IConversionOperation conversion, out StatusEnum statusEnum, out bool isNullable)
        {
            isNullable = false;
            statusEnum = null!;
            return conversion.Type is { } target
                && IntegralConstants.IsIntegral(target.SpecialType)
                && TryGet(conversion.Operand.Type, out statusEnum, out isNullable)
                && IntegralConstants.IsLossless(statusEnum.UnderlyingType, target.SpecialType);
        }

        /// <summary>
        /// The last few catalogs built for reference sets that start with the same assembly symbol. Roslyn shares a
        /// referenced assembly's symbol between compilations, so the projects of one solution (and the tests of one run)
        /// meet here; one entry per key made them evict each other's catalog from one compilation to the next.
        /// </summary>
        private sealed class LastBuilt
        {
            private const int Kept = 8;

            /// <summary>Newest first; replaced, never changed in place.</summary>
            private Built[] _entries = new Built[0];

            internal StatusEnumCatalog? Find(ImmutableArray<IAssemblySymbol> references, List<string> configured)
            {
                foreach (var entry in Volatile.Read(ref _entries))
                {
                    if (entry.IsFor(references, configured))
                    {
                        return entry.Catalog;
                    }
                }

                return null;
            }

            internal void Add(Built built)
            {
                Built[] before, after;
                do
                {
                    before = Volatile.Read(ref _entries);
                    after = new Built[System.Math.Min(before.Length + 1, Kept)];
                    after[0] = built;
                    System.Array.Copy(before, 0, after, 1, after.Length - 1);
                }
                while (!ReferenceEquals(Interlocked.CompareExchange(ref _entries, after, before), before));
            }
        }

        /// <summary>A catalog and the reference symbols and configured names it was built from.</summary>
        private sealed class Built
        {
            private readonly ImmutableArray<IAssemblySymbol> _references;
            private readonly List<string> _configured;

            internal Built(ImmutableArray<IAssemblySymbol> references, List<string> configured, StatusEnumCatalog? catalog)
            {
                _references = references;
                _configured = configured;
                Catalog = catalog;
            }

            internal StatusEnumCatalog? Catalog { get; }

            internal bool IsFor(ImmutableArray<IAssemblySymbol> references, List<string> configured)
            {
                if (references.Length != _references.Length || configured.Count != _configured.Count)
                {
                    return false;
                }

                for (var i = 0; i < references.Length; i++)
                {
                    if (!ReferenceEquals(references[i], _references[i]))
                    {
                        return false;
                    }
                }

                for (var i = 0; i < configured.Count; i++)
                {
                    if (!string.Equals(configured[i], _configured[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
