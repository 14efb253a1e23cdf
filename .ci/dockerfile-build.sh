#!/usr/bin/env bash
# Runs the Dockerfile's BUILD stage exactly as written, without a Docker engine, then checks what it produced.
#
#   .ci/dockerfile-build.sh [DOCKERFILE]      (default: ./Dockerfile; e.g. <(git show main:Dockerfile))
#
# The build context is this working tree filtered by .dockerignore. Each WORKDIR/COPY/RUN/ENV of the stage named
# "build" runs in a scratch folder, in order, with an EMPTY NuGet package folder, so a restore input the Dockerfile
# forgets to copy before `dotnet restore … ; dotnet publish --no-restore` shows up as it would in `docker build`.
# Container paths (WORKDIR targets and what later stages COPY --from=build) are mapped into the scratch folder.
# `apt-get` RUN lines are not run on the CI machine; the commands they install must already be on PATH.
# Then the output is started in Production (Sandbox mode, SQLite, after `migrate`) and checked: blazor.web.js,
# MudBlazor's assets and the Zoom Meeting SDK are served, and a page becomes interactive in Chromium
# (tests/ZoomPortal.E2E, PublishedOutputTests). Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
DOCKERFILE="${1:-Dockerfile}"
[ -r "$DOCKERFILE" ] || { echo "No Dockerfile at $DOCKERFILE"; exit 1; }
SCRATCH="${ZOOMPORTAL_DOCKER_SCRATCH:-$REPO/artifacts/dockerfile-build}"
PORT="${ZOOMPORTAL_DOCKER_SMOKE_PORT:-58090}"
t0=$(date +%s)
stamp() { echo "[dockerfile] $1 ($(( $(date +%s) - t0 )) s)"; }

rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/context" "$SCRATCH/root" "$SCRATCH/nuget" "$SCRATCH/smoke"
# The Dockerfile may come from a pipe (<(git show …)): read it once.
cp "$DOCKERFILE" "$SCRATCH/Dockerfile"
DOCKERFILE="$SCRATCH/Dockerfile"

# 1. The build context: the working tree minus .dockerignore. Docker anchors a pattern at the context root; "**/x"
#    matches x at any depth. Excluded folders are not descended into (node_modules, bin, obj).
patterns=()
if [ -f .dockerignore ]; then
  while IFS= read -r pattern || [ -n "$pattern" ]; do
    pattern="${pattern%%#*}"; pattern="$(echo "$pattern" | xargs)"; pattern="${pattern#/}"; pattern="${pattern%/}"
    [ -z "$pattern" ] && continue
    [[ "$pattern" == '!'* ]] && { echo "exceptions (!) in .dockerignore are not supported by this script" >&2; exit 1; }
    patterns+=("$pattern")
  done <.dockerignore
