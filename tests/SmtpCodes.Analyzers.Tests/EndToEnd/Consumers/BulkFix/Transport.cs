namespace Consumer;

/// <summary>What the senders send through; the program counts the sends instead of talking to a server.</summary>
public interface ITransport
{
    void Send(string message);
}

public sealed class RecordingTransport : ITransport
{
    public int Sent { get; private set; }

    public void Send(string message) => Sent++;
}
