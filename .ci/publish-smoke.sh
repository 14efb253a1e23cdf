#!/usr/bin/env bash
# Publishes in Release (as the Dockerfile does) and starts the output in Production on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=artifacts/publish
PORT="${ZOOMPORTAL_SMOKE_PORT:-58080}"
rm -rf "$OUT" artifacts/smoke
dotnet publish ZoomPortal.csproj -c Release -o "$OUT" --nologo -v quiet
mkdir -p artifacts/smoke

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
Authentication__Oidc__Authority="https://idp.invalid" \
Authentication__Oidc__ClientId="smoke-test" \
Zoom__Mode=Sandbox Zoom__Sandbox__AllowOutsideDevelopment=true \
Database__SqlitePath="$(pwd)/artifacts/smoke/portal.db" \
  dotnet "$OUT/ZoomPortal.dll" migrate >artifacts/smoke/migrate.log 2>&1 || { cat artifacts/smoke/migrate.log; exit 1; }

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
Authentication__Oidc__Authority="https://idp.invalid" \
Authentication__Oidc__ClientId="smoke-test" \
Zoom__Mode=Sandbox Zoom__Sandbox__AllowOutsideDevelopment=true \
Database__SqlitePath="$(pwd)/artifacts/smoke/portal.db" \
  dotnet "$OUT/ZoomPortal.dll" >artifacts/smoke/app.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "published app exited:"; cat artifacts/smoke/app.log; exit 1; }
  sleep 0.5
done

fail=0
check() {
  local path="$1" expect="$2"
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")"
  if [ "$code" = "$expect" ]; then echo "  $path -> $code"; else echo "  $path -> $code (expected $expect)"; fail=1; fi
}
echo "Published app in Production:"
check /healthz 200
check /readyz 200
check /_content/MudBlazor/MudBlazor.min.css 200
check /_content/MudBlazor/MudBlazor.min.js 200
check /_framework/blazor.web.js 200
check /app.css 200
check / 200
check /authentication/dev-signin 404
# The page links the fingerprinted stylesheet it was published with.
css="$(curl -s "http://127.0.0.1:$PORT/" | grep -o '_content/MudBlazor/MudBlazor.min[^"]*\.css' | head -1)"
[ -n "$css" ] && check "/$css" 200 || { echo "  home page links no MudBlazor stylesheet"; fail=1; }
if [ "$fail" -ne 0 ]; then cat artifacts/smoke/app.log; exit 1; fi
