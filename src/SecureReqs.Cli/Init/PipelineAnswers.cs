using System.Text;
using System.Text.Json;

namespace SecureReqs.Cli;

/// <summary>
/// The answers to <c>securereqs init</c>'s questionnaire about the AI pipeline: what data the assistant sees, whether it
/// retrieves documents and under which access rules, which tools it calls, whether it is fine-tuned or remembers
/// users, and how it is served. Read from an answers file (<c>--answers</c>) or asked on the terminal.
/// </summary>
internal sealed record PipelineAnswers
{
    /// <summary>The classification levels a story can check access against, lowest first.</summary>
    public static readonly string[] Classifications = ["public", "internal", "confidential"];

    /// <summary>The ways the assistant can be served.</summary>
    public static readonly string[] ServingKinds = ["demo", "openai", "code"];

    private static readonly string[] Properties =
    [
        "assistant", "personalData", "classification", "retrieval", "retrievalAccessRules", "agentTools", "agentRole",
        "fineTuningDataset", "memory", "serving", "target", "endpoint", "model", "apiKeyVariable", "systemPromptFile",
    ];

    /// <summary>What the assistant is called in the stories: "support assistant".</summary>
    public string Assistant { get; init; } = "support assistant";

    /// <summary>Whether the assistant sees personal data (names, e-mail addresses, card numbers).</summary>
    public bool PersonalData { get; init; } = true;

    /// <summary>The highest classification of the data the assistant sees: public, internal or confidential.</summary>
    public string Classification { get; init; } = "confidential";

    /// <summary>Whether the assistant answers from documents it retrieves (RAG).</summary>
    public bool Retrieval { get; init; }

    /// <summary>Whether callers may see different documents (clearance levels or roles).</summary>
    public bool RetrievalAccessRules { get; init; }

    /// <summary>The tools the assistant calls as an agent; empty when it calls none.</summary>
    public IReadOnlyList<string> AgentTools { get; init; } = [];

    /// <summary>The role, in the target's tool policy, an ordinary user calls the tools as.</summary>
    public string AgentRole { get; init; } = "customer";

    /// <summary>The fine-tuning data (JSON Lines, relative to the repository root), or null when the model is not fine-tuned.</summary>
    public string? FineTuningDataset { get; init; }

    /// <summary>Whether the assistant remembers users between conversations (memory, personalisation).</summary>
    public bool Memory { get; init; }

    /// <summary>How it is served: demo, openai or code.</summary>
    public string Serving { get; init; } = "demo";

    /// <summary>The target the stories name: <c>demo:guarded</c>, a target in securereqs.json, or one registered in code.</summary>
    public string Target { get; init; } = "demo:guarded";

    /// <summary>The OpenAI-compatible API base (serving openai).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model name (serving openai).</summary>
    public string? Model { get; init; }

    /// <summary>The environment variable holding the API key (serving openai).</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>The file holding the system prompt, relative to securereqs.json (serving openai), or null.</summary>
    public string? SystemPromptFile { get; init; }

    /// <summary>Whether the assistant calls tools.</summary>
    public bool IsAgent => AgentTools.Count > 0;

