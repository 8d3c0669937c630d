namespace SecureReqs.InjectionTraining;

/// <summary>
/// Trains the learned stage: logistic regression by stochastic gradient descent with L2 regularisation, on one thread,
/// in a seeded order, so the same rows and seed give byte-identical weights.
/// </summary>
/// <remarks>
/// Hand-written rather than Microsoft.ML: the features must be exactly the ones inference computes
/// (<see cref="InjectionFeatures"/>), the trainer must be reproducible to the byte (one thread, a fixed order), and the
/// engine should not carry a machine-learning runtime for a dot product.
/// </remarks>
internal static class InjectionModelTrainer
{
    public const int Epochs = 12;

    /// <summary>How many SGD runs (seeds <c>seed</c> to <c>seed + Ensemble − 1</c>) are averaged into the shipped weights.</summary>
    public const int Ensemble = 5;
    public const double LearningRate = 0.3;
    public const double L2 = 1e-5;
    public const double DenseRate = 10;

    /// <summary>The rows of an example: a user turn whole; a document sentence by sentence.</summary>
    public static IEnumerable<FeatureRow> Rows(TrainingExample example)
    {
        var recorder = new FeatureRecorder();
        var folded = InjectionText.Fold(example.Text);
        var stems = InjectionFeatures.RequestStems(example.UserRequest);
        InjectionFeatures.Extract(folded.Shadow, example.Source, stems, ref recorder);
        if (recorder.Sentences.Count == 0)
        {
            yield break;
        }

        if (example.Source == InjectionSource.User)
        {
            yield return recorder.Row(0, recorder.Sentences.Count, example.Source, false, example.Injection);
            yield break;
        }

        for (var i = 0; i < recorder.Sentences.Count; i++)
        {
            var (start, _) = folded.ToSource(recorder.Sentences[i].Start, recorder.Sentences[i].Start + 1);
            var (_, end) = folded.ToSource(recorder.Sentences[i].End - 1, recorder.Sentences[i].End);
            var planted = example.Injection && start < example.InjectedEnd && example.InjectedStart < end;
            yield return recorder.Row(i, 1, example.Source, stems.Length > 0, planted);
        }
    }

    public static InjectionModel Train(IReadOnlyList<FeatureRow> rows, int seed)
    {
        // Averaged over several passes in different seeded orders: one SGD run leans on whichever rare n-grams it met
        // last, and the average of linear models is one linear model of the same size and speed.
        var weights = new double[InjectionFeatures.Buckets];
        double biasUser = 0, biasUntrusted = 0, unrelated = 0, related = 0;
        for (var member = 0; member < Ensemble; member++)
        {
            var (w, bu, bt, u, r) = TrainOne(rows, seed + member);
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += w[i] / Ensemble;
            }

            biasUser += bu / Ensemble;
            biasUntrusted += bt / Ensemble;
            unrelated += u / Ensemble;
            related += r / Ensemble;
        }

        // Rounded to the precision the file stores, so what is calibrated is what ships.
        var model = new InjectionModel([.. weights.Select(w => (float)w)], (float)biasUser, (float)biasUntrusted, (float)unrelated, (float)related);
        return InjectionModel.FromBytes(model.ToBytes(), "trained weights");
    }

    private static (double[] Weights, double BiasUser, double BiasUntrusted, double Unrelated, double Related) TrainOne(IReadOnlyList<FeatureRow> rows, int seed)
    {
        var weights = new double[InjectionFeatures.Buckets];
        double biasUser = 0, biasUntrusted = 0, unrelated = 0, related = 0;

        // Each source's classes weigh the same in total, so the rarer class is not ignored; Platt scaling undoes the prior.
        double ClassWeight(InjectionSource source, bool label)
        {
            var ofSource = rows.Count(r => r.Source == source);
            var ofClass = rows.Count(r => r.Source == source && r.Label == label);
            return ofClass == 0 ? 0 : ofSource / (2.0 * ofClass);
        }

        var classWeights = new Dictionary<(InjectionSource, bool), double>
        {
            [(InjectionSource.User, true)] = ClassWeight(InjectionSource.User, true),
            [(InjectionSource.User, false)] = ClassWeight(InjectionSource.User, false),
            [(InjectionSource.Untrusted, true)] = ClassWeight(InjectionSource.Untrusted, true),
            [(InjectionSource.Untrusted, false)] = ClassWeight(InjectionSource.Untrusted, false),
        };

        var order = Enumerable.Range(0, rows.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + epoch * 0.5);
            foreach (var index in order)
            {
                var row = rows[index];
                var user = row.Source == InjectionSource.User;
                var z = (user ? biasUser : biasUntrusted) + unrelated * row.Unrelated + related * row.Related;
                for (var k = 0; k < row.Buckets.Length; k++)
                {
                    z += weights[row.Buckets[k]] * row.Values[k];
                }

                var p = 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
                var gradient = (p - (row.Label ? 1 : 0)) * classWeights[(row.Source, row.Label)];
                for (var k = 0; k < row.Buckets.Length; k++)
                {
                    var b = row.Buckets[k];
                    weights[b] -= rate * (gradient * row.Values[k] + L2 * weights[b]);
                }

                // The two request features are dense and rare (only rows with a request): they learn ten times faster.
                unrelated -= DenseRate * rate * gradient * row.Unrelated;
                related -= DenseRate * rate * gradient * row.Related;
                if (user)
                {
                    biasUser -= rate * gradient;
                }
                else
                {
                    biasUntrusted -= rate * gradient;
                }
            }
        }

        return (weights, biasUser, biasUntrusted, unrelated, related);
    }
}
