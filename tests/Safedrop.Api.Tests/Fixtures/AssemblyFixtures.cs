using Safedrop.Testing;

// One redis-server and one S3 server for the whole assembly run, stopped when it ends.
[assembly: AssemblyFixture(typeof(RedisServer))]
[assembly: AssemblyFixture(typeof(S3Server))]
