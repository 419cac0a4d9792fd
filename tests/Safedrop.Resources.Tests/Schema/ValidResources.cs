using System.Text.Json.Nodes;

namespace Safedrop.Resources.Tests.Schema;

/// <summary>A complete, valid resource of each kind (every field set), as JSON, and small edits of it.</summary>
internal static class ValidResources
{
    public static readonly string[] Kinds = ["Organization", "Dropzone", "SecurityGroup", "Workspace", "PersonalWorkflow"];

    private const string Status = """
        "observedGeneration": 3,
        "conditions": [
          { "type": "Ready", "status": "True", "reason": "Compiled", "message": "", "observedGeneration": 3, "lastTransitionTime": "2026-01-02T03:04:05Z" },
          { "type": "PlanAllows", "status": "Unknown", "reason": "Pending", "lastTransitionTime": "2026-01-02T03:04:05+01:00" }
        ]
        """;

    public static JsonObject Of(string kind) => JsonNode.Parse(Json(kind))!.AsObject();

    private static string Json(string kind) => kind switch
    {
        "Organization" => $$"""
            {
              "apiVersion": "safedrop.io/v1alpha1", "kind": "Organization",
              "metadata": { "name": "acme", "namespace": "acme", "labels": { "team": "it" } },
              "spec": {
                "displayName": "Acme Corp",
                "plan": "Enterprise",
                "domains": ["acme.example", "bücher.example"],
                "admins": ["alice@acme.example", "bob@acme.example"],
                "personalDomains": ["mailbox.example"],
                "features": { "senderDomainAccess": true, "externalSharing": true, "personalWorkflows": true, "apiKeys": false, "trustedDeviceKeys": true },
                "pin": { "length": 8, "ttlSeconds": 600, "maxAttempts": 5 },
                "session": { "idleTimeoutMinutes": 30, "absoluteTimeoutHours": 12 },
                "platform": {
                  "api": {
                    "replicas": 2, "image": "ghcr.io/safedrop/api:1.0.0", "publicUrl": "https://files.acme.example",
                    "resources": { "requests": { "cpu": "250m", "memory": "256Mi" }, "limits": { "cpu": 1, "memory": "1Gi" } }
                  },
                  "storage": {
                    "managed": {
                      "replicas": 4, "size": "100Gi", "storageClassName": "fast", "publicEndpoint": "https://s3.acme.example",
                      "resources": { "requests": { "memory": "1Gi" } }
                    }
                  },
                  "pinCache": { "managed": { "memory": "128Mi" } },
                  "sessionCache": { "external": { "secretRef": { "name": "session-redis" } } },
                  "keyEncryptionKeySecretRef": { "name": "acme-kek" }
                },
                "dataRetention": { "onDelete": "Retain" }
              },
              "status": {
                {{Status}},
                "apiEndpoint": "https://files.acme.example",
                "effectivePlan": "Enterprise",
                "resources": {
                  "dropzones": { "ready": 1, "total": 1 }, "securityGroups": { "ready": 2, "total": 2 },
                  "workspaces": { "ready": 0, "total": 1 }, "personalWorkflows": { "ready": 1, "total": 1 }
                },
                "configRevision": "sha256:0a1b2c"
              }
            }
            """,
        "Dropzone" => $$"""
            {
              "apiVersion": "safedrop.io/v1alpha1", "kind": "Dropzone",
              "metadata": { "name": "support", "namespace": "acme" },
              "spec": {
                "displayName": "Support uploads",
                "description": "Send us logs and screenshots.",
                "owner": "alice@acme.example",
                "members": ["bob@acme.example", "carol@acme.example"],
                "senderDomainAccess": true,
                "personalDomains": ["freemail.example"],
                "retentionDays": 30,
                "maxFileSize": "2Gi",
                "maxPackageSize": 10737418240,
                "maxFiles": 100,
                "allowedExtensions": [".pdf", ".log", ".png"]
              },
              "status": { {{Status}}, "senderDomainAccess": true, "uploadUrl": "https://files.acme.example/dz/support", "recipientCount": 3 }
            }
            """,
        "SecurityGroup" => $$"""
            {
              "apiVersion": "safedrop.io/v1alpha1", "kind": "SecurityGroup",
              "metadata": { "name": "support-managers", "namespace": "acme" },
              "spec": {
                "displayName": "Support managers",
                "permissions": ["DropzoneManager", "ApiKeys"],
                "members": ["bob@acme.example"],
                "dropzones": ["support"]
              },
              "status": { {{Status}}, "memberCount": 1 }
            }
            """,
        "Workspace" => $$"""
            {
              "apiVersion": "safedrop.io/v1alpha1", "kind": "Workspace",
              "metadata": { "name": "project-x", "namespace": "acme" },
              "spec": {
                "displayName": "Project X",
                "owner": "alice@acme.example",
                "collaborators": [
                  { "email": "bob@acme.example", "role": "CoOwner" },
                  { "email": "partner@vendor.example", "role": "Modify", "external": true }
                ],
                "externalSharing": true,
                "quota": "50Gi"
              },
              "status": { {{Status}}, "collaboratorCount": 2, "externalCollaboratorCount": 1, "usedBytes": 123456789 }
            }
            """,
        "PersonalWorkflow" => $$"""
            {
              "apiVersion": "safedrop.io/v1alpha1", "kind": "PersonalWorkflow",
              "metadata": { "name": "invoices", "namespace": "acme" },
              "spec": {
                "owner": "alice@acme.example",
                "description": "File incoming invoices.",
                "enabled": true,
                "trigger": "PackageReceived",
                "filters": {
                  "dropzones": ["support"], "workspaces": ["project-x"],
                  "senderDomains": ["vendor.example"], "fileNamePatterns": ["*.pdf", "invoice-??.xml"]
                },
                "actions": [
                  { "webhook": { "url": "https://hooks.acme.example/invoices", "secretRef": { "name": "hook-key", "key": "secret" } } },
                  { "copyToWorkspace": { "workspace": "project-x", "folder": "/invoices/2026" } },
                  { "email": { "to": ["bob@acme.example"], "subject": "New invoice" } }
                ]
              },
              "status": {
                {{Status}},
                "runs": { "total": 12, "succeeded": 11, "failed": 1 },
                "lastRun": { "id": "run-12", "state": "Succeeded", "startedAt": "2026-01-02T03:04:05Z", "finishedAt": "2026-01-02T03:04:07.250Z" }
              }
            }
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a Safedrop kind"),
    };
}
