using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Seedance.Rules;

namespace Seedance.Generators.Analyzers;

/// <summary>
/// The rules' outcome for request facts already checked against a matrix. An editor re-analyzes the
/// same requests on every keystroke and their facts rarely change between two, so a request seen before
/// costs a hash and a comparison instead of the rules (docs/performance.md, "Caches": a re-analysis
/// 6.8 µs per site against a first analysis's 9.0 µs). One cache per matrix instance, held weakly by it.
/// </summary>
/// <remarks>
/// A fixed table of buckets of four entries, indexed by the facts' hash; a full bucket gives up one
/// entry. Bounded (16,384 entries), and lock-free, because analyzer callbacks run on several threads at
/// once and a lock would make them wait on each other. Keys and outcomes are immutable, so an entry can
/// be shared by any number of readers.
/// </remarks>
internal sealed class RuleOutcomeCache
{
    private const int Ways = 4;
    private const int Buckets = 4096;
    private const int Slots = Ways * Buckets;

    private static readonly ConditionalWeakTable<ModelMatrix, RuleOutcomeCache> s_byMatrix = new();

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

    /// <summary>The violations of <paramref name="facts"/>.</summary>
    public ImmutableArray<RuleViolation> Check(RequestFacts facts)
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

        var violations = new List<RuleViolation>();
        RequestRules.Check(_matrix, facts, violations);
        var outcome = violations.Count == 0 ? ImmutableArray<RuleViolation>.Empty : violations.ToImmutableArray();
        // A full bucket gives up the way the hash's upper bits pick: no bookkeeping shared between threads.
        var slot = free >= 0 ? free : bucket + ((hash >> 16) & (Ways - 1));
        Volatile.Write(ref _slots[slot], new Entry(hash, facts, outcome));
        return outcome;
    }

    private sealed class Entry(int hash, RequestFacts facts, ImmutableArray<RuleViolation> outcome)
    {
        public int Hash { get; } = hash;

        public RequestFacts Facts { get; } = facts;

        public ImmutableArray<RuleViolation> Outcome { get; } = outcome;
    }
}