fi
ignored() {
  local path="$1" p
  for p in "${patterns[@]}"; do
    if [[ "$p" == '**/'* ]]; then
      # shellcheck disable=SC2053
      [[ "$path" == ${p#\*\*/} || "$path" == */${p#\*\*/} ]] && return 0
    else
      # shellcheck disable=SC2053
      [[ "$path" == $p ]] && return 0
    fi
  done
  return 1
}
copy_context() {
  local dir="$1" entry rel
  for entry in "$dir"/* "$dir"/.[!.]* "$dir"/..?*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    rel="${entry#./}"
    ignored "$rel" && continue
    if [ -d "$entry" ] && [ ! -L "$entry" ]; then
      mkdir -p "$SCRATCH/context/$rel"
      copy_context "$entry"
    else
      cp -a "$entry" "$SCRATCH/context/$rel"
    fi
  done
}
patterns+=("artifacts")
copy_context .
stamp "build context: $(find "$SCRATCH/context" -type f | wc -l) files"

# 2. The instructions of the build stage (continuation lines joined), and the container paths to map.
stage="$SCRATCH/build-stage"
sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$DOCKERFILE" | awk '
  toupper($1) == "FROM" { in_build = (tolower($0) ~ / as build[ \t]*$/); next }
  in_build && $0 !~ /^[ \t]*(#|$)/ { print }' >"$stage"
[ -s "$stage" ] || { echo "No stage named 'build' in the Dockerfile"; exit 1; }
mapfile -t roots < <( { awk 'toupper($1) == "WORKDIR" { print $2 }' "$stage"
  sed -n 's/^[ \t]*COPY[ \t]\+--from=build[ \t]\+\([^ \t]\+\).*/\1/Ip' "$DOCKERFILE"; } |
  sed -n 's#^\(/[^/ ]\+\).*#\1#p' | sort -u)
map_paths() {
  local text="$1" root
  for root in "${roots[@]}"; do
    text="$(printf '%s' "$text" | sed -E "s#(^|[ =:\"'])${root}(/|[ \"';&|]|\$)#\1$SCRATCH/root${root}\2#g")"
  done
  printf '%s' "$text"
}

# 3. Run them. Docker starts every RUN in a fresh shell (/bin/sh -c) in the current WORKDIR with the stage's ENV.
workdir="$SCRATCH/root"
stage_env=(
  "PATH=$PATH" "HOME=$SCRATCH/home" "NUGET_PACKAGES=$SCRATCH/nuget"
  "DOTNET_CLI_TELEMETRY_OPTOUT=1" "DOTNET_NOLOGO=1" "DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1"
  # The .NET SDK images set these; the CI machine's npm cache is reused (packages are checked against the lock).
  "DOTNET_USE_POLLING_FILE_WATCHER=true" "npm_config_cache=${npm_config_cache:-$HOME/.npm}"
)
mkdir -p "$SCRATCH/home/.nuget/NuGet"
# The NuGet sources the machine is configured with; the package folder stays empty.
[ -f "$HOME/.nuget/NuGet/NuGet.Config" ] && cp "$HOME/.nuget/NuGet/NuGet.Config" "$SCRATCH/home/.nuget/NuGet/"
while IFS= read -r line; do
  instruction="$(echo "$line" | awk '{ print toupper($1) }')"
  args="$(echo "$line" | sed -E 's/^[ \t]*[A-Za-z]+[ \t]+//')"
  case "$instruction" in
    WORKDIR)
      workdir="$(map_paths "$args")"
      case "$workdir" in /*) ;; *) workdir="$SCRATCH/root/$workdir" ;; esac
      mkdir -p "$workdir"
      stamp "WORKDIR $args" ;;
    ENV)
      # ENV KEY=VALUE [KEY=VALUE…] (the legacy "ENV KEY VALUE" form is not used here).
      read -r -a pairs <<<"$args"
      for pair in "${pairs[@]}"; do stage_env+=("$(map_paths "$pair")"); done
      stamp "ENV $args" ;;
    COPY)
      case "$args" in --from=*|--chown=*|--link*|--chmod=*) echo "COPY options are not supported by this script: $line"; exit 1 ;; esac
      read -r -a parts <<<"$args"
      dest="$(map_paths "${parts[-1]}")"
      case "$dest" in /*) ;; *) dest="$workdir/$dest" ;; esac
      unset 'parts[-1]'
      mkdir -p "$dest"
      for src in "${parts[@]}"; do
        if [ "$src" = "." ]; then
          cp -a "$SCRATCH/context/." "$dest/"
        else
          [ -e "$SCRATCH/context/$src" ] || { echo "COPY $src: not in the build context (.dockerignore?)"; exit 1; }
          cp -a "$SCRATCH/context/$src" "$dest/"
        fi
      done
      stamp "COPY $args" ;;
    RUN)
      if [[ "$args" == apt-get* ]]; then
        # Installs into the image only; the CI machine must already have the commands (checked by the next RUNs).
        stamp "RUN $args  (skipped: apt-get)"
        continue
      fi
      stamp "RUN $args"
      command="$(map_paths "$args")"
      (cd "$workdir" && env -i "${stage_env[@]}" /bin/sh -c "$command") || { echo "[dockerfile] FAILED: RUN $args"; exit 1; }
      ;;
    ARG|LABEL|USER|EXPOSE|SHELL|HEALTHCHECK|VOLUME|STOPSIGNAL|ONBUILD|ENTRYPOINT|CMD)
      echo "Instruction $instruction in the build stage is not supported by this script: $line"; exit 1 ;;
    *)
      echo "Unknown instruction: $line"; exit 1 ;;
  esac
done <"$stage"

# The output the final stage copies (COPY --from=build /app ./).
from="$(sed -n 's/^[ \t]*COPY[ \t]\+--from=build[ \t]\+\([^ \t]\+\).*/\1/Ip' "$DOCKERFILE" | head -1)"
[ -n "$from" ] || { echo "The Dockerfile's final stage copies nothing from the build stage"; exit 1; }
OUT="$(map_paths "$from")"
[ -f "$OUT/ZoomPortal.dll" ] || { echo "The build stage left no ZoomPortal.dll in $from"; exit 1; }
stamp "build stage done: $(du -sh "$OUT" | cut -f1) in $from"

# 4. Start the output as the image's ENTRYPOINT would, in Production, in Sandbox mode, on a migrated SQLite file.
run_env=(
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT"
  Zoom__Mode=Sandbox Zoom__Sandbox__AllowOutsideDevelopment=true
  Authentication__Oidc__Authority="https://idp.invalid" Authentication__Oidc__ClientId="dockerfile-smoke"
  Database__SqlitePath="$SCRATCH/smoke/portal.db"
)
(cd "$OUT" && env "${run_env[@]}" dotnet ZoomPortal.dll migrate) >"$SCRATCH/smoke/migrate.log" 2>&1 \
  || { cat "$SCRATCH/smoke/migrate.log"; exit 1; }
(cd "$OUT" && exec env "${run_env[@]}" dotnet ZoomPortal.dll) >"$SCRATCH/smoke/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "The published app exited:"; cat "$SCRATCH/smoke/app.log"; exit 1; }
  sleep 0.5
done

fail=0
check() {
  local path="$1" code
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")"
  if [ "$code" = 200 ]; then echo "  $path -> $code"; else echo "  $path -> $code (expected 200)"; fail=1; fi
}
home="$(curl -s "http://127.0.0.1:$PORT/")"
linked() { echo "$home" | grep -o "$1" | head -1; }
sdk_version="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$OUT/zoom-sdk/meetingsdk/package.json" 2>/dev/null | head -1)"
echo "Output of the Dockerfile's build stage, started in Production:"
check /healthz
check /readyz
check /_framework/blazor.web.js
for asset in "$(linked '_framework/blazor\.web[^"]*\.js')" "$(linked '_content/MudBlazor/MudBlazor\.min[^"]*\.css')" \
             "$(linked '_content/MudBlazor/MudBlazor\.min[^"]*\.js')"; do
  if [ -n "$asset" ]; then check "/$asset"; else echo "  the home page links a missing asset"; fail=1; fi
