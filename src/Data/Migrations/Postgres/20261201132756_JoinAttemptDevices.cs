using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZoomPortal.src.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JoinAttemptDevices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Devices",
                table: "JoinAttempts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Devices",
                table: "JoinAttempts");
        }
    }
}
