# shellcheck shell=bash
# deploy/local/lib/secrets.sh: the generated secrets of a state folder (SECRETS_DIR): passwords, the
# internal token key pair, the service-token keys and the identity provider's client secret. Sourced
# by deploy/local/lib.sh.

# kutse_secret NAME: prints the random secret in SECRETS_DIR/NAME, generating it the first time.
# Hex only (safe inside DSNs and URLs), no trailing newline.
kutse_secret() {
  local file="$SECRETS_DIR/$1"
  if [[ ! -s $file ]]; then
    (umask 077 && printf '%s' "$(openssl rand -hex 24)" >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  cat "$file"
}

# kutse_ensure_key_pair PRIVATE PUBLIC: an ES256 (P-256) private key in PKCS#8 and its public half,
# generated once; a new private key gets a new public half.
kutse_ensure_key_pair() {
  local private=$1 public=$2
  if [[ ! -s $private ]]; then
    (umask 077 && openssl ecparam -name prime256v1 -genkey -noout |
      openssl pkey -out "$private.tmp" && mv "$private.tmp" "$private")
    rm -f "$public"
  fi
  if [[ ! -s $public ]]; then
    openssl pkey -in "$private" -pubout -out "$public"
  fi
}

# The key pair of the gateway's internal tokens, and the workflow's own service-token key (ADR 0005)
# with its public half in the certificate service's trusted folder, which says whose it is by name.
kutse_ensure_token_keys() {
  TOKEN_PRIVATE_KEY_FILE="$SECRETS_DIR/token_private.pem"
  TOKEN_PUBLIC_KEY_FILE="$SECRETS_DIR/token_public.pem"
  kutse_ensure_key_pair "$TOKEN_PRIVATE_KEY_FILE" "$TOKEN_PUBLIC_KEY_FILE"
  mkdir -p "$(kutse_trusted_keys_dir certificate)"
  kutse_ensure_key_pair "$(kutse_service_key_file workflow)" "$(kutse_trusted_keys_dir certificate)/workflow.pem"
}

# A calling service's own private key; the folder of the callers' public keys a service trusts.
kutse_service_key_file() { printf '%s\n' "$SECRETS_DIR/service_$1_private.pem"; }
kutse_trusted_keys_dir() { printf '%s\n' "$SECRETS_DIR/trusted/$1"; }

# The client secret the gateway and the identity provider share: the file's path.
kutse_oidc_secret_file() {
  kutse_secret oidc_client.secret >/dev/null
  printf '%s\n' "$SECRETS_DIR/oidc_client.secret"
}
