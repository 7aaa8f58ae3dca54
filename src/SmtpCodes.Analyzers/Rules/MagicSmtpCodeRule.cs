using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SmtpCodes.Analyzers.Knowledge;

namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// SMTP001 (a magic SMTP code that has a member) and SMTP004 (a number that is no SMTP reply code) in the four
    /// SMTP-code contexts: a cast to a status enum, an equality comparison with a status converted to an integral type, a
    /// case label, arm or <c>is</c> pattern tested against such a value, and the same uses of a local that holds one. Each
    /// diagnostic is reported from the construct that holds the number, so the IDE can analyse and fix one document at a
    /// time: the cast <c>(SmtpStatusCode)550</c>, the comparison <c>(int)ex.StatusCode == 550</c>, the switch, switch
    /// expression or <c>is</c> pattern on <c>(int)ex.StatusCode</c>. Every action rejects what is not such a shape from
    /// its syntax, and asks for the construct's operation only then.
    /// </summary>
    internal sealed class MagicSmtpCodeRule : StatusRule
    {
        internal override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP001_MagicStatusCode, Descriptors.SMTP004_UnknownStatusCode);

        internal override void Start(RuleStart start)
        {
            var analysis = new Analysis(start.Catalog);
            // Syntax kinds, not operation kinds: most casts, == and != and switches are rejected from their syntax before
            // the compiler is asked anything, and the operation is asked for only then (docs/performance.md).
            start.Register(
                analysis.Analyze,
                SyntaxKind.CastExpression,
                SyntaxKind.EqualsExpression,
                SyntaxKind.NotEqualsExpression,
                SyntaxKind.SwitchStatement,
                SyntaxKind.SwitchExpression,
                SyntaxKind.IsPatternExpression);
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;
            private readonly ConcurrentDictionary<PropertiesKey, ImmutableDictionary<string, string?>> _properties = new();

            /// <summary>Locals and the status enum they hold (null: not a status local), decided once per local.</summary>
            private readonly ConcurrentDictionary<ILocalSymbol, StatusEnum?> _locals =
                new ConcurrentDictionary<ILocalSymbol, StatusEnum?>(SymbolEqualityComparer.Default);

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            /// <summary>Context 1: <c>(SmtpStatusCode)550</c>, but not the bound of a class check (<c>code &lt; (SmtpStatusCode)300</c>).</summary>
            internal void Analyze(SyntaxNodeAnalysisContext context)
            {
                switch (context.Node)
                {
                    case CastExpressionSyntax:
                        AnalyzeCast(context);
                        break;
                    case BinaryExpressionSyntax:
                        AnalyzeComparison(context);
                        break;
                    default:
                        AnalyzeTests(context);
                        break;
                }
            }

            private void AnalyzeCast(SyntaxNodeAnalysisContext context)
            {
                // The literal first: most casts convert something else, and that is known without asking the compiler.
                var cast = (CastExpressionSyntax)context.Node;
                if (!SmtpCodeContexts.IsNumericLiteral(cast.Expression)
                    || Operations.ConversionWrittenBy(context.SemanticModel, cast, context.CancellationToken) is not { } conversion)
                {
                    return;
                }

                if (SmtpCodeContexts.TryGetLiteral(conversion.Operand, out var value, out var literal)
                    && _catalog.TryGet(conversion.Type, out var statusEnum)
                    && !IsRelationalOperand(conversion))
                {
                    Report(context, statusEnum, value, literal, MagicSmtpCodeProperties.CastFix, null, conversion.Syntax, null);
                }
            }

            /// <summary>Context 2 (and 4): <c>(int)ex.StatusCode == 550</c>, <c>550 != code</c>.</summary>
            private void AnalyzeComparison(SyntaxNodeAnalysisContext context)
            {
                // From syntax first: a number written on one side, and on the other a cast or a local's name.
                var syntax = (BinaryExpressionSyntax)context.Node;
                if (!(SmtpCodeContexts.IsNumericLiteral(syntax.Right) && MayBeStatusValue(syntax.Left)
                        || SmtpCodeContexts.IsNumericLiteral(syntax.Left) && MayBeStatusValue(syntax.Right))
                    || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IBinaryOperation comparison
                    || comparison.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals))
                {
                    return;
                }

                IOperation value;
                if (SmtpCodeContexts.TryGetLiteral(comparison.RightOperand, out var number, out var literal))
                {
                    value = comparison.LeftOperand;
                }
                else if (SmtpCodeContexts.TryGetLiteral(comparison.LeftOperand, out number, out literal))
                {
                    value = comparison.RightOperand;
                }
                else
                {
                    return;
                }

                if (TryGetStatusValue(value, context.CancellationToken, out var statusEnum, out var converted, out var castToUnwrap))
                {
                    var fix = castToUnwrap is null ? MagicSmtpCodeProperties.ReplaceFix : MagicSmtpCodeProperties.UnwrapFix;
                    Report(context, statusEnum, number, literal, fix, converted.Type, castToUnwrap, comparison.Syntax);
                }
            }

            /// <summary>Context 3 (and 4): the constants a switch, switch expression or <c>is</c> pattern tests a converted status against.</summary>
            private void AnalyzeTests(SyntaxNodeAnalysisContext context)
            {
                var tested = context.Node switch
                {
                    SwitchStatementSyntax switchStatement => switchStatement.Expression,
                    SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression,
                    IsPatternExpressionSyntax isPattern => isPattern.Expression,
                    _ => null,
                };

                if (tested is null
                    || !MayBeStatusValue(tested)
                    || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not { } container)
                {
                    return;
                }

                var value = container switch
                {
                    ISwitchOperation switchStatement => switchStatement.Value,
                    ISwitchExpressionOperation switchExpression => switchExpression.Value,
                    IIsPatternOperation isPattern => isPattern.Value,
                    _ => null,
                };

                if (!TryGetStatusValue(value, context.CancellationToken, out var statusEnum, out var converted, out var castToUnwrap))
                {
                    return;
                }

                var constants = new List<IOperation>();
                var relationalOperands = new List<IOperation>();
                var canRewriteWhole = SmtpCodeContexts.CollectTestedConstants(container, constants, relationalOperands) && castToUnwrap is not null;
                var fix = canRewriteWhole ? MagicSmtpCodeProperties.UnwrapAllFix : MagicSmtpCodeProperties.ReplaceFix;
                foreach (var constant in constants)
                {
                    if (SmtpCodeContexts.TryGetLiteral(constant, out var number, out var literal))
                    {
                        Report(context, statusEnum, number, literal, fix, converted.Type, canRewriteWhole ? castToUnwrap : null, container.Syntax);
                    }
                }
            }

            /// <summary>
            /// What <see cref="TryGetStatusValue"/> can accept, from syntax alone: an integral cast (<c>(int)ex.StatusCode</c>,
            /// <c>checked((int)status)</c>), or the name of a local declared with a cast for its initializer (<c>code</c>,
            /// <c>checked(code)</c>).
            /// </summary>
            private static bool MayBeStatusValue(ExpressionSyntax expression) =>
                SyntaxHints.MayBeIntegralCast(expression)
                || (SyntaxHints.Unwrapped(expression) is IdentifierNameSyntax name && SyntaxHints.MayBeCastInitializedLocal(name));

            /// <summary>
            /// A status value converted to an integral type: <c>(int)ex.StatusCode</c> (then <paramref name="castToUnwrap"/>
            /// is the cast a fix may remove), or a local whose every write is such a conversion (context 4).
            /// </summary>
            private bool TryGetStatusValue(IOperation? value, CancellationToken cancellationToken, out StatusEnum statusEnum, out IOperation converted, out SyntaxNode? castToUnwrap)
            {
                value = value?.WithoutImplicitConversions();
                statusEnum = null!;
                converted = value!;
                castToUnwrap = null;
                switch (value)
                {
                    case IConversionOperation { IsImplicit: false } conversion when _catalog.IsStatusToIntegral(conversion, out statusEnum, out var isNullable):
                        // (int)nullableStatus throws on null where nullableStatus == Member is false: keep the integral value then.
                        castToUnwrap = isNullable ? null : conversion.Syntax;
                        return true;
                    case ILocalReferenceOperation { Local: { IsRef: false } local } reference
                        when IntegralConstants.IsIntegral(local.Type.SpecialType) && reference.SemanticModel is { } model:
                        // Most integral locals are not initialised by a cast: they are rejected from their declaration's
                        // syntax, before the cache, which then holds only the few candidates (docs/performance.md).
                        if (CastInitializedDeclarator(local, model, cancellationToken) is not { } declarator)
                        {
                            return false;
                        }

                        if (!_locals.TryGetValue(local, out var held))
                        {
                            held = _locals.GetOrAdd(local, StatusHeldBy(local, declarator, model, cancellationToken));
                        }

                        if (held is null)
                        {
                            return false;
                        }

                        statusEnum = held;
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>
            /// Context 4: a local initialised from <c>(int)status</c> whose every later assignment is such a conversion of
            /// the same enum. Reading it (<c>Log(code)</c>, <c>in code</c>) keeps it; <c>++code</c>, <c>ref code</c>,
            /// <c>out code</c>, a compound or deconstruction assignment or any other value makes it an ordinary number.
            /// </summary>
            private StatusEnum? StatusHeldBy(ILocalSymbol local, VariableDeclaratorSyntax declarator, SemanticModel model, CancellationToken cancellationToken)
            {
                var initializer = declarator.Initializer!.Value;
                var operation = model.GetOperation(initializer, cancellationToken)
                    ?? (SyntaxHints.CastWrittenIn(initializer) is { } cast ? model.GetOperation(cast, cancellationToken) : null);
                if (!IsStatusConversion(operation, null, out var statusEnum))
                {
                    return null;
                }

                return LocalWrites.NotWrittenAfter(
                    declarator,
                    (assignment, identifier) => IsSameLocal(model, identifier, local, cancellationToken)
                        && IsStatusConversion(model.GetOperation(assignment.Right, cancellationToken), statusEnum, out _))
                    ? statusEnum
                    : null;
            }

            /// <summary>
            /// The declarator of a local declared once, in the model's file, with an initializer written as a cast
            /// (<see cref="SyntaxHints.CastWrittenIn"/>); null for every other local. Syntax only: nothing is asked of the compiler.
            /// </summary>
            private static VariableDeclaratorSyntax? CastInitializedDeclarator(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
            {
                var references = local.DeclaringSyntaxReferences;
                return references.Length == 1
                    && references[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                    && declarator.SyntaxTree == model.SyntaxTree
                    && SyntaxHints.IsWrittenAsCast(initializer.Value)
                        ? declarator
                        : null;
            }

            private bool IsStatusConversion(IOperation? operation, StatusEnum? expected, out StatusEnum statusEnum)
            {
                statusEnum = null!;
                return operation is IConversionOperation { IsImplicit: false } conversion
                    && _catalog.IsStatusToIntegral(conversion, out statusEnum, out var isNullable)
                    && !isNullable
                    && (expected is null || expected == statusEnum);
            }

            private static bool IsSameLocal(SemanticModel model, IdentifierNameSyntax identifier, ILocalSymbol local, CancellationToken cancellationToken) =>
                SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local);

            private static bool IsRelationalOperand(IOperation operation)
            {
                var parent = operation.Parent;
                while (parent is IConversionOperation { IsImplicit: true })
                {
                    parent = parent.Parent;
                }

                return parent is IRelationalPatternOperation
                    || parent is IBinaryOperation
                    {
                        OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
                            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual,
                    };
            }

            private void Report(
                SyntaxNodeAnalysisContext context,
                StatusEnum statusEnum,
                long value,
                SyntaxNode literal,
                string fix,
                ITypeSymbol? integralType,
                SyntaxNode? cast,
                SyntaxNode? container)
            {
                var names = statusEnum.CurrentNamesOf(value);
                if (!names.IsEmpty)
                {
                    var properties = GetProperties(statusEnum, value, names, fix, integralType);

                    // Additional locations: the cast to unwrap or replace, then the construct that holds the number.
                    var additional = cast is null
                        ? ImmutableArray<Location>.Empty
                        : container is null ? ImmutableArray.Create(cast.GetLocation()) : ImmutableArray.Create(cast.GetLocation(), container.GetLocation());
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SMTP001_MagicStatusCode,
                        literal.GetLocation(),
                        additional,
                        properties,
                        TextOf(literal),
                        names[0].QualifiedName));
                }
                else if (!statusEnum.IsMemberValue(value)
                    && !SmtpReplyCodes.IsDefinedByRfc(value)
                    && !SmtpCodesOptions.IsAdditionalReplyCode(context.Options, literal.SyntaxTree, value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SMTP004_UnknownStatusCode,
                        literal.GetLocation(),
                        TextOf(literal),
                        statusEnum.DisplayName,
                        DroppedDigit.Suggestion(statusEnum, value)));
                }
            }

            /// <summary>
            /// The fix's properties, built once per enum, value, fix and integral type: a compilation reports the same
            /// few numbers over and over (measured by tests/SmtpCodes.Analyzers.Benchmarks).
            /// </summary>
            private ImmutableDictionary<string, string?> GetProperties(StatusEnum statusEnum, long value, ImmutableArray<StatusMember> names, string fix, ITypeSymbol? integralType)
            {
                var key = new PropertiesKey(statusEnum, value, fix, integralType?.SpecialType ?? SpecialType.None);
                if (_properties.TryGetValue(key, out var cached))
                {
                    return cached;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(MagicSmtpCodeProperties.FixKind, fix);
                properties.Add(MagicSmtpCodeProperties.EnumType, statusEnum.MetadataName);
                properties.Add(MagicSmtpCodeProperties.MemberNames, JoinNames(names));
                if (integralType is not null)
                {
                    properties.Add(MagicSmtpCodeProperties.IntegralType, integralType.SpecialType.ToString());
                }

                return _properties.GetOrAdd(key, properties.ToImmutable());
            }

            /// <summary>The number as written: a literal's token text needs no string to be built.</summary>
            private static string TextOf(SyntaxNode literal) =>
                literal is LiteralExpressionSyntax { Token: var token } ? token.Text : literal.ToString();

            private static string JoinNames(ImmutableArray<StatusMember> names)
            {
                if (names.Length == 1)
                {
                    return names[0].Name;
                }

                var builder = new System.Text.StringBuilder();
                foreach (var name in names)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(name.Name);
                }

                return builder.ToString();
            }

            private readonly struct PropertiesKey : IEquatable<PropertiesKey>
            {
                private readonly StatusEnum _enum;
                private readonly long _value;
                private readonly string _fix;
                private readonly SpecialType _integralType;

                internal PropertiesKey(StatusEnum statusEnum, long value, string fix, SpecialType integralType)
                {
                    _enum = statusEnum;
                    _value = value;
                    _fix = fix;
                    _integralType = integralType;
                }

                public bool Equals(PropertiesKey other) =>
                    ReferenceEquals(_enum, other._enum) && _value == other._value && _integralType == other._integralType
                    && string.Equals(_fix, other._fix, StringComparison.Ordinal);

                public override bool Equals(object? obj) => obj is PropertiesKey other && Equals(other);

                public override int GetHashCode() =>
                    unchecked((((_value.GetHashCode() * 31) + (int)_integralType) * 31 + _fix.GetHashCode()) * 31 + _enum.GetHashCode());
            }
        }
    }
}
