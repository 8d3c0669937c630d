namespace SecureReqs.InjectionTraining;

/// <summary>A family of templates from one seed file: its id, language, split and template lines.</summary>
internal sealed record SeedFamily(string File, string Id, string Language, string Split, IReadOnlyList<SeedLine> Lines);

/// <summary>One template line and, for hidden tasks, the same task as the user would ask for it (after <c>=&gt;</c>).</summary>
internal sealed record SeedLine(string Template, string? UserForm, int LineNumber);
