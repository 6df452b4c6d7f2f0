#!/usr/bin/env bash
# Starts Keycloak locally with the Meldcodetour realm (docker/keycloak/meldcodetour-realm.json), without a container
# engine and without downloading anything outside Maven: the distribution is org.keycloak:keycloak-quarkus-dist from
# Maven Central, unpacked into target/run-keycloak. Keycloak runs in dev mode (its own H2 database in that folder)
# and stops with Ctrl+C.
#
#   scripts/run-keycloak.sh                      # Keycloak on http://localhost:8180, app expected on :8080
#   KEYCLOAK_PORT=8280 APP_PORT=8081 scripts/run-keycloak.sh
#
# Environment: KEYCLOAK_PORT (8180), APP_PORT (8080), CLIENT_SECRET, DEMO_PASSWORD (Meldcode-demo-2026),
# KEYCLOAK_ADMIN_PASSWORD (admin). See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYCLOAK_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
APP_PORT=${APP_PORT:-8080}
CLIENT_SECRET=${CLIENT_SECRET:-dev-only-client-secret-change-me}
DEMO_PASSWORD=${DEMO_PASSWORD:-Meldcode-demo-2026}
HOME_DIR=target/run-keycloak/keycloak-$KEYCLOAK_VERSION

if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
  echo "Keycloak $KEYCLOAK_VERSION from Maven Central (about 180 MB, once)..."
  ./mvnw -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory=target/run-keycloak \
    -DmarkersDirectory=target/run-keycloak/.markers
  chmod +x "$HOME_DIR"/bin/*.sh
fi
mkdir -p "$HOME_DIR/data/import"
cp docker/keycloak/meldcodetour-realm.json "$HOME_DIR/data/import/"

cat <<INFO

Keycloak $KEYCLOAK_VERSION starts on http://localhost:$KEYCLOAK_PORT (admin console: admin / ${KEYCLOAK_ADMIN_PASSWORD:-admin}).
Realm 'meldcodetour', client 'meldcodetour'. Demo users, password '$DEMO_PASSWORD':
  medewerker, aandachtsfunctionaris, gemeente, beheerder, trainer

Start the application against it, in another terminal:

  # dev mode (embedded PostgreSQL, code changes reload):
  ./mvnw quarkus:dev -Dquarkus.oidc.devservices.enabled=false \\
    -Dquarkus.oidc.auth-server-url=http://localhost:$KEYCLOAK_PORT/realms/meldcodetour \\
    -Dquarkus.oidc.client-id=meldcodetour -Dquarkus.oidc.credentials.secret=$CLIENT_SECRET -Dquarkus.http.port=$APP_PORT

  # or the packaged application, as in production (./mvnw package -DskipTests first):
  OIDC_AUTH_SERVER_URL=http://localhost:$KEYCLOAK_PORT/realms/meldcodetour OIDC_CLIENT_SECRET=$CLIENT_SECRET \\
  OIDC_STATE_SECRET=\$(openssl rand -base64 48) OIDC_TOKEN_ENCRYPTION_SECRET=\$(openssl rand -base64 48) \\
  PUBLIC_URL=http://localhost:$APP_PORT MAIL_FROM=noreply@example.org SMTP_HOST=localhost QUARKUS_HTTP_PORT=$APP_PORT \\
  java -jar target/quarkus-app/quarkus-run.jar

Then open http://localhost:$APP_PORT and choose Inloggen.

INFO

export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin}
export MELDCODETOUR_PUBLIC_URL=http://localhost:$APP_PORT MELDCODETOUR_CLIENT_SECRET=$CLIENT_SECRET MELDCODETOUR_DEMO_PASSWORD=$DEMO_PASSWORD
exec "$HOME_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --import-realm
