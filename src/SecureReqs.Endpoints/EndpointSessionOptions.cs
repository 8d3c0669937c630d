namespace SecureReqs.Endpoints;

/// <summary>
/// How an <see cref="EndpointKind.Http"/> target keeps a conversation on the server: where the session id is read from
/// an answer (a field of the JSON, or a cookie the server sets) and how it is sent with the next request (a header, the
/// <c>{{session}}</c> placeholder of the body template, or the cookie sent back). Every case starts a fresh session; the
/// turns of a multi-turn case are sent one by one in it, each request carrying only the messages since the last answer.
/// </summary>
/// <remarks>
/// The session id travels with the conversation, in the additional properties of the answer message
/// (<see cref="MessageProperty"/>) and as <see cref="Microsoft.Extensions.AI.ChatResponse.ConversationId"/>, so two cases
/// never share a session, even when they run at once. A target with a session is never cached: the server's state
/// cannot be replayed.
/// </remarks>
public sealed class EndpointSessionOptions
{
    /// <summary>The key, in the additional properties of an answer message, of the session id it was given in.</summary>
    public const string MessageProperty = "securereqs.session";

    /// <summary>The path of the session id in an answer, such as <c>session_id</c>, or null when it comes in a cookie.</summary>
    public string? IdPath { get; init; }

    /// <summary>The name of the cookie that holds the session id, or null when the answer carries it at <see cref="IdPath"/>.</summary>
    public string? Cookie { get; init; }

    /// <summary>The header that sends the session id with the next request, or null.</summary>
    public string? Header { get; init; }

    /// <summary>How the id is read, for messages: <c>"session.idPath"</c> or <c>"session.cookie"</c>.</summary>
    internal string Setting => IdPath is null ? "\"session.cookie\"" : "\"session.idPath\"";
}
