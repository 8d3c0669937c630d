#pragma warning disable xUnit1069 // Every test uses Ct, which is TestContext.Current.CancellationToken.

using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace SecureReqs.Endpoints.Tests;

// Each way an endpoint on 127.0.0.1 can fail, and the one sentence it ends with: what was wrong; what to check. No
// framework exception text, no line break, no key. The timeouts only guard CI against a hang.
public sealed class EndpointErrorTests : LoopbackTargets
{
    private const string ApiBase = "check that \"endpoint\" in securereqs.json is the API base of an OpenAI-compatible server, such as https://<host>/v1";

    [Fact(Timeout = 30_000)]
    public async Task EmptyBody_SaysTheAnswerWasEmpty()
    {
        AnswerWith(200, "application/json", "");
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the answer was empty (HTTP 200 with no body); {ApiBase}");
    }

    [Fact(Timeout = 30_000)]
    public async Task HtmlPage_SaysAnHtmlPageAnsweredInsteadOfTheApi()
    {
        const string page = "<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>";
        AnswerWith(200, "text/html; charset=utf-8", page);
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the answer was an HTML page (text/html, {page.Length} bytes), not JSON; check \"endpoint\" in securereqs.json, since a login, proxy or error page answered instead of the API");
    }

    [Fact(Timeout = 30_000)]
    public async Task TruncatedJson_SaysItEndedEarlyAndHowMuchWasRead()
    {
        const string start = """{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":" """;
        AnswerWith(200, "application/json", start + new string('a', 1024 - start.Length));
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the answer was not valid JSON (it ended early, 1,024 bytes read); check that the endpoint returns application/json");
    }

    [Fact(Timeout = 30_000)]
    public async Task PlainText_SaysWhereTheJsonBreaksAndTheContentType()
    {
        AnswerWith(200, "text/plain", "all good");
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the answer was not valid JSON (invalid at byte 1 of 8, content type text/plain); check that the endpoint returns application/json");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]}""", "its \"choices\" is empty")]
    [InlineData("""{"data":[{"embedding":[0.1]}]}""", "it has no \"choices\"")]
    [InlineData("""{"choices":[{"index":0,"text":"completion API"}]}""", "its \"choices[0]\" has no \"message\"")]
    [InlineData("""[1, 2]""", "it is an array")]
    public async Task JsonThatIsNotAChatCompletion_SaysWhatIsMissing(string body, string missing)
    {
        AnswerWith(200, "application/json", body);
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the answer is JSON but not a chat-completions answer ({missing}); {ApiBase}");
    }

    [Fact(Timeout = 30_000)]
    public async Task ErrorObjectWithStatus200_SaysWhatTheEndpointSaid()
    {
        AnswerWith(200, "application/json", """{"error":{"message":"The model is overloaded.\nTry again.","type":"server_error"}}""");
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the endpoint answered HTTP 200 with an error instead of an answer, saying \"The model is overloaded. Try again.\"; check \"model\" in securereqs.json and the server's logs");
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownFinishReason_SaysSoAndPointsToTheHttpKind()
    {
        AnswerWith(200, "application/json", """{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"eos_token"}]}""");
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the answer's finish reason is \"eos_token\", which chat-completions answers do not use (they use \"stop\", \"length\", \"content_filter\", \"tool_calls\", \"function_call\"); for this server use \"kind\": \"http\" with \"responsePath\" and \"finishReasonPath\" in securereqs.json");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{ "error": "no answer" }""", "the top level has no field \"reply\"")]
    [InlineData("""{ "reply": { "html": "<p>hi</p>" } }""", "\"reply\" has no field \"text\"")]
    [InlineData("""{ "reply": "hi" }""", "\"reply\" is a string, not an object or an array")]
    public async Task HttpTarget_NoValueAtTheResponsePath_NamesThePathAndWhereItStops(string body, string where)
    {
        AnswerWith(200, "application/json", body);
        var client = HttpTarget("reply.text");

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the answer has no value at \"reply.text\" ({where}); check \"responsePath\" in securereqs.json");
    }

    [Fact(Timeout = 30_000)]
    public async Task HttpTarget_ShortArrayOnTheResponsePath_SaysHowManyItemsThereAre()
    {
        AnswerWith(200, "application/json", """{ "choices": [] }""");
        var client = HttpTarget("choices.0.message.content");

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the answer has no value at \"choices.0.message.content\" (\"choices\" has 0 items); check \"responsePath\" in securereqs.json");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("""{ "reply": { "text": 42 } }""", "a number")]
    [InlineData("""{ "reply": { "text": null } }""", "null")]
    [InlineData("""{ "reply": { "text": ["a", "b"] } }""", "an array")]
    public async Task HttpTarget_NotAStringAtTheResponsePath_SaysWhatIsThere(string body, string what)
    {
        AnswerWith(200, "application/json", body);
        var client = HttpTarget("reply.text");

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the answer has {what}, not a string, at \"reply.text\"; check \"responsePath\" in securereqs.json");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    public async Task RefusedCredentials_NamesTheStatusAndTheKeySetting(int status, string reason)
    {
        AnswerWith(status, "application/json", """{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}""");
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the endpoint refused the credentials with HTTP {status} {reason}, saying \"Incorrect API key provided\"; check the API key setting \"apiKey\", whose environment variable TEST_LOCAL_KEY must hold a valid key for this endpoint");
    }

    [Fact(Timeout = 30_000)]
    public async Task NotFound_SaysToCheckTheUrl()
    {
        AnswerWith(404, null, "");
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the endpoint answered HTTP 404 Not Found; check the URL in \"endpoint\" in securereqs.json, which is the API base that /chat/completions is added to, such as https://<host>/v1");
    }

    [Fact(Timeout = 30_000)]
    public async Task TooManyRequests_SaysRateLimitedAndWhichSettingsHelp()
    {
        Server.OnRequest = r =>
        {
            r.Context.Response.StatusCode = 429;
            r.Context.Response.Headers.RetryAfter = "3600";
            return Task.FromResult(true);
        };
        var client = OpenAITarget("""{ "maxRetries": 2, "maxRetryAfterSeconds": 60 }""");

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the endpoint is rate limiting with HTTP 429 Too Many Requests; lower \"requestsPerMinute\" in \"resilience\", or raise \"maxRetryAfterSeconds\" if it asks to wait longer");
        Server.Requests.Should().Be(1, "a Retry-After longer than allowed is not waited for");
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerError_NamesTheStatusWhatItSaidAndTheAttempts()
    {
        AnswerWith(500, "application/json", """{"error":"boom"}""");
        var client = OpenAITarget("""{ "maxRetries": 1, "retryDelaySeconds": 1 }""");

        var pending = ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));
        Time.Fake.Advance(await Time.NextTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(60)));
        var error = await pending;

        error.Should().Be("target \"local\": the endpoint answered HTTP 500 Internal Server Error, a server error, saying \"boom\" (after 2 attempts); check the server's logs, or raise \"maxRetries\" in \"resilience\" if the error comes and goes");
    }

    [Fact(Timeout = 30_000)]
    public async Task ServerErrorPage_SaysItWasAnHtmlPageWithoutQuotingIt()
    {
        AnswerWith(503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1>\n<hr><center>nginx</center></body></html>");
        var client = HttpTarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be("target \"local\": the endpoint answered HTTP 503 Service Unavailable, a server error, as an HTML page; check the server's logs, or raise \"maxRetries\" in \"resilience\" if the error comes and goes");
    }

    [Fact(Timeout = 30_000)]
    public async Task Timeout_SaysTheTimeoutAndItsSetting()
    {
        Server.OnRequest = async r =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, r.Context.RequestAborted);
            return true;
        };
        var client = OpenAITarget("""{ "maxRetries": 0, "timeoutSeconds": 5 }""");

        var pending = ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));
        await Server.WaitForRequestsAsync(1);
        Time.Fake.Advance(await Time.NextTimerAsync(d => d == TimeSpan.FromSeconds(5)));
        var error = await pending;

        error.Should().Be("target \"local\": the endpoint did not answer within 5 s; raise \"timeoutSeconds\" in \"resilience\" if it is slow, or check that the server is not stuck");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectionRefused_NamesTheHostAndPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var client = OpenAITarget(endpoint: new Uri($"http://127.0.0.1:{port}/v1"));

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": nothing is listening at 127.0.0.1:{port} (connection refused); check that the server is running and that \"endpoint\" in securereqs.json names the right host and port");
    }

    [Fact(Timeout = 30_000)]
    public async Task BodyCutShort_SaysTheConnectionClosedMidAnswer()
    {
        Server.OnRequest = async r =>
        {
            r.Context.Response.ContentType = "application/json";
            r.Context.Response.ContentLength = 4000;
            await r.Context.Response.WriteAsync("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"partial");
            await r.Context.Response.Body.FlushAsync();
            r.Context.Abort();
            return true;
        };
        var client = OpenAITarget();

        var error = await ErrorOf(() => client.GetResponseAsync("hello", cancellationToken: Ct));

        error.Should().Be($"target \"local\": the connection to 127.0.0.1:{Server.Address.Port} closed before the whole answer arrived; check the server's logs, or a proxy that cuts answers short");
    }

    [Fact(Timeout = 30_000)]
    public async Task TruncatedStream_SaysTheStreamStoppedBeforeItsEnd()
    {
        Server.OnRequest = async r =>
        {
            await Testing.ChatCompletionsServer.WriteStreamAsync(r.Context, ["Your card ", "number is "], finish: false);
            return true;
        };
        var client = OpenAITarget();

        var error = await ErrorOf(async () => await client.GetStreamingResponseAsync("hello", cancellationToken: Ct).ToChatResponseAsync(Ct));

        error.Should().Be("target \"local\": the streamed answer stopped before it was finished (no finish reason arrived), so it is cut short; check the server's logs, or a proxy that closes long streams");
    }

    [Fact(Timeout = 30_000)]
    public async Task SecretInAnErrorBody_IsMasked()
    {
        Server.OnRequest = async r =>
        {
            r.Context.Response.StatusCode = 400;
            await r.Context.Response.WriteAsync(new StringBuilder("bad request,\nyou sent ").Append(r.Authorization).ToString());
            return true;
        };
        var client = OpenAITarget();

        var error = (await client.Invoking(c => c.GetResponseAsync("hello", cancellationToken: Ct)).Should().ThrowAsync<TargetRequestException>()).Which.Message;

        error.Should().Be($"target \"local\": the endpoint rejected the request with HTTP 400 Bad Request, saying \"bad request, you sent Bearer {SecretScrubber.Mask}\"; check \"model\" and \"options\" in securereqs.json against what the endpoint accepts");
    }
}
