using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZoomPortal.src.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JoinAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JoinAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JoinId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupportCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AttemptNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ErrorCategory = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    JoinOutcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SdkVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SdkView = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Browser = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OperatingSystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ZoomClockOffsetMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ZoomClockUncertaintyMs = table.Column<long>(type: "INTEGER", nullable: true),
                    BrowserClockOffsetMs = table.Column<long>(type: "INTEGER", nullable: true),
                    SignatureIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignatureExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TimeToJoinMs = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JoinAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignatureIssuances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JoinId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignatureIssuances", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_ErrorCategory_Id",
                table: "JoinAttempts",
                columns: new[] { "ErrorCategory", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_JoinId",
                table: "JoinAttempts",
                column: "JoinId");

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_MeetingId_Id",
                table: "JoinAttempts",
                columns: new[] { "MeetingId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_Outcome_Id",
                table: "JoinAttempts",
                columns: new[] { "Outcome", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_StartedAt",
                table: "JoinAttempts",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_SupportCode",
                table: "JoinAttempts",
                column: "SupportCode");

            migrationBuilder.CreateIndex(
                name: "IX_JoinAttempts_UserId_Id",
                table: "JoinAttempts",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SignatureIssuances_CreatedAt",
                table: "SignatureIssuances",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SignatureIssuances_UserId_CreatedAt",
                table: "SignatureIssuances",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JoinAttempts");

            migrationBuilder.DropTable(
                name: "SignatureIssuances");
        }
    }
}
