using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// Whether two branches of one switch do the same (rules.md, shape 1 and "Branches that do the same"): sections with the
    /// same statements, or arms with the same result, token for token (whitespace and comments aside).
    /// </summary>
    internal static class BranchBodies
    {
        internal static bool DoTheSame(SyntaxNode branch, SyntaxNode other)
        {
            switch (branch)
            {
                case SwitchSectionSyntax section when other is SwitchSectionSyntax otherSection:
                    if (section.Statements.Count != otherSection.Statements.Count)
                    {
                        return false;
                    }

                    for (var index = 0; index < section.Statements.Count; index++)
                    {
                        if (!SyntaxFactory.AreEquivalent(section.Statements[index], otherSection.Statements[index], topLevel: false))
                        {
                            return false;
                        }
                    }

                    return true;
                case SwitchExpressionArmSyntax arm when other is SwitchExpressionArmSyntax otherArm:
                    return SyntaxFactory.AreEquivalent(arm.Expression, otherArm.Expression, topLevel: false);
                default:
                    return false;
            }
        }
    }
}
