using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// What names say about a failure: <c>RetryLater</c>, <c>OutboxState.Pending</c> and <c>ShouldRetry</c> retry;
    /// <c>Bounced</c>, <c>NoRetry</c> and <c>IsPermanent</c> give up. Names are read word by word (<c>NonRetryable</c> is
    /// "non" + "retryable"), never by substring, so <c>RetryCount</c>, <c>MaxRetries</c> and <c>PermanentlyDeleted</c>
    /// say nothing.
    /// </summary>
    internal static class IntentNames
    {
        private enum Word
        {
            Other = 0,

            /// <summary>retry, transient, temporary, defer, pending, requeue, later...</summary>
            Retry,

            /// <summary>permanent, fatal, bounce, reject, nonretryable...: strong give-up words.</summary>
            GiveUp,

            /// <summary>failed, fail, drop, discard, dead...: give up unless a stronger word says otherwise (<c>FailedTemporarily</c>).</summary>
            WeakGiveUp,

            /// <summary>no, non, not, never, dont: turns the next decision word around.</summary>
            Negation,

            /// <summary>soft (a soft bounce is transient).</summary>
            Soft,

            /// <summary>count, max, delay, policy...: the name is about retrying, not a decision.</summary>
            Quantity,

            /// <summary>is, should, can...: the name is a bool question.</summary>
            QuestionVerb,

            /// <summary>smtp, error, failure, status...: says nothing either way.</summary>
            Neutral,
        }

        private const int MaxRemembered = 20000;

        /// <summary>How many names both caches hold together.</summary>
        private static int s_remembered;

        private static readonly ConcurrentDictionary<string, FailureIntent> s_ofName = new ConcurrentDictionary<string, FailureIntent>(StringComparer.Ordinal);

        private static readonly ConcurrentDictionary<string, IntentQuestion> s_questionOf = new ConcurrentDictionary<string, IntentQuestion>(StringComparer.Ordinal);

        private static readonly Dictionary<string, Word> Words = new Dictionary<string, Word>(StringComparer.Ordinal)
        {
            ["retry"] = Word.Retry, ["retries"] = Word.Retry, ["retrying"] = Word.Retry, ["retried"] = Word.Retry,
            ["retryable"] = Word.Retry, ["retriable"] = Word.Retry, ["transient"] = Word.Retry, ["transiently"] = Word.Retry,
            ["temporary"] = Word.Retry, ["temporarily"] = Word.Retry, ["defer"] = Word.Retry,
            ["deferred"] = Word.Retry, ["deferral"] = Word.Retry, ["defers"] = Word.Retry, ["later"] = Word.Retry,
            ["again"] = Word.Retry, ["pending"] = Word.Retry, ["requeue"] = Word.Retry, ["requeued"] = Word.Retry,
            ["reenqueue"] = Word.Retry, ["reschedule"] = Word.Retry, ["rescheduled"] = Word.Retry, ["postpone"] = Word.Retry,
            ["postponed"] = Word.Retry, ["recoverable"] = Word.Retry, ["resend"] = Word.Retry, ["redeliver"] = Word.Retry,
            ["greylisted"] = Word.Retry,

            ["permanent"] = Word.GiveUp, ["fatal"] = Word.GiveUp, ["bounce"] = Word.GiveUp, ["bounced"] = Word.GiveUp,
            ["reject"] = Word.GiveUp, ["rejected"] = Word.GiveUp, ["rejection"] = Word.GiveUp, ["unrecoverable"] = Word.GiveUp,
            ["nonretryable"] = Word.GiveUp, ["nonretriable"] = Word.GiveUp, ["unretryable"] = Word.GiveUp,
            ["nontransient"] = Word.GiveUp, ["undeliverable"] = Word.GiveUp, ["giveup"] = Word.GiveUp,
            ["deadletter"] = Word.GiveUp, ["deadlettered"] = Word.GiveUp, ["abandon"] = Word.GiveUp, ["abandoned"] = Word.GiveUp,
            ["hard"] = Word.GiveUp,

            ["failed"] = Word.WeakGiveUp, ["fail"] = Word.WeakGiveUp, ["drop"] = Word.WeakGiveUp, ["dropped"] = Word.WeakGiveUp,
            ["discard"] = Word.WeakGiveUp, ["discarded"] = Word.WeakGiveUp, ["dead"] = Word.WeakGiveUp,

            ["no"] = Word.Negation, ["non"] = Word.Negation, ["not"] = Word.Negation, ["never"] = Word.Negation,
            ["dont"] = Word.Negation, ["cannot"] = Word.Negation, ["cant"] = Word.Negation, ["without"] = Word.Negation,

            ["soft"] = Word.Soft,

            ["count"] = Word.Quantity, ["counts"] = Word.Quantity, ["counter"] = Word.Quantity, ["attempt"] = Word.Quantity,
            ["attempts"] = Word.Quantity, ["max"] = Word.Quantity, ["maximum"] = Word.Quantity, ["min"] = Word.Quantity,
            ["limit"] = Word.Quantity, ["number"] = Word.Quantity, ["num"] = Word.Quantity, ["times"] = Word.Quantity,
            ["delay"] = Word.Quantity, ["delays"] = Word.Quantity, ["interval"] = Word.Quantity, ["backoff"] = Word.Quantity,
            ["policy"] = Word.Quantity, ["policies"] = Word.Quantity, ["options"] = Word.Quantity, ["settings"] = Word.Quantity,
            ["config"] = Word.Quantity, ["timeout"] = Word.Quantity, ["total"] = Word.Quantity, ["strategy"] = Word.Quantity,
            ["after"] = Word.Quantity, ["at"] = Word.Quantity, ["until"] = Word.Quantity, ["time"] = Word.Quantity,
            ["date"] = Word.Quantity, ["period"] = Word.Quantity, ["duration"] = Word.Quantity, ["index"] = Word.Quantity,
            ["increment"] = Word.Quantity, ["log"] = Word.Quantity, ["logger"] = Word.Quantity, ["deleted"] = Word.Quantity,
            ["permanently"] = Word.Quantity, ["message"] = Word.Neutral,

            ["is"] = Word.QuestionVerb, ["should"] = Word.QuestionVerb, ["can"] = Word.QuestionVerb, ["could"] = Word.QuestionVerb,
            ["must"] = Word.QuestionVerb, ["will"] = Word.QuestionVerb, ["was"] = Word.QuestionVerb, ["has"] = Word.QuestionVerb,
            ["needs"] = Word.QuestionVerb, ["need"] = Word.QuestionVerb, ["may"] = Word.QuestionVerb, ["might"] = Word.QuestionVerb,
            ["are"] = Word.QuestionVerb, ["does"] = Word.QuestionVerb, ["do"] = Word.QuestionVerb,

            ["smtp"] = Word.Neutral, ["error"] = Word.Neutral, ["errors"] = Word.Neutral, ["failure"] = Word.Neutral,
            ["exception"] = Word.Neutral, ["status"] = Word.Neutral, ["code"] = Word.Neutral, ["reply"] = Word.Neutral,
            ["response"] = Word.Neutral, ["result"] = Word.Neutral, ["send"] = Word.Neutral, ["sending"] = Word.Neutral,
            ["delivery"] = Word.Neutral, ["mail"] = Word.Neutral, ["email"] = Word.Neutral, ["it"] = Word.Neutral,
            ["the"] = Word.Neutral, ["a"] = Word.Neutral, ["an"] = Word.Neutral, ["this"] = Word.Neutral,
            ["worth"] = Word.Neutral, ["to"] = Word.Neutral, ["be"] = Word.Neutral,
            ["get"] = Word.Neutral, ["check"] = Word.Neutral, ["s"] = Word.Neutral, ["msg"] = Word.Neutral,
            ["state"] = Word.Neutral, ["outcome"] = Word.Neutral, ["kind"] = Word.Neutral, ["type"] = Word.Neutral,
            ["or"] = Word.Neutral, ["and"] = Word.Neutral, ["up"] = Word.Neutral, ["give"] = Word.Neutral,
            ["mark"] = Word.Neutral, ["as"] = Word.Neutral, ["async"] = Word.Neutral, ["one"] = Word.Neutral,

            // Library names split into words: IsTransientMailKitSmtpError asks the retry question about MailKit's errors.
            ["kit"] = Word.Neutral, ["net"] = Word.Neutral,
        };

        /// <summary>
        /// The intent of a value, an assigned target, a called method or a thrown type, read from its name:
        /// <c>RetryLater</c>, <c>Pending</c>, <c>TransientFailure</c>, <c>ScheduleRetry</c> retry; <c>Bounced</c>,
        /// <c>PermanentFailure</c>, <c>NoRetry</c>, <c>MarkFailed</c> give up; <c>RetryCount</c>, <c>Sent</c> say nothing.
        /// </summary>
        internal static FailureIntent OfName(string name)
        {
            if (s_ofName.TryGetValue(name, out var known))
            {
                return known;
            }

            var intent = ReadName(name);
            Remember(s_ofName, name, intent);
            return intent;
        }

        private static FailureIntent ReadName(string name)
        {
            var words = Split(name);
            if (words.Count == 0)
            {
                return FailureIntent.Unknown;
            }

            var retry = false;
            var giveUp = false;
            var weakGiveUp = false;
            var negated = false;
            var soft = false;
            for (var index = 0; index < words.Count; index++)
            {
                var kind = words[index] == "give" && index + 1 < words.Count && words[index + 1] == "up" ? Word.GiveUp : Classify(words[index]);
                switch (kind)
                {
                    case Word.Quantity:
                        return FailureIntent.Unknown;
                    case Word.Negation:
                        negated = true;
                        break;
                    case Word.Soft:
                        soft = true;
                        break;
                    case Word.Retry:
                        if (negated)
                        {
                            giveUp = true;
                            negated = false;
                        }
                        else
                        {
                            retry = true;
                        }

                        break;
                    case Word.GiveUp:
                        if (negated)
                        {
                            // "NotPermanent" says what it is not; that is no decision.
                            return FailureIntent.Unknown;
                        }

                        giveUp = true;
                        break;
                    case Word.WeakGiveUp:
                        if (negated)
                        {
                            return FailureIntent.Unknown;
                        }

                        weakGiveUp = true;
                        break;
                }
            }

            if (soft && (giveUp || weakGiveUp) && !retry)
            {
                // A soft bounce or soft failure is the marketing name of a transient one.
                return FailureIntent.Retry;
            }

            if (retry && giveUp)
            {
                return FailureIntent.Unknown;
            }

            if (retry)
            {
                return FailureIntent.Retry;
            }

            return giveUp || weakGiveUp ? FailureIntent.GiveUp : FailureIntent.Unknown;
        }

        /// <summary>
        /// The bool question a method, property or variable name asks: <c>IsTransient</c>, <c>ShouldRetry</c>, <c>retry</c>
        /// (true retries); <c>IsPermanent</c>, <c>IsNotTransient</c>, <c>noRetry</c> (true gives up); <c>IsHardBounce</c>,
        /// <c>IsQuotaExceeded</c> (narrower than the class); <c>TrySend</c>, <c>Handle</c> (none).
        /// </summary>
        internal static IntentQuestion QuestionOf(string name)
        {
            if (s_questionOf.TryGetValue(name, out var known))
            {
                return known;
            }

            var question = ReadQuestion(name);
            Remember(s_questionOf, name, question);
            return question;
        }

        private static IntentQuestion ReadQuestion(string name)
        {
            if (name == "ShouldHandle")
            {
                // Polly's RetryStrategyOptions.ShouldHandle: true means "retry this".
                return IntentQuestion.Retry;
            }

            var words = Split(name);
            var asks = false;
            var decision = FailureIntent.Unknown;
            var conflicting = false;
            var other = false;
            var negated = false;
            for (var index = 0; index < words.Count; index++)
            {
                var word = words[index];
                switch (Classify(word))
                {
                    case Word.QuestionVerb:
                        asks |= index == 0;
                        break;
                    case Word.Negation:
                        negated = true;
                        break;
                    case Word.Retry:
                        Decide(ref decision, ref conflicting, negated ? FailureIntent.GiveUp : FailureIntent.Retry);
                        negated = false;
                        break;
                    case Word.GiveUp when word != "hard" && word != "bounce" && word != "bounced" && word != "reject" && word != "rejected":
                        Decide(ref decision, ref conflicting, negated ? FailureIntent.Retry : FailureIntent.GiveUp);
                        negated = false;
                        break;
                    case Word.Neutral:
                        break;
                    default:
                        // IsHardBounce, IsQuotaExceeded, IsMailboxFull, IsAuthenticationFailure, IsSuccess, RetryCount.
                        other = true;
                        break;
                }
            }

            if (conflicting)
            {
                return IntentQuestion.None;
            }

            if (decision == FailureIntent.Unknown)
            {
                return asks && (other || words.Count > 1) ? IntentQuestion.Narrow : IntentQuestion.None;
            }

            if (other)
            {
                return asks ? IntentQuestion.Narrow : IntentQuestion.None;
            }

            return decision == FailureIntent.Retry ? IntentQuestion.Retry : IntentQuestion.GiveUp;
        }

        /// <summary>A call that sends a message: <c>Send</c>, <c>SendAsync</c>, <c>SendMailAsync</c>, <c>Resend</c>; not <c>SendBounceNotice</c>.</summary>
        internal static bool IsPlainSend(string name)
        {
            var words = Split(name);
            if (words.Count == 0 || (words[0] != "send" && words[0] != "resend" && words[0] != "redeliver"))
            {
                return false;
            }

            for (var index = 1; index < words.Count; index++)
            {
                switch (words[index])
                {
                    case "async":
                    case "mail":
                    case "email":
                    case "message":
                    case "messages":
                    case "msg":
                    case "it":
                    case "again":
                    case "now":
                    case "smtp":
                    case "core":
                    case "internal":
                        continue;
                    default:
                        return false;
                }
            }

            return true;
        }

        /// <summary>A call that only reports: <c>Log*</c>, <c>logger.*</c>, <c>Console.Write*</c>, <c>Debug.*</c>, <c>Trace.*</c>.</summary>
        internal static bool IsLogging(string method, string? receiver)
        {
            if (method.StartsWith("Log", StringComparison.Ordinal)
                || method.StartsWith("Write", StringComparison.Ordinal)
                || method.StartsWith("Trace", StringComparison.Ordinal)
                || method.StartsWith("Report", StringComparison.Ordinal)
                || method.StartsWith("Notify", StringComparison.Ordinal))
            {
                return true;
            }

            if (receiver is null)
            {
                return false;
            }

            var trimmed = receiver.TrimStart('_');
            return trimmed.Equals("Console", StringComparison.Ordinal)
                || trimmed.Equals("Debug", StringComparison.Ordinal)
                || trimmed.Equals("Trace", StringComparison.Ordinal)
                || trimmed.IndexOf("log", StringComparison.OrdinalIgnoreCase) >= 0
                || trimmed.IndexOf("telemetry", StringComparison.OrdinalIgnoreCase) >= 0
                || trimmed.IndexOf("metric", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>A name's words, lower case: <c>NonRetryableSMTPError</c> is non, retryable, smtp, error.</summary>
        internal static List<string> Split(string name)
        {
            var words = new List<string>(4);
            var start = -1;
            for (var index = 0; index < name.Length; index++)
            {
                var c = name[index];
                if (!char.IsLetter(c))
                {
                    Flush(name, ref start, index, words);
                    continue;
                }

                if (start < 0)
                {
                    start = index;
                    continue;
                }

                var previous = name[index - 1];
                var startsWord = char.IsUpper(c) && (char.IsLower(previous)
                    || (index + 1 < name.Length && char.IsLower(name[index + 1]) && char.IsUpper(previous)));
                if (startsWord)
                {
                    Flush(name, ref start, index, words);
                    start = index;
                }
            }

            Flush(name, ref start, name.Length, words);
            return words;
        }

        private static void Flush(string name, ref int start, int end, List<string> words)
        {
            if (start >= 0 && end > start)
            {
                words.Add(name.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }

        /// <summary>
        /// Keeps what a name was read as: a program names its senders, loggers and queues the same way in every branch,
        /// and reading a name splits it into lower-cased words. Bounded, so a long-lived editor process does not grow
        /// without end on generated or unusual names; past the bound a name is read again each time.
        /// </summary>
        private static void Remember<T>(ConcurrentDictionary<string, T> cache, string name, T value)
        {
            // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary.
            if (Volatile.Read(ref s_remembered) < MaxRemembered && cache.TryAdd(name, value))
            {
                Interlocked.Increment(ref s_remembered);
            }
        }

        private static Word Classify(string word) => Words.TryGetValue(word, out var kind) ? kind : Word.Other;

        private static void Decide(ref FailureIntent decision, ref bool conflicting, FailureIntent next)
        {
            conflicting |= decision != FailureIntent.Unknown && decision != next;
            decision = next;
        }
    }
}
