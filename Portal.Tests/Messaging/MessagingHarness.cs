using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Messaging;
using Portal.Domain.Tenancy;
using Portal.Infrastructure.Messaging;
using Portal.Tests.Support;

namespace Portal.Tests.Messaging;

/// <summary>A test database whose servers share a hand-moved clock and, if given, fake configured channels.</summary>
public sealed class MessagingHarness : IAsyncDisposable
{
    /// <summary>A Monday at noon in Dakar (GMT): outside the default quiet hours.</summary>
    public static readonly DateTime Noon = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private MessagingHarness(TestDatabase database, MutableClock clock)
    {
        Database = database;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public MutableClock Clock { get; }

    public static Task<MessagingHarness> CreateAsync(string provider, params FakeChannel[] channels) =>
        CreateAsync(provider, services =>
        {
            foreach (var channel in channels)
            {
                services.AddSingleton<IMessageChannel>(channel);
            }
        });

    /// <summary>With the test's own registrations on every server (configured channels pointing at local doubles...).</summary>
    public static async Task<MessagingHarness> CreateAsync(string provider, Action<IServiceCollection> configure)
    {
        var clock = new MutableClock(Noon);
        var database = await TestDatabase.CreateAsync(provider, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            configure(services);
        });
        return new MessagingHarness(database, clock);
    }

    public async Task<Guid> AddTenantAsync(string name = "Keur Commerce")
    {
        var tenant = new Tenant(CompanyName.Create(name), null, Sector.Retail, Country.Senegal, "tests");
        await using var db = Database.NewContext();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    /// <summary>A user known by an e-mail, a phone number or both (null tenant: platform staff).</summary>
    public Task<Guid> AddUserAsync(Guid? tenantId, string role, string? email = null, string? phone = null, string firstName = "Awa") =>
        Database.AddUserAsync(tenantId, role, email, phone, firstName, createdAt: Clock.UtcNow);

    public static string NewEmail() => $"awa-{Guid.NewGuid():N}@keur.sn";

    public static string NewPhone() => "+22177" + Random.Shared.Next(1000000, 9999999);

    /// <summary>Queues and commits, as a sender does in its own transaction (a platform context: no tenant check).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> QueueAsync(MessageRequest request)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        await using var db = Database.NewContext();
        var added = await scope.ServiceProvider.GetRequiredService<MessageOutbox>().QueueAsync(db, request);
        await db.SaveChangesAsync();
        return added;
    }

    /// <summary>One delivery job run on a server (this test's own by default).</summary>
    public async Task<int> DeliverAsync(IServiceProvider? server = null)
    {
        await using var scope = (server ?? Database.Services).CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().RunAsync();
    }

    public async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var db = Database.NewContext();
        return [.. (await db.OutboxMessages.AsNoTracking().ToListAsync()).OrderBy(m => m.UserId).ThenBy(m => m.Channel)];
    }

    public async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var db = Database.NewContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static MessageRequest ImportFailed(Guid tenantId, params Guid[] recipients) => new(MessageKinds.ImportFailed, recipients, "import:" + Guid.NewGuid().ToString("N"))
    {
        TenantId = tenantId,
        Model = new Dictionary<string, object?>
        {
            ["tenant"] = new { name = "Keur Commerce" },
            ["import"] = new { file = "ventes.xlsx", reason = "Colonne manquante." },
        },
        Link = "/admin/onboarding",
    };

    public static MessageRequest AccountLocked(Guid? tenantId, Guid recipient) => new(MessageKinds.AccountLocked, [recipient], "lock:" + Guid.NewGuid().ToString("N"))
    {
        TenantId = tenantId,
        Model = new Dictionary<string, object?> { ["lock"] = new { when = "02/03/2026 à 22:00", ip = "41.82.1.2" } },
    };

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>A configured channel that counts what it is asked to send and answers as the test says.</summary>
public sealed class FakeChannel(MessageChannel channel) : IMessageChannel
{
    public MessageChannel Channel { get; } = channel;

    public bool IsConfigured => true;

    /// <summary>Sends per message id.</summary>
    public ConcurrentDictionary<Guid, int> Sends { get; } = new();

    /// <summary>What the provider does with a message: returns its id, or throws.</summary>
    public Func<OutgoingMessage, string> Provider { get; set; } = message => "provider-" + message.Id.ToString("N");

    public int Count(Guid id) => Sends.GetValueOrDefault(id);

    public async Task<string> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        await Task.Yield();
        return Provider(message);
    }
}
