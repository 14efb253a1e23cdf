# syntax=docker/dockerfile:1
# Build stage: CI runs these exact steps (.ci/dockerfile-build.sh) with an empty NuGet folder and checks the output.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Node.js 18+ with npm restores the Zoom Meeting SDK from package-lock.json; Ubuntu 24.04 (.NET 10's images) ships 18.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*

# Restore first, from the project files only, so these layers are reused until a dependency changes.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && touch node_modules/.zoomportal-npm-ci.stamp
COPY global.json Directory.Build.props Directory.Packages.props ZoomPortal.csproj ./
# The SDK restores the pack holding blazor.web.js only for a project with .razor files, which this layer does not have
# yet: say so, or `publish --no-restore` silently leaves out _framework and no page becomes interactive.
RUN dotnet restore ZoomPortal.csproj -p:RequiresAspNetWebAssets=true

COPY . .
RUN dotnet publish ZoomPortal.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
# Npgsql 10 tries GSSAPI encryption when it connects; without this library .NET prints "Cannot load library libgssapi_krb5.so.2".
RUN apt-get update && apt-get install -y --no-install-recommends libgssapi-krb5-2 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# SQLite's default file lives in /app/data, owned by the app user (uid 1654): mount a named volume there
# (a bind-mounted host folder must be writable by uid 1654), or use PostgreSQL (Database__Provider=Postgres).
RUN mkdir -p /app/data && chown $APP_UID /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
# `docker run … zoomportal migrate` applies the migrations and exits.
ENTRYPOINT ["dotnet", "ZoomPortal.dll"]
