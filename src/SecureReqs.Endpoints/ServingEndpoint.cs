using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints;

/// <summary>
/// The serving layer of a target declared in <c>securereqs.json</c>: the serving-layer checks send their requests here,
/// each once, on a client of its own (no retry, no rate limit, no redirect followed, no cookie), in the target's own
/// request shape, with the credential the check asks for. What was sent is described with every credential masked.
/// </summary>
/// <remarks>Thread-safe. Keys are read from the environment when a request needs them.</remarks>
internal sealed class ServingEndpoint : IServingEndpoint, IDisposable
{
    private const int BodyExcerpt = 200;
    private static readonly string[] RelevantHeaders = ["Location", "WWW-Authenticate", "Retry-After", "Strict-Transport-Security"];

    private readonly EndpointTargetOptions _options;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<HttpClient> _http;

    public ServingEndpoint(EndpointTargetOptions options, Func<string, string?> environment)
    {
        _options = options;
        _environment = environment;
        Endpoint = options.Kind == EndpointKind.OpenAI ? new Uri(options.Endpoint.ToString().TrimEnd('/') + "/chat/completions") : options.Endpoint;
        PlainHttpEndpoint = options.Serving?.PlainHttpEndpoint ?? PlainTwin(Endpoint);
        _http = new Lazy<HttpClient>(() =>
        {
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = options.Resilience.Timeout, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
            if (Endpoint.Scheme == Uri.UriSchemeHttps && CertificatePin.Callback(options.TlsCertificateSha256?.Resolve(environment)) is { } pin)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = pin;
            }

            return new HttpClient(handler) { Timeout = options.Resilience.Timeout };
        });
    }

    public Uri Endpoint { get; }

    public Uri PlainHttpEndpoint { get; }

    public bool HasReadOnlyKey => _options.Serving?.ReadOnlyKey is not null;

    public bool ReportsToolCalls => _options.ToolCallsPath is not null || _options.Kind == EndpointKind.OpenAI;

    /// <summary>A well-formed key no server issued: the same for a target on every run, never a configured one.</summary>
    internal string InvalidKey => "sr-invalid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("securereqs-invalid-key|" + _options.Name)))[..32];

    public async Task<ServingExchange> SendAsync(ServingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.PlainHttp ? PlainHttpEndpoint : Endpoint;
        var key = request.PlainHttp ? null : Key(request.Key);
        var secrets = new List<string>();
        using var message = new HttpRequestMessage(new HttpMethod(_options.Kind == EndpointKind.OpenAI ? "POST" : _options.Method), uri);
        var described = new List<string>();
        foreach (var header in _options.Headers)
        {
            // A credential header is a credential: it goes only with the target's own key (with no key, an invalid,
            // read-only or rate-limited one it would stand in for the key under test), and never in clear.
            if (header.Value.IsSecret && (request.Key != ServingKey.Valid || request.PlainHttp))
            {
                continue;
            }

            var value = header.Value.Resolve(_environment);
            message.Headers.TryAddWithoutValidation(header.Name, value);
            if (header.Value.IsSecret)
            {
                secrets.Add(value);
            }

            described.Add($"{header.Name}: {(header.Value.IsSecret ? SecretScrubber.Mask : value)}");
        }

        if (key is not null)
        {
            secrets.Add(key);
            var name = _options.Kind == EndpointKind.OpenAI ? "Authorization" : _options.ApiKeyHeader;
            var bearer = name.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
            message.Headers.TryAddWithoutValidation(name, bearer ? "Bearer " + key : key);
            var kind = request.Key switch
            {
                ServingKey.Invalid => "an invalid key",
                ServingKey.ReadOnly => "the read-only key",
                ServingKey.RateLimited => "the rate-limited key",
                _ => "the target's key",
            };
            described.Add($"{name}: {(bearer ? "Bearer " : "")}{SecretScrubber.Mask} ({kind})");
        }

        if (message.Method != HttpMethod.Get)
        {
            message.Content = new StringContent(Body(request.Message).ToJsonString(), Encoding.UTF8, "application/json");
        }

        var scrubber = new SecretScrubber(secrets);
        var sent = $"{message.Method} {uri.GetLeftPart(UriPartial.Path)} ({(described.Count == 0 ? "no credentials" : string.Join(", ", described))})";
        try
        {
            using var response = await _http.Value.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (RelevantHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) || name.StartsWith("RateLimit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase))
                {
                    headers[name] = scrubber.Scrub(string.Join(", ", values));
                }
            }

            var text = Encoding.UTF8.GetString(bytes);
            return new ServingExchange
            {
                Sent = sent,
                Status = (int)response.StatusCode,
                Headers = headers,
                Body = scrubber.Scrub(text.Length > BodyExcerpt ? text[..BodyExcerpt] + "…" : text),
                ToolsRun = response.IsSuccessStatusCode ? ToolsRun(bytes) : null,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(sent, ServingFailure.TimedOut, $"no answer within {_options.Resilience.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            var failure = ex switch
            {
                { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => ServingFailure.Refused,
                { InnerException: AuthenticationException } => ServingFailure.Tls,
                { HttpRequestError: HttpRequestError.SecureConnectionError } => ServingFailure.Tls,
                { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse } => ServingFailure.Closed,
                { InnerException: IOException } => ServingFailure.Closed,
                _ => ServingFailure.Other,
            };
            return Failed(sent, failure, scrubber.Scrub(ex.Message));
        }
    }

    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }

    private static ServingExchange Failed(string sent, ServingFailure failure, string error) => new() { Sent = sent, Failure = failure, Error = error };

    private string? Key(ServingKey key) => key switch
    {
        ServingKey.None => null,
        ServingKey.Invalid => InvalidKey,
        ServingKey.Valid => Required(_options.ApiKey, "the target's key", "\"apiKey\": \"env:NAME\""),
        ServingKey.ReadOnly => Required(_options.Serving?.ReadOnlyKey, "a read-only key", "\"serving\": { \"readOnlyKey\": \"env:NAME\" }"),
        ServingKey.RateLimited => Required(_options.Serving?.RateLimitKey ?? _options.ApiKey, "a key for the rate check", "\"serving\": { \"rateLimitKey\": \"env:NAME\" } or \"apiKey\""),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    private string Required(ConfiguredString? value, string what, string fix) =>
        value?.Resolve(_environment) ?? throw new SecureReqsException($"{_options.Source}: the target \"{_options.Name}\" declares no {what}, which this serving-layer check sends. Add {fix} to it in securereqs.json.");

    private JsonNode Body(string text)
    {
        ChatMessage[] messages = [new(ChatRole.User, text)];
        if (_options.Kind == EndpointKind.OpenAI)
        {
            return new JsonObject { ["model"] = _options.Model, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }) };
        }

        return _options.Body is { } template ? new HttpJsonChatClient(_options, _http.Value).Render(template, messages, _options.Model) : new JsonObject { ["message"] = text };
    }

    // The tools an answer reports as run; null when the answer cannot be read.
    private List<string>? ToolsRun(byte[] bytes)
    {
        var path = _options.ToolCallsPath ?? (_options.Kind == EndpointKind.OpenAI ? "choices.0.message.tool_calls" : null);
        if (path is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (EndpointAnswers.Find(json.RootElement, path).Value is not { ValueKind: not JsonValueKind.Null } calls)
            {
                return [];
            }

            return [.. ToolCallsReader.Read(calls, path, "\"toolCallsPath\"").OfType<FunctionCallContent>()
                .Where(c => !(c.AdditionalProperties?.TryGetValue(ToolCallsReader.StatusProperty, out string? status) is true && ToolCallsReader.DeniedStatuses.Contains(status, StringComparer.Ordinal)))
                .Select(c => c.Name)];
        }
        catch (Exception ex) when (ex is JsonException or InvalidAnswerException)
        {
            return null;
        }
    }

    private static Uri PlainTwin(Uri endpoint)
    {
        if (endpoint.Scheme == Uri.UriSchemeHttp)
        {
            return endpoint;
        }

        var plain = new UriBuilder(endpoint) { Scheme = Uri.UriSchemeHttp, Query = "", Fragment = "" };
        plain.Port = endpoint.IsDefaultPort ? 80 : endpoint.Port;
        return plain.Uri;
    }
}
