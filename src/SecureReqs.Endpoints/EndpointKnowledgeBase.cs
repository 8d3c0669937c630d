using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureReqs.Endpoints;

/// <summary>
/// Writes to an http target's knowledge base as its <c>"knowledgeBase"</c> declares: HTTP requests built from templates
/// (sent with the target's certificate pin, without cookies, within its timeout), or commands given the document as
/// JSON on standard input. Remembers what it added, so a retrieval the target reports by the knowledge base's own id is
/// known as the document it is.
/// </summary>
/// <remarks>Thread-safe. Secrets (header values from the environment) are read on first use and never appear in messages.</remarks>
internal sealed class EndpointKnowledgeBase : IKnowledgeBaseWriter, IDisposable
{
    private readonly EndpointTargetOptions _target;
    private readonly EndpointKnowledgeBaseOptions _options;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<HttpClient> _http;
    private readonly ConcurrentDictionary<string, KnowledgeDocument> _seeded = new(StringComparer.Ordinal);

    public EndpointKnowledgeBase(EndpointTargetOptions target, EndpointKnowledgeBaseOptions options, Func<string, string?> environment)
    {
        _target = target;
        _options = options;
        _environment = environment;
        _http = new Lazy<HttpClient>(CreateHttp);
    }

    /// <inheritdoc />
    public string Description => _options.Add.Describe();

    /// <summary>The documents added and not yet removed, by the id the knowledge base knows them by.</summary>
    public IReadOnlyDictionary<string, KnowledgeDocument> Seeded => _seeded;

