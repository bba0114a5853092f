using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// The rules' outcome for request facts already checked against a matrix. An editor re-analyzes the
/// same requests on every keystroke, and their facts (constants) rarely change between two: a request
/// seen before costs a hash and a comparison instead of a prompt scan. Keyed by value, per matrix
/// instance (the matrix is parsed once per distinct text).
/// </summary>
/// <remarks>
/// A fixed table of 4-slot buckets indexed by the facts' hash; a full bucket gives up one of its four
/// entries. Bounded by construction and lock-free (a slot is one reference, read and written whole):
/// analyzer callbacks run on several threads at once, and a locking dictionary made them wait on each
/// other. A direct-mapped table (one slot per hash) was tried first: at 2,000 requests in 4,096 slots,
/// two in five requests shared a slot with another and missed on every pass.
/// </remarks>
internal sealed class RuleOutcomeCache
{
    private const int Ways = 4;
    private const int Buckets = 4096;
    private const int Slots = Ways * Buckets;

    private static readonly ConditionalWeakTable<ModelMatrix, RuleOutcomeCache> s_byMatrix = new();

    private static readonly RuleViolation[] NoViolations = [];

    private readonly Entry?[] _slots = new Entry?[Slots];
    private readonly ModelMatrix _matrix;

    private RuleOutcomeCache(ModelMatrix matrix) => _matrix = matrix;

    public static RuleOutcomeCache For(ModelMatrix matrix) => s_byMatrix.GetValue(matrix, static m => new RuleOutcomeCache(m));

    /// <summary>Empties the cache of <paramref name="matrix"/> (benchmarks measure a first analysis with it).</summary>
    internal static void Clear(ModelMatrix matrix)
    {
        if (!s_byMatrix.TryGetValue(matrix, out var cache)) return;
        for (var i = 0; i < Slots; i++) Volatile.Write(ref cache._slots[i], null);
    }

    /// <summary>The violations of <paramref name="facts"/>; the array is shared and must not be changed.</summary>
    public RuleViolation[] Check(RequestFacts facts, List<RuleViolation> scratch)
    {
        var hash = facts.GetHashCode();
        var bucket = (hash & (Buckets - 1)) * Ways;
        var free = -1;
        for (var way = 0; way < Ways; way++)
        {
            var entry = Volatile.Read(ref _slots[bucket + way]);
            if (entry is null)
            {
                if (free < 0) free = bucket + way;
            }
            else if (entry.Hash == hash && entry.Facts.Equals(facts))
            {
                return entry.Outcome;
            }
        }

        scratch.Clear();
        RequestRules.Check(_matrix, facts, scratch);
        var outcome = scratch.Count == 0 ? NoViolations : scratch.ToArray();
        // A full bucket gives up the way the hash's upper bits pick: no bookkeeping shared between threads.
        var slot = free >= 0 ? free : bucket + ((hash >> 16) & (Ways - 1));
        Volatile.Write(ref _slots[slot], new Entry(hash, facts, outcome));
        return outcome;
    }

    private sealed class Entry(int hash, RequestFacts facts, RuleViolation[] outcome)
    {
        public int Hash { get; } = hash;

        public RequestFacts Facts { get; } = facts;

        public RuleViolation[] Outcome { get; } = outcome;
    }
}
