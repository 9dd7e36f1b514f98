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

# The key pair of the gateway's internal tokens, and the workflow's and stamping's own service-token keys (ADR 0005)
# with its public half in the certificate service's trusted folder, which says whose it is by name.
kutse_ensure_token_keys() {
  TOKEN_PRIVATE_KEY_FILE="$SECRETS_DIR/token_private.pem"
  TOKEN_PUBLIC_KEY_FILE="$SECRETS_DIR/token_public.pem"
  kutse_ensure_key_pair "$TOKEN_PRIVATE_KEY_FILE" "$TOKEN_PUBLIC_KEY_FILE"
  mkdir -p "$(kutse_trusted_keys_dir certificate)"
  kutse_ensure_key_pair "$(kutse_service_key_file workflow)" "$(kutse_trusted_keys_dir certificate)/workflow.pem"
  kutse_ensure_key_pair "$(kutse_service_key_file stamping)" "$(kutse_trusted_keys_dir certificate)/stamping.pem"
}

# A calling service's own private key; the folder of the callers' public keys a service trusts.
kutse_service_key_file() { printf '%s\n' "$SECRETS_DIR/service_$1_private.pem"; }
kutse_trusted_keys_dir() { printf '%s\n' "$SECRETS_DIR/trusted/$1"; }

# The client secret the gateway and the identity provider share: the file's path.
kutse_oidc_secret_file() {
  kutse_secret oidc_client.secret >/dev/null
  printf '%s\n' "$SECRETS_DIR/oidc_client.secret"
}

# The development e-seal (issue 12): a CA of its own and a seal certificate it issued in the register
# keeper's name, made once in SECRETS_DIR/seal. SEAL_KEY_FILE and SEAL_CERTIFICATE_FILE (the seal
# certificate, then the CA) are what the stamping service is given; ca.pem is the trust anchor a
# verifier of these development seals needs. Not a real seal: production takes its key elsewhere.
KUTSE_SEAL_ORGANISATION="SA Kutsekoda"
KUTSE_SEAL_ORGANISATION_ID=NTREE-90006399 # ETSI EN 319 412-1: legal person, Estonian business register code
kutse_ensure_seal_material() {
  local dir="$SECRETS_DIR/seal"
  SEAL_KEY_FILE="$dir/seal_key.pem"
  SEAL_CERTIFICATE_FILE="$dir/seal_cert.pem"
  [[ -s $SEAL_KEY_FILE && -s $SEAL_CERTIFICATE_FILE ]] && return 0
  log "creating the development CA and e-seal certificate in $dir"
  (umask 077 && mkdir -p "$dir")
  (
    cd "$dir" || exit 1
    umask 077
    openssl req -x509 -newkey rsa:3072 -nodes -keyout ca_key.pem -out ca.pem -days 3650 -sha256 \
      -subj "/C=EE/O=$KUTSE_SEAL_ORGANISATION/CN=Kutse development CA (not trusted)" \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
    openssl req -newkey rsa:3072 -nodes -keyout seal_key.pem.tmp -out seal.csr \
      -subj "/C=EE/O=$KUTSE_SEAL_ORGANISATION/organizationIdentifier=$KUTSE_SEAL_ORGANISATION_ID/CN=$KUTSE_SEAL_ORGANISATION e-seal (development)"
    printf '%s\n' basicConstraints=critical,CA:FALSE keyUsage=critical,digitalSignature,nonRepudiation \
      subjectKeyIdentifier=hash authorityKeyIdentifier=keyid >seal.ext
    openssl x509 -req -in seal.csr -CA ca.pem -CAkey ca_key.pem -CAcreateserial -days 1825 -sha256 \
      -extfile seal.ext -out seal_only.pem
    cat seal_only.pem ca.pem >seal_cert.pem.tmp
    rm -f seal.csr seal.ext seal_only.pem ca.srl
    mv seal_cert.pem.tmp seal_cert.pem && mv seal_key.pem.tmp seal_key.pem
  ) >"$dir/openssl.log" 2>&1 || die "openssl could not create the development e-seal, see $dir/openssl.log"
}

# The development trust services of baseline LT seals, beside the seal and under the same CA
# (after kutse_ensure_seal_material; a state folder made before them gets them on its next start):
# a time-stamping authority's certificate (tsa_cert.pem, extendedKeyUsage critical timeStamping, as
# RFC 3161 section 2.3 wants), an OCSP responder's certificate (ocsp_cert.pem, OCSPSigning) with
# their keys, and the responder's index.txt naming the seal certificate good. The local TSA
# (deploy/local/trust-services/tsa_server.py) and `openssl ocsp` answer with them.
kutse_ensure_trust_service_material() { # [FOLDER of the seal, default SECRETS_DIR/seal]
  local dir=${1:-$SECRETS_DIR/seal}
  [[ -s $dir/tsa_cert.pem && -s $dir/ocsp_cert.pem && -s $dir/index.txt ]] && return 0
  log "creating the development TSA and OCSP responder certificates in $dir"
  (
    cd "$dir" || exit 1
    umask 077
    [[ -s ca_key.pem && -s seal_cert.pem ]] || {
      echo "ca_key.pem or seal_cert.pem is missing: the development seal comes first"
      exit 1
    }
    kutse_issue_development_certificate tsa "Kutse development TSA (not trusted)" \
      keyUsage=critical,digitalSignature extendedKeyUsage=critical,timeStamping
    kutse_issue_development_certificate ocsp "Kutse development OCSP responder (not trusted)" \
      keyUsage=critical,digitalSignature extendedKeyUsage=OCSPSigning
    # openssl ca's index format: status, expiry (YYMMDDHHMMSSZ), revocation time, serial, file, subject.
    # seal_cert.pem starts with the seal certificate; the CA follows it.
    local expiry serial subject
    expiry=$(date -u -d "$(openssl x509 -in seal_cert.pem -noout -enddate | cut -d= -f2)" +%y%m%d%H%M%SZ)
    serial=$(openssl x509 -in seal_cert.pem -noout -serial | cut -d= -f2)
    subject=$(openssl x509 -in seal_cert.pem -noout -subject -nameopt compat | sed 's/^subject=//')
    printf 'V\t%s\t\t%s\tunknown\t%s\n' "$expiry" "$serial" "$subject" >index.txt.tmp
    mv index.txt.tmp index.txt
  ) >>"$dir/openssl.log" 2>&1 || die "openssl could not create the development TSA and OCSP responder, see $dir/openssl.log"
}

# kutse_issue_development_certificate NAME CN EXTENSION...: NAME_key.pem and NAME_cert.pem, issued by
# the development CA in the current folder, for five years.
kutse_issue_development_certificate() {
  local name=$1 cn=$2
  shift 2
  openssl req -newkey rsa:3072 -nodes -keyout "$name"_key.pem.tmp -out "$name".csr \
    -subj "/C=EE/O=$KUTSE_SEAL_ORGANISATION/CN=$cn"
  printf '%s\n' basicConstraints=critical,CA:FALSE "$@" subjectKeyIdentifier=hash authorityKeyIdentifier=keyid \
    >"$name".ext
  openssl x509 -req -in "$name".csr -CA ca.pem -CAkey ca_key.pem -set_serial "0x$(openssl rand -hex 16)" \
    -days 1825 -sha256 -extfile "$name".ext -out "$name"_cert.pem.tmp
  rm -f "$name".csr "$name".ext
  mv "$name"_cert.pem.tmp "$name"_cert.pem && mv "$name"_key.pem.tmp "$name"_key.pem
}
