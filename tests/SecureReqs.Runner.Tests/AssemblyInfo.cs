[assembly: SecureReqs.Xunit.FeatureTestRun]