done
check /app.css
check /zoom-sdk/loader.js
if [ -n "$sdk_version" ]; then
  check "/zoom-sdk/$sdk_version/zoom-meeting-embedded-ES5.min.js"
  check "/zoom-sdk/$sdk_version/zoom-meeting-$sdk_version.min.js"
else
  echo "  no Zoom Meeting SDK in the output (zoom-sdk/meetingsdk/package.json)"; fail=1
fi
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/authentication/dev-signin")"
[ "$code" = 404 ] && echo "  /authentication/dev-signin -> 404" || { echo "  /authentication/dev-signin -> $code (expected 404 outside Development)"; fail=1; }
stamp "interactivity in Chromium"
ZOOMPORTAL_PUBLISHED_URL="http://127.0.0.1:$PORT/" dotnet test tests/ZoomPortal.E2E/ZoomPortal.E2E.csproj \
  ${ZOOMPORTAL_DOCKER_NO_BUILD:+--no-build} -nologo -v quiet --logger "console;verbosity=normal" --filter "FullyQualifiedName~PublishedOutputTests" \
  || { echo "  the home page did not become interactive"; fail=1; }
if [ "$fail" -ne 0 ]; then
  echo "[dockerfile] FAILED: the output of the Dockerfile's build stage is broken"
  tail -30 "$SCRATCH/smoke/app.log"
  exit 1
fi
stamp "the Dockerfile's build stage produces a working portal"
