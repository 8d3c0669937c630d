using System.Globalization;

namespace SecureReqs.Cli;

/// <summary>
/// Asks <c>securereqs init</c>'s questions about the AI pipeline one by one: each question and its default go to
/// <c>prompts</c>, each answer is a line of <c>input</c> (an empty line takes the default). An answer that cannot be
/// used is explained and asked again; input that ends before the last question is an error, never a silent default.
/// </summary>
internal sealed class PipelineQuestionnaire(TextReader input, TextWriter prompts)
{
    private int _asked;

    /// <summary>Asks every question that applies.</summary>
    /// <returns>The answers.</returns>
    /// <exception cref="SecureReqsException">The input ended before the last question.</exception>
    public PipelineAnswers Ask()
    {
        var defaults = new PipelineAnswers();
        prompts.WriteLine("A few questions about your AI pipeline (press Enter for the answer in brackets).");
        var assistant = Text("What is the assistant called in your stories?", defaults.Assistant);
        var personal = YesNo("Does it see personal data of customers or staff (names, e-mail addresses, card numbers)?", defaults.PersonalData);
        var classification = Choice("What is the highest classification of the data it sees?", PipelineAnswers.Classifications, defaults.Classification);
        var retrieval = YesNo("Does it answer from documents it retrieves (RAG, a knowledge base)?", false);
        var accessRules = retrieval && YesNo("May different users see different documents (clearance levels or roles)?", true);
        var tools = List("Does it call tools as an agent? Name them separated by commas, or answer none.");
        var role = tools.Count > 0 ? Text("As which role of your tool policy does an ordinary user call them?", defaults.AgentRole) : defaults.AgentRole;
        var dataset = Text("Is the model fine-tuned on your own data? Give the JSON Lines file relative to the repository root, or answer none.", "none");
        var memory = YesNo("Does it remember users between conversations (memory, personalisation)?", false);
        var serving = Choice("How is it served: demo (the simulated assistant, to try SecureReqs), openai (an OpenAI-compatible endpoint) or code (registered in your test project)?", PipelineAnswers.ServingKinds, defaults.Serving);
        var answers = new PipelineAnswers
        {
            Assistant = assistant,
            PersonalData = personal,
            Classification = classification,
            Retrieval = retrieval,
            RetrievalAccessRules = accessRules,
            AgentTools = tools,
            AgentRole = role,
            FineTuningDataset = dataset.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : dataset,
            Memory = memory,
            Serving = serving,
            Target = serving == "demo"
                ? Choice("Which demo build: demo:guarded (with guardrails) or demo:naive (without)?", ["demo:guarded", "demo:naive"], "demo:guarded")
                : Text("What do the stories call the target?", PipelineAnswers.DefaultTarget(serving)),
        };
        if (serving == "openai")
        {
            answers = answers with
            {
                Endpoint = Text("The endpoint's API base (such as https://staging.example.com/v1)?", null),
                Model = Text("The model name?", null),
                ApiKeyVariable = Text("The environment variable that holds the API key (the key is never written in a file)?", "STAGING_OPENAI_KEY"),
            };
            var prompt = Text("The file holding the system prompt, relative to this folder, or none?", "none");
            answers = answers with { SystemPromptFile = prompt.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : prompt };
        }

        return answers.Problem() is { } wrong
            ? throw new SecureReqsException($"the answer for \"{wrong.Property}\" cannot be used: {wrong.Problem} Run 'securereqs init' again.")
            : answers;
    }

    private string Text(string question, string? fallback)
    {
        _asked++;
        while (true)
        {
            var answer = Read(question, fallback);
            if (answer.Length > 0)
            {
                return answer;
            }

            prompts.WriteLine("  This question needs an answer.");
        }
    }

    private bool YesNo(string question, bool fallback)
    {
        _asked++;
        while (true)
        {
            switch (Read(question + " (yes/no)", fallback ? "yes" : "no").ToLowerInvariant())
            {
                case "y" or "yes":
                    return true;
                case "n" or "no":
                    return false;
                default:
                    prompts.WriteLine("  Answer yes or no.");
                    break;
            }
        }
    }

    private string Choice(string question, IReadOnlyList<string> choices, string fallback)
    {
        _asked++;
        while (true)
        {
            var answer = Read(question, fallback).ToLowerInvariant();
            if (choices.Contains(answer, StringComparer.Ordinal))
            {
                return answer;
            }

            prompts.WriteLine($"  Answer one of: {string.Join(", ", choices)}.{Suggestions.DidYouMean(answer, choices)}");
        }
    }

    private List<string> List(string question)
    {
        _asked++;
        var answer = Read(question, "none");
        return answer.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. answer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    private string Read(string question, string? fallback)
    {
        prompts.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_asked}. {question}{(fallback is null ? "" : $" [{fallback}]")}"));
        prompts.Flush();
        var line = input.ReadLine()
            ?? throw new SecureReqsException($"the answers ended before question {_asked.ToString(CultureInfo.InvariantCulture)} (\"{question}\"). Answer every question, or pass the answers in a file with --answers (docs/init.md).");
        var answer = line.Trim();
        return answer.Length == 0 ? fallback ?? "" : answer;
    }
}
