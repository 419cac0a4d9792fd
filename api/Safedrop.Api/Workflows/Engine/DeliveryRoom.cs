namespace Safedrop.Api.Workflows.Engine;

/// <summary>
/// The engine's room for deliveries in hand during one execution: slots, which the read loop takes before it reads, and
/// parking spaces for deliveries that wait for their owner's share. A parked delivery gives its slot back, so the loop
/// reads on, and keeps its parking space until it is done: it never waits for a slot again, so nothing can deadlock.
/// </summary>
public sealed class DeliveryRoom(int slots, int parkingSpaces) : IDisposable
{
    private readonly SemaphoreSlim parking = new(parkingSpaces, parkingSpaces);

    public SemaphoreSlim Slots { get; } = new(slots, slots);

    /// <summary>Moves a delivery from its slot to a parking space; false (it keeps its slot) when the parking is full.</summary>
    public bool TryPark()
    {
        if (!parking.Wait(0)) return false;
        Slots.Release();
        return true;
    }

    /// <summary>A delivery is done: gives back its parking space or its slot.</summary>
    public void Leave(bool parked)
    {
        if (parked) parking.Release();
        else Slots.Release();
    }

    /// <summary>Waits until every delivery is done, by holding every slot and parking space.</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < slots; i++) await Slots.WaitAsync(CancellationToken.None);
        for (var i = 0; i < parkingSpaces; i++) await parking.WaitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        Slots.Dispose();
        parking.Dispose();
    }
}
