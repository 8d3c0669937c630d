namespace SecureReqs.InjectionTraining;

/// <summary>Records the features of a text sentence by sentence, so that training can build the windows inference scores.</summary>
internal struct FeatureRecorder : InjectionFeatures.ISink
{
    public FeatureRecorder()
    {
    }

    public List<int> Buckets { get; } = [];

    public List<float> Signs { get; } = [];

    /// <summary>For each sentence: where its features end in <see cref="Buckets"/>, its folded span, content and matched words.</summary>
    public List<(int FeaturesEnd, int Start, int End, int Content, int Matched)> Sentences { get; } = [];

    public readonly void Features(ReadOnlySpan<int> packed)
    {
        foreach (var p in packed)
        {
            Buckets.Add(InjectionFeatures.BucketOf(p));
            Signs.Add(InjectionFeatures.SignOf(p));
        }
    }

    public readonly void EndSentence(int start, int end, int contentWords, int matchedWords) =>
        Sentences.Add((Buckets.Count, start, end, contentWords, matchedWords));

    /// <summary>The row of sentences [first, first + width): duplicate buckets summed, values scaled by 1/√n, sorted by bucket.</summary>
    public readonly FeatureRow Row(int first, int width, InjectionSource source, bool hasRequest, bool label)
    {
        var from = first == 0 ? 0 : Sentences[first - 1].FeaturesEnd;
        var to = Sentences[first + width - 1].FeaturesEnd;
        var sums = new SortedDictionary<int, float>();
        for (var i = from; i < to; i++)
        {
            sums[Buckets[i]] = sums.GetValueOrDefault(Buckets[i]) + Signs[i];
        }

        // Each feature is emitted twice (alone and joined with the source): n counts features, as inference does.
        var scale = (float)(1 / Math.Sqrt(Math.Max(1, (to - from) / 2)));
        int content = 0, matched = 0;
        for (var k = first; k < first + width; k++)
        {
            content += Sentences[k].Content;
            matched += Sentences[k].Matched;
        }

        var (unrelated, related) = source == InjectionSource.User ? (0.0, 0.0) : InjectionModel.RequestFeatures(hasRequest, content, matched);
        return new FeatureRow([.. sums.Keys], [.. sums.Values.Select(v => v * scale)], source, unrelated, related, label);
    }
}
