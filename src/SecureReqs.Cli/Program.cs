return SecureReqs.Cli.CliApp.Run(args);
