using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureReqs.Cli.Tests;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (a WebSocket, no extra package): opens a page at a given
/// viewport (a phone's 400 px included, which a headless window cannot be made that narrow for), evaluates script in it
/// and takes screenshots. The browser runs with no network (a dead proxy) and its own profile.
/// </summary>
/// <remarks>
/// Chromium is a prerequisite of the test suite, not a package: <see cref="Find"/> looks for it and fails with how to
/// install it. The tests that need it fail when it is missing rather than skip: a skipped check is not a pass.
/// </remarks>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>The environment variable that names a Chromium or Chrome executable.</summary>
    public const string Variable = "SECUREREQS_CHROMIUM";

    private static readonly string[] Candidates =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium", "/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];

    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly List<JsonObject> _events = [];
    private int _id;

    private HeadlessChromium(Process process, ClientWebSocket socket)
    {
        _process = process;
        _socket = socket;
    }

    /// <summary>Where the browser is: <see cref="Variable"/>, else the usual install paths, else null.</summary>
    public static string? Find() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);

    /// <summary>The browser, or a failed assertion that says how to install it.</summary>
    public static string Require()
    {
        var path = Find();
        (path is not null && File.Exists(path)).Should().BeTrue(
            $"the HTML report's browser tests need headless Chromium ({(path is null ? "looked at " + string.Join(", ", Candidates) : path + " does not exist")}). " +
            $"Install it first (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set {Variable} to a Chromium or Chrome executable. " +
            "These tests fail rather than skip: a skipped check is not a pass");
        return path!;
    }

    /// <summary>Starts the browser.</summary>
    public static async Task<HeadlessChromium> StartAsync(string profile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Require()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*", $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        try
        {
            // Chromium prints the DevTools address on standard error once it listens.
            string? address = null;
            while (address is null && await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
            {
                var at = line.IndexOf("ws://", StringComparison.Ordinal);
                address = line.StartsWith("DevTools listening on ", StringComparison.Ordinal) && at >= 0 ? line[at..].Trim() : null;
            }

            address.Should().NotBeNull("Chromium prints its DevTools address when it starts");
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(address!), cancellationToken);
            return new HeadlessChromium(process, socket);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="page"/> in a new tab at a viewport of <paramref name="width"/> CSS pixels and waits
    /// for its load event.</summary>
    /// <returns>The tab's session id.</returns>
    public async Task<string> OpenAsync(string page, int width, int height, bool mobile, CancellationToken cancellationToken)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, null, cancellationToken);
        var session = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = mobile ? 2 : 1, ["mobile"] = mobile }, session, cancellationToken);
        await SendAsync("Page.enable", new JsonObject(), session, cancellationToken);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(page).AbsoluteUri }, session, cancellationToken);
        await WaitForEventAsync("Page.loadEventFired", session, cancellationToken);
        return session;
    }

    /// <summary>Evaluates <paramref name="expression"/> in the tab and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string session, string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, session, cancellationToken);
        result["exceptionDetails"].Should().BeNull(expression);
        return result["result"]!["value"];
    }

    /// <summary>A PNG of the whole page.</summary>
    public async Task<byte[]> ScreenshotAsync(string session, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, session, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    /// <summary>Closes the browser.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var close = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await SendAsync("Browser.close", new JsonObject(), null, close.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            // The browser may close the socket before it answers.
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken cancellationToken)
    {
        var id = ++_id;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        while (true)
        {
            var received = await ReceiveAsync(cancellationToken);
            if (received["id"]?.GetValue<int>() == id)
            {
                received["error"].Should().BeNull($"{method} succeeds");
                return received["result"]!.AsObject();
            }

            _events.Add(received);
        }
    }

    private async Task WaitForEventAsync(string method, string session, CancellationToken cancellationToken)
    {
        bool Matches(JsonObject e) => e["method"]?.GetValue<string>() == method && e["sessionId"]?.GetValue<string>() == session;
        while (!_events.Any(Matches))
        {
            _events.Add(await ReceiveAsync(cancellationToken));
        }
    }

    private async Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(chunk, cancellationToken);
            result.MessageType.Should().NotBe(WebSocketMessageType.Close, "Chromium keeps the DevTools connection open");
            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }
}
