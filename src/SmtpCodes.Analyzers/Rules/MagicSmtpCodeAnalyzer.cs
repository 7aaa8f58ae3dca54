using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// SMTP-code contexts of rules.md. Every context starts at an explicit conversion, to a status enum
    /// (<c>(SmtpStatusCode)550</c>) or from one (<c>(int)ex.StatusCode</c>), so one operation action on
    /// conversions finds them all and rejects everything else in its first lines.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MagicSmtpCodeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SMTP001_MagicStatusCode, Descriptors.SMTP004_UnknownStatusCode);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var catalog = StatusEnumCatalog.Create(start.Compilation, start.Options);
                if (catalog is null)
                {
                    return;
                }

                var analysis = new Analysis(catalog);
                start.RegisterOperationAction(analysis.AnalyzeConversion, OperationKind.Conversion);
            });
        }

        private sealed class Analysis
        {
            private readonly StatusEnumCatalog _catalog;
            private readonly ConcurrentDictionary<PropertiesKey, ImmutableDictionary<string, string?>> _properties = new();

            internal Analysis(StatusEnumCatalog catalog) => _catalog = catalog;

            internal void AnalyzeConversion(OperationAnalysisContext context)
            {
                var conversion = (IConversionOperation)context.Operation;
                if (conversion.Type is not { } targetType)
                {
                    return;
                }

                // A cast the user wrote. The compiler marks (SmtpStatusCode?)550 as two implicit conversions on one
                // cast: take the outer one.
                if (conversion.IsImplicit
                    && (conversion.Syntax is not CastExpressionSyntax || conversion.Parent is IConversionOperation { } outer && outer.Syntax == conversion.Syntax))
                {
                    return;
                }

                // Context 1: (SmtpStatusCode)550, but not the bound of a class check (code < (SmtpStatusCode)300).
                if (_catalog.TryGet(targetType, out var statusEnum))
                {
                    if (!IsRelationalOperand(conversion)
                        && SmtpCodeContexts.TryGetLiteral(conversion.Operand, out var value, out var literal))
                    {
                        Report(context, statusEnum, value, literal, MagicSmtpCodeProperties.CastFix, null, conversion.Syntax, null);
                    }

                    return;
                }

                // Contexts 2-4 start at (int)status: a lossless conversion of a status value to an integral type.
                if (!IntegralConstants.IsIntegral(targetType.SpecialType)
                    || !_catalog.TryGet(conversion.Operand.Type, out statusEnum, out var isNullable)
                    || !IntegralConstants.IsLossless(statusEnum.UnderlyingType, targetType.SpecialType))
                {
                    return;
                }

                // (int)nullableStatus throws on null where nullableStatus == Member is false: keep the integral value then.
                AnalyzeUse(context, statusEnum, conversion, isNullable ? null : conversion.Syntax);

                // Context 4: var code = (int)ex.StatusCode; ... code == 550.
                if (conversion.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    && declarator.Symbol is { IsRef: false, IsConst: false } local)
                {
                    AnalyzeLocal(context, statusEnum, local, conversion);
                }
            }

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

            /// <summary>
            /// Looks at what consumes a converted status value: an equality test, a switch, a switch expression or
            /// an <c>is</c> pattern. <paramref name="castToUnwrap"/> is null where the fix must keep the integral value.
            /// </summary>
            private void AnalyzeUse(OperationAnalysisContext context, StatusEnum statusEnum, IOperation value, SyntaxNode? castToUnwrap)
            {
                var current = value;
                while (current.Parent is IConversionOperation { IsImplicit: true } widening)
                {
                    current = widening;
                }

                switch (current.Parent)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        var other = comparison.LeftOperand == current ? comparison.RightOperand : comparison.LeftOperand;
                        if (SmtpCodeContexts.TryGetLiteral(other, out var number, out var literal))
                        {
                            var fix = castToUnwrap is null ? MagicSmtpCodeProperties.ReplaceFix : MagicSmtpCodeProperties.UnwrapFix;
                            Report(context, statusEnum, number, literal, fix, value.Type, castToUnwrap, comparison.Syntax);
                        }

                        break;
                    case ISwitchOperation switchStatement when switchStatement.Value == current:
                        AnalyzeTestedConstants(context, statusEnum, switchStatement, value, castToUnwrap);
                        break;
                    case ISwitchExpressionOperation switchExpression when switchExpression.Value == current:
                        AnalyzeTestedConstants(context, statusEnum, switchExpression, value, castToUnwrap);
                        break;
                    case IIsPatternOperation isPattern when isPattern.Value == current:
                        AnalyzeTestedConstants(context, statusEnum, isPattern, value, castToUnwrap);
                        break;
                }
            }

            private void AnalyzeTestedConstants(OperationAnalysisContext context, StatusEnum statusEnum, IOperation container, IOperation value, SyntaxNode? castToUnwrap)
            {
                var constants = new List<IOperation>();
                var relationalOperands = new List<IOperation>();
                var canRewriteWhole = SmtpCodeContexts.CollectTestedConstants(container, constants, relationalOperands) && castToUnwrap is not null;
                var fix = canRewriteWhole ? MagicSmtpCodeProperties.UnwrapAllFix : MagicSmtpCodeProperties.ReplaceFix;
                foreach (var constant in constants)
                {
                    if (SmtpCodeContexts.TryGetLiteral(constant, out var number, out var literal))
                    {
                        Report(context, statusEnum, number, literal, fix, value.Type, canRewriteWhole ? castToUnwrap : null, container.Syntax);
                    }
                }
            }

            /// <summary>
            /// Context 4: a local initialised from <c>(int)status</c>. It is an SMTP-code context only when every
            /// other write to it is such a conversion too; then each read is analysed as the conversion would be.
            /// </summary>
            private void AnalyzeLocal(OperationAnalysisContext context, StatusEnum statusEnum, ILocalSymbol local, IConversionOperation initializer)
            {
                var semanticModel = initializer.SemanticModel;
                if (semanticModel is null || !IntegralConstants.IsIntegral(local.Type.SpecialType) || GetLocalScope(initializer.Syntax) is not { } scope)
                {
                    return;
                }

                var reads = new List<IOperation>();
                foreach (var node in scope.DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax identifier
                        || identifier.Identifier.ValueText != local.Name
                        || semanticModel.GetOperation(identifier, context.CancellationToken) is not ILocalReferenceOperation reference
                        || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    switch (identifier.Parent)
                    {
                        case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                                || reference.Parent is not ISimpleAssignmentOperation { Value: IConversionOperation { IsImplicit: false } assigned }
                                || !_catalog.TryGet(assigned.Operand.Type, out var assignedEnum, out var nullable)
                                || nullable
                                || assignedEnum != statusEnum)
                            {
                                return;
                            }

                            break;
                        case PrefixUnaryExpressionSyntax:
                        case PostfixUnaryExpressionSyntax:
                        case RefExpressionSyntax:
                        case ArgumentSyntax:
                            // ++code, ref code, out code, (code, x) = ...: a write we cannot follow.
                            return;
                        default:
                            reads.Add(reference);
                            break;
                    }
                }

                foreach (var read in reads)
                {
                    AnalyzeUse(context, statusEnum, read, null);
                }
            }

            private static SyntaxNode? GetLocalScope(SyntaxNode initializerValue)
            {
                var declarator = initializerValue.Parent?.Parent;
                if (declarator is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration })
                {
                    return null;
                }

                var owner = declaration.Parent;
                if (owner is LocalDeclarationStatementSyntax statement)
                {
                    return statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
                }

                return owner;
            }

            private void Report(
                OperationAnalysisContext context,
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
                        statusEnum.DisplayName + "." + names[0].Name));
                }
                else if (!statusEnum.IsMemberValue(value) && !SmtpReplyCodes.IsDefinedByRfc(value))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SMTP004_UnknownStatusCode,
                        literal.GetLocation(),
                        TextOf(literal),
                        statusEnum.DisplayName));
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
                properties.Add(MagicSmtpCodeProperties.EnumType, MetadataName(statusEnum.Type));
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

            private static string MetadataName(INamedTypeSymbol type)
            {
                var name = type.MetadataName;
                for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                {
                    name = outer.MetadataName + "+" + name;
                    type = outer;
                }

                return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
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
