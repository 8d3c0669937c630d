namespace SecureReqs.Demo.Server.Tests;

/// <summary>
/// What the tests that serve the demo app on 127.0.0.1 share: the three callers' keys, one HTTP client, the server they
/// start (stopped after each test) and the clients and temporary folders they make (disposed and deleted after it).
/// </summary>
public abstract class DemoServerTestBase : IAsyncLifetime
{
    protected const string CustomerKey = "customer-key-0123456789";
    protected const string AgentKey = "agent-key-0123456789ab";
    protected const string AdminKey = "admin-key-0123456789abc";

    private DemoServer? _server;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The client the tests send their own requests with.</summary>
    protected HttpClient Http { get; } = new();

    /// <summary>Disposed after the test.</summary>
    protected List<IDisposable> Disposables { get; } = [];

    /// <summary>Deleted after the test.</summary>
    protected List<string> Folders { get; } = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Disposables.ForEach(d => d.Dispose());
        Folders.ForEach(f => Directory.Delete(f, recursive: true));
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the given build on an ephemeral loopback port with the three callers' keys.</summary>
    protected async Task<DemoServer> Start(DemoBuild build) =>
        _server = await DemoServer.StartAsync(new DemoServerOptions { Build = build, Keys = [new(CustomerKey, "customer"), new(AgentKey, "support-agent"), new(AdminKey, "admin")] }, Ct);
}
