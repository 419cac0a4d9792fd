using System.CommandLine;
using Safedrop.Crypto;

namespace Safedrop.Client.Cli;

/// <summary>
/// <c>safedrop device-key register [--name N]</c>: makes a P-256 key pair, registers its public half, keeps the
/// private half as a PKCS#8 PEM beside the session (mode 0600).
/// </summary>
internal static class DeviceKeyCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var name = new Option<string>("--name") { Description = "A name to recognise this device by (default: the machine name)." };
        var register = new Command("register", "Register this device's key so senders can wrap keycodes for it.") { name };
        SafedropCli.SetHandler(register, environment, async (context, cancellationToken) =>
        {
            using var client = context.Connect();
            using var key = DeviceKeyPair.Generate();
            var registered = await client.RegisterDeviceKeyAsync(key, context.Parse.GetValue(name) ?? Environment.MachineName, cancellationToken);
            PrivateFile.Write(context.Environment.DeviceKeyPath, key.ExportPkcs8Pem());
            new StoredDeviceKey(client.BaseAddress, registered.Id, registered.Name).Write(context.Environment.DeviceKeyInfoPath);
            await context.Output.WriteLineAsync($"Registered device key {registered.Id} ({registered.Name}).");
            return SafedropCli.Ok;
        });
        return new Command("device-key", "Trusted device keys.") { register };
    }
}
