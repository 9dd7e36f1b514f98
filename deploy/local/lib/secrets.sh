# shellcheck shell=bash
# deploy/local/lib/secrets.sh: the generated secrets of a state folder (SECRETS_DIR): passwords, the
# internal token key pair and the identity provider's client secret. Sourced by deploy/local/lib.sh.

# kutse_secret NAME: prints the random secret in SECRETS_DIR/NAME, generating it the first time.
# Hex only (safe inside DSNs and URLs), no trailing newline.
kutse_secret() {
  local file="$SECRETS_DIR/$1"
  if [[ ! -s $file ]]; then
    (umask 077 && printf '%s' "$(openssl rand -hex 24)" >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  cat "$file"
}

# ES256 key pair for the gateway's internal tokens (private key in PKCS#8), generated once.
kutse_ensure_token_keys() {
  TOKEN_PRIVATE_KEY_FILE="$SECRETS_DIR/token_private.pem"
  TOKEN_PUBLIC_KEY_FILE="$SECRETS_DIR/token_public.pem"
  if [[ ! -s $TOKEN_PRIVATE_KEY_FILE ]]; then
    (umask 077 && openssl ecparam -name prime256v1 -genkey -noout |
      openssl pkey -out "$TOKEN_PRIVATE_KEY_FILE.tmp" && mv "$TOKEN_PRIVATE_KEY_FILE.tmp" "$TOKEN_PRIVATE_KEY_FILE")
    rm -f "$TOKEN_PUBLIC_KEY_FILE"
  fi
  if [[ ! -s $TOKEN_PUBLIC_KEY_FILE ]]; then
    openssl pkey -in "$TOKEN_PRIVATE_KEY_FILE" -pubout -out "$TOKEN_PUBLIC_KEY_FILE"
  fi
}

# The client secret the gateway and the identity provider share: the file's path.
kutse_oidc_secret_file() {
  kutse_secret oidc_client.secret >/dev/null
  printf '%s\n' "$SECRETS_DIR/oidc_client.secret"
}
