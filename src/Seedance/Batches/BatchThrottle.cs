using System;
using System.Threading;
using System.Threading.Tasks;

namespace Seedance;

/// <summary>
/// How many batch items may run at once, and when new ones may start. A refused create call (429, 503) pauses new
/// starts for the whole batch and halves the limit; each acknowledged one raises it by one again, up to the maximum.
/// </summary>
/// <remarks>Only one caller waits at a time (the batch's loop, then its drain), so one pulse wakes it.</remarks>
internal sealed class BatchThrottle
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly int _max;
    private readonly SeedanceClientOptions _options;
    private readonly TimeProvider _time;
    private int _limit;
    private int _active;
    private int _refusalsInARow;
    private DateTimeOffset _pausedUntil;

    public BatchThrottle(int max, SeedanceClientOptions options, TimeProvider time)
    {
        _max = max;
        _limit = max;
        _options = options;
        _time = time;
    }

    /// <summary>Waits for a free slot outside any pause, and takes it.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now < _pausedUntil) wait = _pausedUntil - now;
                else if (_active < _limit)
                {
                    _active++;
                    return;
                }
                else wait = Timeout.InfiniteTimeSpan;
            }
            if (wait == Timeout.InfiniteTimeSpan) await _changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            else await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Exit()
    {
        lock (_gate) _active--;
        Pulse();
    }

    /// <summary>Waits until every slot is back.</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_active == 0) return;
            }
            await _changed.WaitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A create attempt was refused: pause new starts (Retry-After, or the retry delay doubling) and halve the limit.</summary>
    public (TimeSpan Delay, int Limit) Refused(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            _refusalsInARow++;
            // The same back-off as one call's retries, counted over the batch's refusals in a row.
            var delay = retryAfter ?? SeedanceRetryStrategy.Backoff(_options.RetryDelay, _refusalsInARow - 1, _options.MaxRetryDelay);
            if (delay > _options.MaxRetryDelay) delay = _options.MaxRetryDelay;
            var until = _time.GetUtcNow() + delay;
            if (until > _pausedUntil) _pausedUntil = until;
            _limit = Math.Max(1, _limit / 2);
            return (delay, _limit);
        }
    }

    /// <summary>A create call was acknowledged: the API is taking work again.</summary>
    public void Accepted()
    {
        lock (_gate)
        {
            _refusalsInARow = 0;
            if (_limit < _max) _limit++;
        }
        Pulse();
    }

    private void Pulse()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the waiter re-checks everything when it wakes.
        }
    }
}
