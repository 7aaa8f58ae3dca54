namespace SmtpCodes.Analyzers
{
    /// <summary>
    /// The equivalence key of every code action the package offers, in one scheme, and which of them run in bulk.
    /// Keys are public and stable: Fix All groups diagnostics by them, and <c>dotnet format analyzers</c> runs a fixer's
    /// Fix All with the key of the first action offered for the first diagnostic it finds.
    /// <list type="bullet">
    /// <item><description>
    /// <b>Value-preserving fixes</b> (the program does the same afterwards): the key is the rule ID, with <c>.Name</c> for
    /// the variant that writes a member's alias. <c>SMTP001</c> (each value's preferred member), <c>SMTP001.&lt;Alias&gt;</c>.
    /// Its fixer has a Fix All provider (document, project, solution), which also accepts a null key
    /// (what <c>dotnet format</c> passes when the first diagnostic it looks at has no fix).
    /// </description></item>
    /// <item><description>
    /// <b>Decisions</b> (the program does something else afterwards, or the code is duplicated for a person to change):
    /// the key is the rule ID and a verb, <c>&lt;ID&gt;.&lt;Action&gt;</c>: <c>SMTP002.AddToExistingHandler</c>,
    /// <c>SMTP002.AddAsNewCase</c>, <c>SMTP002.ListWhereHandledToday</c>, the same for <c>SMTP003</c>, <c>SMTP005.Split</c>,
    /// <c>SMTP006.CompareStatus</c> (real messages do not hold the reply code, so the program takes the other branch
    /// afterwards), <c>SMTP007.RetryOnlyTransient</c>, <c>SMTP007.MoveToGiveUpBranch</c>, <c>SMTP008.MoveToRetryBranch</c>.
    /// (<c>ListWhereHandledToday</c> keeps what the program does, but it states that the codes belong where they go today,
    /// which is a person's decision too.) Their fixers return no Fix All
    /// provider: Fix All and <c>dotnet format</c> leave those diagnostics in place; a person takes them one at a time
    /// from the lightbulb, whose title says what the program will do afterwards.
    /// </description></item>
    /// </list>
    /// </summary>
    public static class FixKinds
    {
        /// <summary>SMTP001: each number becomes its value's preferred (first declared) member.</summary>
        public const string MagicCodeToMember = DiagnosticIds.MagicStatusCode;

        /// <summary>SMTP001: the number becomes the alias <paramref name="memberName"/>, where its value has that name.</summary>
        public static string MagicCodeToAlias(string memberName) => DiagnosticIds.MagicStatusCode + "." + memberName;

        /// <summary>SMTP002: the missing transient codes join the one case or arm that handles only transient codes.</summary>
        public const string TransientToHandler = DiagnosticIds.MissingTransientCodes + ".AddToExistingHandler";

        /// <summary>SMTP002: the missing transient codes get a case or arm of their own, which throws NotImplementedException.</summary>
        public const string TransientAsNewCase = DiagnosticIds.MissingTransientCodes + ".AddAsNewCase";

        /// <summary>SMTP003: the missing permanent codes join the one case or arm that handles only permanent codes.</summary>
        public const string PermanentToHandler = DiagnosticIds.MissingPermanentCodes + ".AddToExistingHandler";

        /// <summary>SMTP003: the missing permanent codes get a case or arm of their own, which throws NotImplementedException.</summary>
        public const string PermanentAsNewCase = DiagnosticIds.MissingPermanentCodes + ".AddAsNewCase";

        /// <summary>SMTP002: the missing transient codes are listed where they go today (the default section, a case that breaks, an arm like the discard).</summary>
        public const string TransientAsToday = DiagnosticIds.MissingTransientCodes + ".ListWhereHandledToday";

        /// <summary>SMTP003: the missing permanent codes are listed where they go today.</summary>
        public const string PermanentAsToday = DiagnosticIds.MissingPermanentCodes + ".ListWhereHandledToday";

        /// <summary>SMTP005: the branch becomes a transient and a permanent branch with copies of its body.</summary>
        public const string SplitByReplyClass = DiagnosticIds.MixedReplyClasses + ".Split";

        /// <summary>SMTP008: the named transient member moves to the one branch of its switch that retries.</summary>
        public const string MoveToRetryBranch = DiagnosticIds.TransientFailureGivenUp + ".MoveToRetryBranch";

        /// <summary>SMTP007 on a named member: the permanent member moves to the one branch of its switch that gives up.</summary>
        public const string MoveToGiveUpBranch = DiagnosticIds.PermanentFailureRetried + ".MoveToGiveUpBranch";

        /// <summary>SMTP006: the text test becomes a comparison of the exception's status (a decision: the program acts on the status afterwards).</summary>
        public const string CompareStatus = DiagnosticIds.StatusReadFromMessage + ".CompareStatus";

        /// <summary>SMTP007: a catch's filter or a Polly predicate that admitted permanent failures admits transient ones only.</summary>
        public const string RetryOnlyTransient = DiagnosticIds.PermanentFailureRetried + ".RetryOnlyTransient";
    }
}
