// Verbs: run (the operator), crds <dir> (write the generated CRDs), check <folder> (validate a GitOps folder).
return 0;
