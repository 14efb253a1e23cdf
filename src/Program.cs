using ZoomPortal.Components;
using ZoomPortal.Data;
using ZoomPortal.Features.Admin;
using ZoomPortal.Features.Attendance;
using ZoomPortal.Features.Alerts;
using ZoomPortal.Features.Auth;
using ZoomPortal.Features.Health;
using ZoomPortal.Features.Join;
using ZoomPortal.Features.Join.Sdk;
using ZoomPortal.Features.Join.Signing;
using ZoomPortal.Features.Localisation;
using ZoomPortal.Features.Meetings;
using ZoomPortal.Features.ScaleOut;
using ZoomPortal.Features.Telemetry;
using ZoomPortal.Zoom;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalTelemetry();
builder.AddPortalData();
builder.AddPortalAuthentication();
builder.AddPortalShell();
builder.AddPortalLocalisation();
builder.AddPortalHealth();
builder.AddZoom();
builder.AddJoinSigning();
builder.AddZoomSdk();
builder.AddJoin();
builder.AddMeetings();
builder.AddAdmin();
builder.AddAttendance();
builder.AddScaleOut();
builder.AddAlerts();

var app = builder.Build();

if (args.Contains(DataSetup.MigrateCommand))
{
    await app.MigrateDatabaseAsync();
    return;
}

await app.MigrateDatabaseInDevelopmentAsync();

app.UsePortalLocalisation();
app.UsePortalShell();
app.MapPortalHealth();
app.MapPortalTelemetry();
app.MapPortalAuthentication();
app.MapPortalLocalisation();
app.MapZoomSdk();
app.MapMeetings();
app.MapAdmin();
app.MapAttendance();
app.MapPortalShell();

await app.RunAsync();

/// <summary>The app's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
