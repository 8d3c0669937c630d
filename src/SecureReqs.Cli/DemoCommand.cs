using System.CommandLine;
using System.Globalization;
using SecureReqs.Demo.Server;

namespace SecureReqs.Cli;

/// <summary>
/// <c>securereqs demo serve [--naive|--guarded] [--port N]</c>: serves the SIMULATED support assistant as a real web app
/// on 127.0.0.1 until Ctrl-C, with the API keys of <see cref="DemoApiKey.Roles"/> read from the environment.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, CliEnvironment environment)
    {
        var naive = new Option<bool>("--naive") { Description = "Serve the naive build (no controls)." };
        var guarded = new Option<bool>("--guarded") { Description = "Serve the guarded build, behind SecureReqs.Guardrails (the default)." };
        var port = new Option<int?>("--port") { Description = $"The port on 127.0.0.1 (0 for any free port); default {DemoServerOptions.GuardedPort} for the guarded build, {DemoServerOptions.NaivePort} for the naive one." };
        var serve = new Command("serve", "Serve the SIMULATED support assistant as a real ASP.NET Core app on 127.0.0.1 until Ctrl-C: API keys from the environment, each with a caller role; server-side sessions; tool calls in its answers; a document-indexing endpoint. samples/endpoint/securereqs.json declares it as targets.")
        {
            naive,
            guarded,
            port,
        };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(naive) && parse.GetValue(guarded))
            {
                throw new SecureReqsException("Give one of --naive or --guarded, not both.");
            }

            var build = parse.GetValue(naive) ? DemoBuild.Naive : DemoBuild.Guarded;
            var options = new DemoServerOptions
            {
                Build = build,
                Port = parse.GetValue(port) ?? (build == DemoBuild.Naive ? DemoServerOptions.NaivePort : DemoServerOptions.GuardedPort),
                Keys = DemoApiKey.FromEnvironment(environment.Get),

                // The guarded build is served as a deployment should be: HTTPS, and plain HTTP only to redirect.
                Https = build == DemoBuild.Guarded,
                PlainHttpPort = parse.GetValue(port) is 0 ? 0 : DemoServerOptions.GuardedPlainHttpPort,
            };
            await using var server = await DemoServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            var name = build == DemoBuild.Naive ? "naive build, no controls" : "guarded build, behind SecureReqs.Guardrails";
            await output.WriteLineAsync($"Serving the SIMULATED support assistant ({name}) at {server.ChatEndpoint}").ConfigureAwait(false);
            await output.WriteLineAsync($"Documents are indexed at {server.DocumentsEndpoint}. Listening on this machine only.").ConfigureAwait(false);
            if (server.CertificateSha256 is { } sha256)
            {
                await output.WriteLineAsync($"Plain HTTP at {server.PlainHttpAddress} only redirects to HTTPS. The certificate is self-signed for this run; trust it with").ConfigureAwait(false);
                await output.WriteLineAsync($"  export {DemoServerOptions.CertificateVariable}={sha256}").ConfigureAwait(false);
            }

            foreach (var (role, variable) in DemoApiKey.Roles.Concat([("read-only", DemoApiKey.ReadOnlyVariable), ("trial", DemoApiKey.TrialVariable)]))
            {
                var set = options.Keys.Any(k => (k.ReadOnly ? "read-only" : k.RequestsPerMinute is not null ? "trial" : k.Role) == role);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {role,-14} key: {variable}{(set ? "" : " (not set: no such caller)")}")).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Run the stories against it: securereqs run --config samples/endpoint/securereqs.json --target {(build == DemoBuild.Naive ? "demo-http-naive" : "demo-http-guarded")}").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Stopped.").ConfigureAwait(false);
            return CliApp.Success;
        });
        return new Command("demo", "The built-in SIMULATED support assistant.") { serve };
    }
}