    /// <inheritdoc />
    public async Task<string> AddAsync(KnowledgeDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var answer = await RunAsync(_options.Add, document, document.Id, cancellationToken).ConfigureAwait(false);
        var id = document.Id;
        if (_options.Add.IdPath is { } path)
        {
            id = IdAt(answer, path) ?? throw new SecureReqsException($"{_options.Add.Describe()} answered, but with no id at \"{path}\" for document \"{document.Id}\"; check \"idPath\" in \"knowledgeBase.add\" in securereqs.json");
        }

        _seeded[id] = document;
        return id;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string id, KnowledgeDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(document);
        await RunAsync(_options.Remove, document, id, cancellationToken).ConfigureAwait(false);
        _seeded.TryRemove(id, out _);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_http.IsValueCreated)
        {
            _http.Value.Dispose();
        }
    }

    /// <summary>Fills the placeholders of a template string.</summary>
    internal static string Fill(string template, KnowledgeDocument document, string id, Func<string, string>? escape = null)
    {
        escape ??= v => v;
        return template
            .Replace("{{document.id}}", escape(id), StringComparison.Ordinal)
            .Replace("{{document.title}}", escape(document.Title), StringComparison.Ordinal)
            .Replace("{{document.text}}", escape(document.Content), StringComparison.Ordinal)
            .Replace("{{document.clearance}}", escape(document.Classification), StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(EndpointKnowledgeBaseStep step, KnowledgeDocument document, string id, CancellationToken cancellationToken) =>
        step.Command is not null
            ? await RunCommandAsync(step, document, id, cancellationToken).ConfigureAwait(false)
            : await SendAsync(step, document, id, cancellationToken).ConfigureAwait(false);

    private async Task<string> SendAsync(EndpointKnowledgeBaseStep step, KnowledgeDocument document, string id, CancellationToken cancellationToken)
    {
        var headers = step.Headers.Select(h => (h.Name, Value: h.Value.IsSecret ? h.Value.Resolve(_environment) : Fill(h.Value.Literal ?? "", document, id), h.Value.IsSecret)).ToList();
        var scrubber = new SecretScrubber([.. headers.Where(h => h.IsSecret).Select(h => h.Value)]);
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), Fill(step.Url!, document, id, Uri.EscapeDataString));
        foreach (var (name, value, _) in headers)
        {
            if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                throw new SecureReqsException($"the header \"{name}\" of {step.Describe()} would hold a line break for document \"{document.Id}\"; use a placeholder without one (not {{{{document.text}}}}) in headers");
            }

            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (step.Body is { } body)
        {
            var content = new StringContent(Render(body, document, id).ToJsonString(), Encoding.UTF8, "application/json");
            if (request.Content is { } headersOnly)
            {
                foreach (var header in headersOnly.Headers.Where(h => h.Key != "Content-Type"))
                {
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                headersOnly.Dispose();
            }

            request.Content = content;
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.Value.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = ex is TaskCanceledException
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {_target.Resilience.Timeout.TotalSeconds:0.###} s")
                : EndpointAnswers.Clip(EndpointAnswers.OneLine(scrubber.Scrub((ex.InnerException ?? ex).Message.TrimEnd('.'))), 160);
            throw new SecureReqsException($"{step.Describe()} failed ({why}); check that the knowledge base's server is running and the URL in securereqs.json", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var said = scrubber.Scrub(EndpointAnswers.Said(response.Content.Headers.ContentType?.MediaType, text));
                var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? "; check the key in its \"headers\" (one allowed to write to the knowledge base)"
                    : response.StatusCode == HttpStatusCode.NotFound ? "; check the URL template in securereqs.json" : "";
                throw new SecureReqsException($"{step.Describe()} answered HTTP {status} {EndpointAnswers.Reason(status)}{said} for document \"{document.Id}\"{hint}");
            }

            return text;
        }
    }

    private async Task<string> RunCommandAsync(EndpointKnowledgeBaseStep step, KnowledgeDocument document, string id, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ResolveCommand(step))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = step.WorkingDirectory,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in step.Arguments)
        {
            start.ArgumentList.Add(Fill(argument, document, id));
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SecureReqsException($"{step.Describe()} could not be started");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new SecureReqsException($"{step.Describe()} could not be started ({ex.Message.TrimEnd('.')}); check \"command\" in securereqs.json (a name on the PATH, or a path relative to the configuration's folder)", ex);
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_target.Resilience.Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                var input = new JsonObject { ["id"] = id, ["title"] = document.Title, ["text"] = document.Content, ["clearance"] = document.Classification }.ToJsonString();
                try
                {
                    await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The command did not read its input (it may not need it): its exit code decides.
                }

                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                var (stdout, stderr) = (await output.ConfigureAwait(false), await error.ConfigureAwait(false));
                if (process.ExitCode != 0)
                {
                    var said = EndpointAnswers.Clip(EndpointAnswers.OneLine(stderr.Trim().Length > 0 ? stderr.Trim() : stdout.Trim()), 200);
                    throw new SecureReqsException(string.Create(CultureInfo.InvariantCulture, $"{step.Describe()} exited with code {process.ExitCode} for document \"{document.Id}\"{(said.Length > 0 ? $": {said}" : "")}"));
                }

                return stdout;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new SecureReqsException(string.Create(CultureInfo.InvariantCulture, $"{step.Describe()} did not finish within {_target.Resilience.Timeout.TotalSeconds:0.###} s for document \"{document.Id}\" and was stopped; raise \"timeoutSeconds\" in \"resilience\" if it is slow"));
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }

    // A command with a directory part is relative to the configuration's folder; a bare name is looked up on the PATH.
    private static string ResolveCommand(EndpointKnowledgeBaseStep step)
    {
        var command = step.Command!;
        return Path.IsPathRooted(command) || !(command.Contains('/', StringComparison.Ordinal) || command.Contains('\\', StringComparison.Ordinal))
            ? command
            : Path.GetFullPath(Path.Combine(step.WorkingDirectory, command));
    }

    private static string? IdAt(string answer, string path)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return HttpJsonChatClient.SessionIdAt(json.RootElement, path);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode Render(JsonNode node, KnowledgeDocument document, string id) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Render(p.Value, document, id)))),
        JsonArray array => new JsonArray([.. array.Select(i => i is null ? null : Render(i, document, id))]),
        JsonValue value when value.TryGetValue(out string? s) => JsonValue.Create(Fill(s, document, id)),
        _ => node.DeepClone(),
    };

    private HttpClient CreateHttp()
    {
        // No cookie container (nothing carries over between documents); the target's certificate pin, for a test server.
        var transport = new SocketsHttpHandler { UseCookies = false, ConnectTimeout = _target.Resilience.Timeout, AllowAutoRedirect = false };
        if (CertificatePin.Callback(_target.TlsCertificateSha256?.Resolve(_environment)) is { } pin)
        {
            transport.SslOptions.RemoteCertificateValidationCallback = pin;
        }

        return new HttpClient(transport) { Timeout = _target.Resilience.Timeout };
    }
}
