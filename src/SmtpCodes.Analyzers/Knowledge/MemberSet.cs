namespace SmtpCodes.Analyzers.Knowledge
{
    /// <summary>
    /// A set of one status enum's members, one bit per <see cref="StatusMember.Index"/>: what a label matches, what a
    /// switch handles, what is missing, each computed once and compared with a few word operations.
    /// </summary>
    internal sealed class MemberSet
    {
        private readonly ulong[] _bits;

        internal MemberSet(int count) => _bits = new ulong[(count + 63) >> 6];

        internal void Add(int index) => _bits[index >> 6] |= 1UL << (index & 63);

        internal bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;

        internal void UnionWith(MemberSet other)
        {
            for (var word = 0; word < _bits.Length; word++)
            {
                _bits[word] |= other._bits[word];
            }
        }

        internal bool Overlaps(MemberSet other)
        {
            for (var word = 0; word < _bits.Length; word++)
            {
                if ((_bits[word] & other._bits[word]) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        internal bool IsSubsetOf(MemberSet other)
        {
            for (var word = 0; word < _bits.Length; word++)
            {
                if ((_bits[word] & ~other._bits[word]) != 0)
                {
                    return false;
                }
            }

            return true;
        }

        internal bool IsEmpty
        {
            get
            {
                foreach (var word in _bits)
                {
                    if (word != 0)
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
