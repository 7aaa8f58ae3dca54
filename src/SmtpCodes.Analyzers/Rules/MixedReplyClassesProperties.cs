namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>What <see cref="MixedReplyClassesRule"/> hands its code fixes through diagnostic properties.</summary>
    internal static class MixedReplyClassesProperties
    {
        /// <summary>
        /// SMTP005: <see cref="SplitSection"/> or <see cref="SplitArm"/>; absent where there is no fix (<c>is</c>, <c>||</c>,
        /// branches that do the same). SMTP007/SMTP008: <see cref="MoveLabel"/> or <see cref="MoveAlternative"/>; absent where
        /// the switch has no single branch to move the member to.
        /// </summary>
        internal const string FixKind = "FixKind";

        /// <summary>The case section (additional location 0) becomes a transient and a permanent section.</summary>
        internal const string SplitSection = "SplitSection";

        /// <summary>The switch-expression arm (additional location 0) becomes a transient and a permanent arm.</summary>
        internal const string SplitArm = "SplitArm";

        /// <summary>
        /// SMTP007/SMTP008 in a switch statement: the member's label or <c>or</c> alternative leaves its section (additional
        /// location 0) for the one section (additional location 1) whose intent fits the member's class.
        /// </summary>
        internal const string MoveLabel = "MoveLabel";

        /// <summary>SMTP007/SMTP008 in a switch expression: the member leaves its arm (additional location 0) for the one arm (1) that fits.</summary>
        internal const string MoveAlternative = "MoveAlternative";

        /// <summary>
        /// One letter per alternative of the branch, in source order (each label of a section; each <c>or</c> alternative of
        /// a label or arm without <c>when</c>): <see cref="Transient"/>, <see cref="Permanent"/> or <see cref="Other"/>.
        /// </summary>
        internal const string Classes = "Classes";

        internal const char Transient = 'T';
        internal const char Permanent = 'P';
        internal const char Other = 'O';

        /// <summary>
        /// SMTP005: what the branch does with a failure, where it is known: <see cref="Retry"/> or <see cref="GiveUp"/>. The
        /// split's title says both copies still do it.
        /// </summary>
        internal const string Intent = "Intent";

        internal const string Retry = "Retry";
        internal const string GiveUp = "GiveUp";
    }
}
