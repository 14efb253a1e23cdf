# syntax=docker/dockerfile:1
# Build: the same `dotnet publish -c Release` that .ci/publish-smoke.sh runs and checks.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Node/npm restore the Zoom Meeting SDK from package-lock.json (the build runs npm ci when it is missing).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*

# Restore first, from the project files only, so the layers are reused until a dependency changes.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && touch node_modules/.zoomportal-npm-ci.stamp
COPY global.json Directory.Build.props Directory.Packages.props ZoomPortal.csproj ./
RUN dotnet restore ZoomPortal.csproj

COPY . .
RUN dotnet publish ZoomPortal.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app ./
# SQLite's default file lives here; mount a volume, or use PostgreSQL (Database__Provider=Postgres).
RUN mkdir -p /app/data && chown $APP_UID /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "ZoomPortal.dll"]
