-- Search of the public register by any part of a name: a trigram index over the folded names of
-- published certificates. The operator creates the extension in schema `extensions` and grants this
-- service's role USAGE on it (deploy/local/lib.sh, deploy/k8s/base/postgres-cluster.yaml).

CREATE INDEX certificates_name_search ON certificate.certificates
    USING gin (holder_name_folded extensions.gin_trgm_ops) WHERE published;
