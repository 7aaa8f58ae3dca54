using Microsoft.CodeAnalysis;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// The Polly types a retry is built from, by metadata name: Polly 7's <c>Policy</c>/<c>PolicyBuilder</c> (still in the
    /// Polly 8 package) and Polly 8's <c>PredicateBuilder</c> and <c>RetryStrategyOptions&lt;T&gt;</c> (Polly.Core).
    /// </summary>
    internal sealed class PollyTypes
    {
        private readonly INamedTypeSymbol? _policy;
        private readonly INamedTypeSymbol? _policyOfResult;
        private readonly INamedTypeSymbol? _policyBuilder;
        private readonly INamedTypeSymbol? _policyBuilderOfResult;
        private readonly INamedTypeSymbol? _predicateBuilder;
        private readonly INamedTypeSymbol? _predicateBuilderOfResult;
        private readonly INamedTypeSymbol? _retryOptions;

        private PollyTypes(Compilation compilation, StatusEnumCatalog catalog)
        {
            _policy = catalog.FindType(compilation, "Polly.Policy");
            _policyOfResult = catalog.FindType(compilation, "Polly.Policy`1");
            _policyBuilder = catalog.FindType(compilation, "Polly.PolicyBuilder");
            _policyBuilderOfResult = catalog.FindType(compilation, "Polly.PolicyBuilder`1");
            _predicateBuilder = catalog.FindType(compilation, "Polly.PredicateBuilder");
            _predicateBuilderOfResult = catalog.FindType(compilation, "Polly.PredicateBuilder`1");
            _retryOptions = catalog.FindType(compilation, "Polly.Retry.RetryStrategyOptions`1");
        }

        /// <summary>The Polly types of <paramref name="compilation"/>; null when it references neither Polly 7's API nor Polly 8's.</summary>
        internal static PollyTypes? Create(Compilation compilation, StatusEnumCatalog catalog)
        {
            var types = new PollyTypes(compilation, catalog);
            return types._policy is null && types._predicateBuilder is null ? null : types;
        }

        /// <summary>The names of Polly 7's retry policies, sync and async: <c>Retry</c>, <c>WaitAndRetryForeverAsync</c>…</summary>
        internal static bool IsRetryName(string name) => name is "Retry" or "RetryAsync" or "RetryForever" or "RetryForeverAsync"
            or "WaitAndRetry" or "WaitAndRetryAsync" or "WaitAndRetryForever" or "WaitAndRetryForeverAsync";

        /// <summary>A method declared in Polly's namespaces (the retry extension methods live in several static classes).</summary>
        internal static bool IsPolly(IMethodSymbol method)
        {
            var ns = method.ContainingNamespace;
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns is { Name: "Polly" };
        }

        /// <summary>Where Polly 7's <c>Handle&lt;T&gt;</c> and <c>Or&lt;T&gt;</c> are declared.</summary>
        internal bool IsPolicyBuilder(INamedTypeSymbol type) =>
            Is(type, _policy) || Is(type, _policyOfResult) || Is(type, _policyBuilder) || Is(type, _policyBuilderOfResult);

        /// <summary>Polly 8's <c>PredicateBuilder</c> and <c>PredicateBuilder&lt;TResult&gt;</c>.</summary>
        internal bool IsPredicateBuilder(INamedTypeSymbol type) => Is(type, _predicateBuilder) || Is(type, _predicateBuilderOfResult);

        /// <summary><c>RetryStrategyOptions&lt;T&gt;</c> or a type derived from it (<c>RetryStrategyOptions</c>).</summary>
        internal bool IsRetryOptions(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, _retryOptions))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? definition) =>
            definition is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);
    }
}
