using Safedrop.Testing;

// One S3 server for the whole run: the direct-transfer tests presign URLs against it.
[assembly: AssemblyFixture(typeof(S3Server))]
