# syntax=docker/dockerfile:1
# Build: the same `dotnet publish -c Release` that .ci/publish-smoke.sh runs and checks.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files only, so the layer is reused until a dependency changes.
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
