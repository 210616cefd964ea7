using Portal.Domain.Common;
using Portal.Domain.Messaging;

namespace Portal.Tests.Messaging;

public class OutboxMessageTests
{
    private static readonly DateTime Noon = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Retries_wait_one_four_sixteen_then_sixty_four_minutes()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(64)],
            Enumerable.Range(1, 4).Select(OutboxMessage.Backoff));
    }

    [Fact]
    public void A_message_is_retried_with_back_off_and_given_up_after_the_fifth_failed_attempt()
    {
        var message = Message();
        var now = Noon;
        foreach (var wait in new[] { 1, 4, 16, 64 })
        {
            Claim(message, now);
            message.AttemptFailed("délai dépassé", permanent: false, now);
            Assert.Equal(MessageStatus.Failed, message.Status);
            Assert.Equal(now.AddMinutes(wait), message.NextAttemptAt);
            now = message.NextAttemptAt;
        }

        Claim(message, now);
        message.AttemptFailed("délai dépassé", permanent: false, now);

        Assert.Equal(MessageStatus.Dead, message.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
        Assert.Equal("délai dépassé", message.LastError);
        Assert.Null(message.ClaimToken);
    }

    [Fact]
    public void A_refusal_ends_the_message_at_the_first_attempt()
    {
        var message = Message();
        Claim(message, Noon);

        message.AttemptFailed("Numéro invalide", permanent: true, Noon);

        Assert.Equal(MessageStatus.Dead, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("Numéro invalide", message.LastError);
    }

    [Fact]
    public void A_retry_never_falls_in_the_quiet_hours()
    {
        var message = Message();
        var evening = Noon.Date.AddHours(20).AddMinutes(59).AddSeconds(30);
        Claim(message, evening);

        message.AttemptFailed("503", permanent: false, evening, next => QuietHours.Default.NextAllowed(next, TimeZoneInfo.Utc));

        Assert.Equal(Noon.Date.AddDays(1).AddHours(7), message.NextAttemptAt);
    }

    [Fact]
    public void An_interrupted_send_is_set_aside_as_possibly_delivered()
    {
        var message = Message();
        Claim(message, Noon);

        message.Interrupted(Noon.AddMinutes(6));

        Assert.Equal(MessageStatus.Dead, message.Status);
        Assert.Contains("peut-être été remis", message.LastError, StringComparison.Ordinal);
        Assert.Null(message.ClaimToken);
    }

    [Fact]
    public void Only_a_dead_message_can_be_queued_again_and_it_starts_over()
    {
        var message = Message();
        Assert.Throws<DomainException>(() => message.Requeue(Noon));

        for (var attempt = 0; attempt < OutboxMessage.MaxAttempts; attempt++)
        {
            Claim(message, Noon);
            message.AttemptFailed("503", permanent: false, Noon);
        }

        var later = Noon.AddHours(3);
        message.Requeue(later);

        Assert.Equal(MessageStatus.Queued, message.Status);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(later, message.NextAttemptAt);
        Assert.Null(message.ClaimedAt);
        Assert.Throws<DomainException>(() => message.Requeue(later));
    }

    [Fact]
    public void Outcomes_are_recorded_only_for_a_message_being_sent()
    {
        var message = Message();

        Assert.Throws<DomainException>(() => message.Delivered("id", Noon));
        Assert.Throws<DomainException>(() => message.AttemptFailed("x", permanent: false, Noon));
        Assert.Throws<DomainException>(() => message.Interrupted(Noon));
    }

    [Fact]
    public void A_delivered_message_keeps_the_providers_id()
    {
        var message = Message();
        Claim(message, Noon);

        message.Delivered("wamid.123", Noon.AddSeconds(2));

        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.Equal("wamid.123", message.ProviderMessageId);
        Assert.Equal(Noon.AddSeconds(2), message.SentAt);
    }

    private static OutboxMessage Message() => new(
        new OutboxDraft(null, Guid.NewGuid(), "Awa Diop", MessageChannel.WhatsApp, "+221771234567", "import.failed", MessagePriority.High, "Sujet", "Corps", "key"),
        Noon,
        Noon);

    // What the delivery job's conditional update does to a due row (the domain has no method for it: the claim is one SQL update).
    private static void Claim(OutboxMessage message, DateTime now)
    {
        Set(message, nameof(OutboxMessage.Status), MessageStatus.Sending);
        Set(message, nameof(OutboxMessage.ClaimToken), Guid.NewGuid());
        Set(message, nameof(OutboxMessage.ClaimedAt), now);
        Set(message, nameof(OutboxMessage.Attempts), message.Attempts + 1);
    }

    private static void Set(OutboxMessage message, string property, object? value) =>
        typeof(OutboxMessage).GetProperty(property)!.SetValue(message, value);
}
