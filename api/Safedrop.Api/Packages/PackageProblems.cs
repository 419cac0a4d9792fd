using Safedrop.Api.Http;

namespace Safedrop.Api.Packages;

/// <summary>Refusals shared by the package services.</summary>
public static class PackageProblems
{
    public static ApiProblem NotServing { get; } =
        new(503, ProblemTypes.NotReady, "Not ready", "No valid tenant configuration is in force yet.");

    public static ApiProblem NotFound(string packageId) =>
        new(404, ProblemTypes.PackageNotFound, "Package not found", $"There is no package {packageId}, or it has expired.");

    public static ApiProblem DropzoneNotFound(string name) =>
        new(404, ProblemTypes.DropzoneNotFound, "Dropzone not found", $"There is no Dropzone {name} in force.");

    public static ApiProblem NotSender(string packageId) =>
        new(403, ProblemTypes.NotSender, "Only the sender may do this", $"Only the sender of package {packageId} uploads its files.");

    public static ApiProblem NotPending(string packageId) =>
        new(409, ProblemTypes.PackageNotPending, "The package is already complete", $"Package {packageId} was completed; its files cannot change.");
}
