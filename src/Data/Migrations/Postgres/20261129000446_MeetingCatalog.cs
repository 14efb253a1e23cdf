using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZoomPortal.src.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Uuid = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    HostZoomUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HostEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    HostEmailNormalized = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    HostName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Topic = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Agenda = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    ZoomStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProtectedPasscode = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    LastSyncedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemovedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingGroups",
                columns: table => new
                {
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingGroups", x => new { x.MeetingId, x.Name });
                    table.ForeignKey(
                        name: "FK_MeetingGroups_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingOccurrences",
                columns: table => new
                {
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    OccurrenceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingOccurrences", x => new { x.MeetingId, x.OccurrenceId });
                    table.ForeignKey(
                        name: "FK_MeetingOccurrences_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingGroups_Name",
                table: "MeetingGroups",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HostEmailNormalized",
                table: "Meetings",
                column: "HostEmailNormalized");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HostZoomUserId",
                table: "Meetings",
                column: "HostZoomUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingGroups");

            migrationBuilder.DropTable(
                name: "MeetingOccurrences");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
