namespace SecureReqs;

/// <summary>Why a results file does not verify against its detached signature.</summary>
public enum EvidenceProblemKind
{
    /// <summary>There is no <c>.sig</c> file next to the results file.</summary>
    MissingSignature,

    /// <summary>The <c>.sig</c> file is not a readable <c>securereqs.evidence-signature/v1</c> document.</summary>
    UnreadableSignature,

    /// <summary>The signature was made by a key that is not in the trusted set.</summary>
    UntrustedKey,

    /// <summary>The signature does not match the signature file's fields: the <c>.sig</c> was edited or forged.</summary>
    BadSignature,

    /// <summary>The signature names another file: it was copied from, or the results file renamed to, another name.</summary>
    WrongFile,

    /// <summary>The results file's bytes differ from the signed SHA-256: it changed after signing.</summary>
    ContentChanged,
}