    /// <summary>Reads an answers file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The answers.</returns>
    /// <exception cref="SecureReqsException">The file is missing or malformed; the message names the file, line and fix.</exception>
    public static PipelineAnswers Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SecureReqsException($"{path}: the answers file does not exist. Check the path, or run 'securereqs init' without --answers to be asked the questions.");
        }

        var utf8 = File.ReadAllBytes(path);
        var document = JsonFile.Parse(utf8, path, "the answers file");
        using (document)
        {
            SecureReqsException Error(string property, string problem) => new($"{path}:{LineOf(utf8, property)}: \"{property}\": {problem}");

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SecureReqsException($"{path}:1: the answers file is a JSON object such as {{ \"assistant\": \"support assistant\", \"personalData\": true, \"serving\": \"demo\" }}; see docs/init.md.");
            }

            foreach (var property in root.EnumerateObject().Where(p => !Properties.Contains(p.Name, StringComparer.Ordinal)))
            {
                throw Error(property.Name, $"unknown question.{Suggestions.DidYouMean(property.Name, Properties)} The answers are: {string.Join(", ", Properties)} (docs/init.md).");
            }

            string? Text(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                return value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 ? value.GetString()!.Trim() : throw Error(name, "must be text (or null).");
            }

            bool? Flag(string name) =>
                !root.TryGetProperty(name, out var value) ? null
                : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
                : throw Error(name, "must be true or false.");

            var defaults = new PipelineAnswers();
            IReadOnlyList<string> tools = defaults.AgentTools;
            if (root.TryGetProperty("agentTools", out var toolsElement))
            {
                tools = toolsElement.ValueKind == JsonValueKind.Array && toolsElement.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && t.GetString()!.Trim().Length > 0)
                    ? [.. toolsElement.EnumerateArray().Select(t => t.GetString()!.Trim())]
                    : throw Error("agentTools", "must be a list of tool names such as [\"lookup_order\", \"refund\"], or [] when the assistant calls no tool.");
            }

            var answers = new PipelineAnswers
            {
                Assistant = Text("assistant") ?? defaults.Assistant,
                PersonalData = Flag("personalData") ?? defaults.PersonalData,
                Classification = Text("classification") ?? defaults.Classification,
                Retrieval = Flag("retrieval") ?? defaults.Retrieval,
                RetrievalAccessRules = Flag("retrievalAccessRules") ?? defaults.RetrievalAccessRules,
                AgentTools = tools,
                AgentRole = Text("agentRole") ?? defaults.AgentRole,
                FineTuningDataset = Text("fineTuningDataset"),
                Memory = Flag("memory") ?? defaults.Memory,
                Serving = Text("serving") ?? defaults.Serving,
                Target = Text("target") ?? DefaultTarget(Text("serving") ?? defaults.Serving),
                Endpoint = Text("endpoint"),
                Model = Text("model"),
                ApiKeyVariable = Text("apiKeyVariable"),
                SystemPromptFile = Text("systemPromptFile"),
            };
            if (answers.Problem() is { } wrong)
            {
                throw Error(wrong.Property, wrong.Problem);
            }

            return answers;
        }
    }

    /// <summary>The target a way of serving names unless the answers name one.</summary>
    /// <param name="serving">demo, openai or code.</param>
    /// <returns>The target name.</returns>
    public static string DefaultTarget(string serving) => serving switch
    {
        "openai" => "staging",
        "code" => "support-assistant",
        _ => "demo:guarded",
    };

    /// <summary>The first answer that cannot be used, with the fix; null when all can.</summary>
    /// <returns>The question and the problem, or null.</returns>
    public (string Property, string Problem)? Problem()
    {
        if (!Classifications.Contains(Classification, StringComparer.Ordinal))
        {
            return ("classification", $"\"{Classification}\" is no classification level.{Suggestions.DidYouMean(Classification, Classifications)} Answer {string.Join(", ", Classifications)}.");
        }

        if (!ServingKinds.Contains(Serving, StringComparer.Ordinal))
        {
            return ("serving", $"\"{Serving}\" is no way of serving.{Suggestions.DidYouMean(Serving, ServingKinds)} Answer demo (the simulated assistant), openai (an OpenAI-compatible endpoint) or code (a target registered in your test project).");
        }

        if (Serving == "demo" && Target is not ("demo:guarded" or "demo:naive" or "demo:paraphrasing"))
        {
            return ("target", $"the demo is \"demo:guarded\", \"demo:naive\" or \"demo:paraphrasing\", not \"{Target}\".");
        }

        if (Serving != "demo" && Target.StartsWith("demo:", StringComparison.Ordinal))
        {
            return ("target", $"\"{Target}\" is a demo target; name your own target (such as \"staging\") when serving is \"{Serving}\".");
        }

        if (Serving == "openai" && (Endpoint is null || !Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ("endpoint", "serving \"openai\" needs the API base of the endpoint, such as \"https://staging.example.com/v1\".");
        }

        if (Serving == "openai" && Model is null)
        {
            return ("model", "serving \"openai\" needs the model name, such as \"gpt-4o-mini\".");
        }

        if (Serving == "openai" && (ApiKeyVariable is null || !ApiKeyVariable.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            return ("apiKeyVariable", "serving \"openai\" needs the name of the environment variable holding the API key, such as \"STAGING_OPENAI_KEY\" (letters, digits and _; the key itself is never written in a file).");
        }

        if (FineTuningDataset is { } dataset && (Path.IsPathRooted(dataset) || dataset.Replace('\\', '/').Split('/').Contains("..")))
        {
            return ("fineTuningDataset", $"\"{dataset}\" must be a path relative to the repository root, such as \"training/support-chats.jsonl\".");
        }

        return AgentTools.FirstOrDefault(t => t.Any(char.IsWhiteSpace)) is { } spaced
            ? ("agentTools", $"\"{spaced}\" is not a tool name (names have no spaces); list the tools' names as the application declares them.")
            : null;
    }

    // The 1-based line of a top-level property, or 1.
    private static int LineOf(byte[] utf8, string property)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
            {
                return Encoding.UTF8.GetString(utf8, 0, (int)reader.TokenStartIndex).Count(c => c == '\n') + 1;
            }
        }

        return 1;
    }
}
