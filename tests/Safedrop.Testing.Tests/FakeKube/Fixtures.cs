namespace Safedrop.Testing.Tests.FakeKube;

/// <summary>Small bodies the fake's tests send: a namespace, the Dropzone CRD of kube-wire 01, Dropzones.</summary>
internal static class Fixtures
{
    public const string Dropzones = "/apis/safedrop.io/v1alpha1/namespaces/demo/dropzones";

    public const string Namespace = """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"}}""";

    /// <summary>The CRD of kube-wire 01, plus a list-map and a set so apply merging can be tested.</summary>
    public const string DropzoneCrd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"dropzones.safedrop.io"},
         "spec":{"group":"safedrop.io","scope":"Namespaced",
          "names":{"kind":"Dropzone","plural":"dropzones","singular":"dropzone","shortNames":["dz"],"categories":["safedrop"]},
          "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
           "schema":{"openAPIV3Schema":{"type":"object","properties":{
            "spec":{"type":"object","required":["owner"],"properties":{
              "owner":{"type":"string","x-kubernetes-validations":[{"rule":"self == oldSelf","message":"owner is immutable"}]},
              "senderDomainAccess":{"type":"boolean","default":false},
              "members":{"type":"array","maxItems":3,"items":{"type":"string"}},
              "tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}},
              "rules":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                "items":{"type":"object","properties":{"name":{"type":"string"},"limit":{"type":"integer"},"note":{"type":"string"}}}},
              "quota":{"type":"object","properties":{"files":{"type":"integer"},"bytes":{"type":"integer"}},
                "x-kubernetes-validations":[{"rule":"!has(self.files) || self.files >= 0","message":"files must not be negative"}]}}},
            "status":{"type":"object","properties":{"observedGeneration":{"type":"integer"},
              "conditions":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}}}}]}}
        """;

    public static string Dropzone(string name, string owner = "owner@acme.example", string extraSpec = "", string finalizers = "")
    {
        var finalizerList = finalizers.Length > 0 ? ",\"finalizers\":[\"" + finalizers + "\"]" : "";
        return "{\"apiVersion\":\"safedrop.io/v1alpha1\",\"kind\":\"Dropzone\",\"metadata\":{\"name\":\"" + name + "\"" + finalizerList
            + "},\"spec\":{\"owner\":\"" + owner + "\"" + extraSpec + "}}";
    }
}
