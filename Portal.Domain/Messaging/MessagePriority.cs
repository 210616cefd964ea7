namespace Portal.Domain.Messaging;

/// <summary>How much a message matters. Urgent ones (security) ignore quiet hours; the bell shows high and urgent ones first.</summary>
public enum MessagePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public static class MessagePriorities
{
    public static string Label(this MessagePriority priority) => priority switch
    {
        MessagePriority.Low => "Basse",
        MessagePriority.Normal => "Normale",
        MessagePriority.High => "Haute",
        MessagePriority.Urgent => "Urgente",
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };
}
