using Safedrop.Client.Cli;

// The `safedrop` command-line tool. Everything lives in SafedropCli so tests run the verbs in-process.
return await SafedropCli.InvokeAsync(args, CliEnvironment.FromProcess());
