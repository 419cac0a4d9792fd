using Safedrop.Portal.Tests.Hosting;

// One API on a real port and one headless chromium for the whole run.
[assembly: AssemblyFixture(typeof(PortalHost))]

// The flows share the API and the browser on a small machine: one at a time keeps timings honest.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
