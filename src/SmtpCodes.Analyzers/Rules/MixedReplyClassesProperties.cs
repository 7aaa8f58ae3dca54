namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>What <see cref="MixedReplyClassesAnalyzer"/> hands its code fix through diagnostic properties.</summary>
    internal static class MixedReplyClassesProperties
    {
        /// <summary><see cref="SplitSection"/> or <see cref="SplitArm"/>; absent where there is no fix (<c>is</c>, <c>||</c>).</summary>
        internal const string FixKind = "FixKind";

        /// <summary>The case section (additional location 0) becomes a transient and a permanent section.</summary>
        internal const string SplitSection = "SplitSection";

        /// <summary>The switch-expression arm (additional location 0) becomes a transient and a permanent arm.</summary>
        internal const string SplitArm = "SplitArm";

        /// <summary>
        /// One letter per alternative of the branch, in source order (each label of a section; each <c>or</c> alternative of
        /// a label or arm without <c>when</c>): <see cref="Transient"/>, <see cref="Permanent"/> or <see cref="Other"/>.
        /// </summary>
        internal const string Classes = "Classes";

        internal const char Transient = 'T';
        internal const char Permanent = 'P';
        internal const char Other = 'O';
    }
}
