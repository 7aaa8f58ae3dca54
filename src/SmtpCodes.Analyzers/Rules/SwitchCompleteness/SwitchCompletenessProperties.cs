namespace SmtpCodes.Analyzers.Rules
{
    /// <summary>
    /// What <see cref="SwitchCompletenessRule"/> hands its code fix. Additional location 0 is the whole switch
    /// statement or switch expression; the indices count its sections (statement) or arms (expression).
    /// </summary>
    internal static class SwitchCompletenessProperties
    {
        /// <summary>The preferred names of the missing members, one per value, ascending by value, comma-separated.</summary>
        internal const string MissingMembers = "MissingMembers";

        /// <summary>
        /// Present when exactly one section or arm handles only codes of the diagnostic's class, and adding the missing
        /// codes to it makes no later branch unreachable: its index.
        /// </summary>
        internal const string HandlerIndex = "HandlerIndex";

        /// <summary>
        /// Present when a new section or arm can hold the missing codes: the index it takes, before any default or
        /// catch-all and after every guarded branch that tests one of them.
        /// </summary>
        internal const string InsertIndex = "InsertIndex";

        /// <summary>
        /// Present when what the missing codes reach today is known (the message names it): <c>Retry</c> or <c>GiveUp</c>,
        /// the <see cref="Knowledge.FailureIntent"/> the titles put in words.
        /// </summary>
        internal const string ReachedIntent = "ReachedIntent";

        /// <summary>Present with <see cref="HandlerIndex"/> when that branch retries or gives up: <c>Retry</c> or <c>GiveUp</c>.</summary>
        internal const string HandlerIntent = "HandlerIntent";
    }
}
