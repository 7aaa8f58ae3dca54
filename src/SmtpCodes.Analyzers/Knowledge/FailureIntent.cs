namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>What a branch does with a failure it receives (rules.md, "What a branch does").</summary>
    internal enum FailureIntent
    {
        /// <summary>Nothing the branch does says: logging only, a text for a person, or signals that disagree.</summary>
        Unknown = 0,

        /// <summary>It tries again: sends again, continues a send loop, requeues, marks the message pending or deferred.</summary>
        Retry,

        /// <summary>It gives up: marks the message failed, bounces, rejects, drops, returns a permanent result.</summary>
        GiveUp,

        /// <summary>It hands the failure to the caller: rethrows, throws an exception built from the status or the caught one, returns the status.</summary>
        HandOn,
    }

    /// <summary>The bool question a name asks, which gives <c>true</c> and <c>false</c> their meaning.</summary>
    internal enum IntentQuestion
    {
        /// <summary>No question, or one that says nothing of retrying: <c>TrySend</c>, <c>Handle</c>.</summary>
        None = 0,

        /// <summary><c>true</c> retries, <c>false</c> gives up: <c>IsTransient</c>, <c>ShouldRetry</c>, <c>CanRetry</c>, <c>retry</c>.</summary>
        Retry,

        /// <summary><c>true</c> gives up, <c>false</c> retries: <c>IsPermanent</c>, <c>IsFatal</c>, <c>IsNotTransient</c>, <c>noRetry</c>.</summary>
        GiveUp,

        /// <summary>A narrower question than the reply class: <c>IsHardBounce</c>, <c>IsQuotaExceeded</c>, <c>IsMailboxFull</c>.</summary>
        Narrow,
    }
}
