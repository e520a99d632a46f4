namespace Publisher.Preview;

/// <summary>Tells every open page (one Server-Sent Events stream each) that the site was rebuilt.</summary>
internal sealed class ReloadBroadcaster
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next rebuild has finished.</summary>
    public Task NextAsync()
    {
        lock (_lock)
        {
            return _next.Task;
        }
    }

    /// <summary>Wakes every waiting stream.</summary>
    public void Broadcast()
    {
        TaskCompletionSource current;
        lock (_lock)
        {
            current = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }
}
