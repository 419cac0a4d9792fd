using System.CommandLine;
using Safedrop.Operator.Verbs;

// One binary, three verbs: the operator itself, the CRD generator and the GitOps checker.
var root = new RootCommand("Safedrop operator: reconciles safedrop.io resources into a running platform.");

var run = new Command("run", "Run the operator (in a cluster, or against the current kubeconfig).");
run.SetAction((_, _) => RunVerb.RunAsync(args.Skip(1).ToArray()));
root.Subcommands.Add(run);

var crdsDir = new Argument<DirectoryInfo>("dir") { Description = "Folder to write <plural>.safedrop.io.yaml files into." };
var crds = new Command("crds", "Write the generated CustomResourceDefinitions.") { crdsDir };
crds.SetAction(result => CrdsVerb.Run(result.GetValue(crdsDir)!, Console.Out));
root.Subcommands.Add(crds);

var checkDir = new Argument<DirectoryInfo>("folder") { Description = "Folder of tenant YAML (searched recursively)." };
var check = new Command("check", "Validate a folder of tenant YAML and print each resource's status; exits 1 when any is invalid.") { checkDir };
check.SetAction(result => CheckVerb.Run(result.GetValue(checkDir)!, Console.Out));
root.Subcommands.Add(check);

// `run` passes its remaining arguments (for example --Operator:Workers=4) to the host's configuration.
return await root.Parse(args.Take(args.FirstOrDefault() == "run" ? 1 : args.Length).ToArray()).InvokeAsync();
